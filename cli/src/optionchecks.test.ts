import { checkTime, oneOf, parseTime } from './optionchecks';

describe('option checks', () => {
  it('take a value of a list in any case and name the list otherwise', () => {
    const severity = oneOf(['WARNING', 'CRITICAL']);
    expect(severity('critical')).toBeUndefined();
    expect(severity('HIGH')).toBe('must be WARNING or CRITICAL');
    expect(oneOf(['A', 'B', 'C'])('d')).toBe('must be A, B or C');
  });

  it.each([
    ['2026-11-23T10:00:00Z', Date.UTC(2026, 10, 23, 10)],
    ['2026-11-23T10:00Z', Date.UTC(2026, 10, 23, 10)],
    ['2026-11-23T11:00:00.5+01:00', Date.UTC(2026, 10, 23, 10, 0, 0, 500)],
    ['2026-11-23', Date.UTC(2026, 10, 23)],
  ])('read the time %j', (text, ms) => {
    expect(parseTime(text)).toBe(ms);
    expect(checkTime(text)).toBeUndefined();
  });

  it.each([
    '2026-11-23T10:00:00',
    '2026-02-30',
    '2026-13-01T00:00:00Z',
    'yesterday',
    '1795424400000',
    '',
  ])('refuse %j, saying what a time looks like', (text) => {
    expect(parseTime(text)).toBeNaN();
    expect(checkTime(text)).toMatch(/^must be a time such as/);
  });
});
