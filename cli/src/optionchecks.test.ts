import { checkDate, checkId, checkTime, oneOf, parseTime } from './optionchecks';

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

  it("take dates and ids by the ledger's own rules", () => {
    expect(checkDate('2028-02-29')).toBeUndefined();
    expect(checkDate('2026-02-30')).toBe('must be a date YYYY-MM-DD');
    expect(checkDate('2026-2-3')).toBe('must be a date YYYY-MM-DD');
    expect(checkId('urn:epc:id:giai:4000001.111')).toBeUndefined();
    expect(checkId('a b')).toBe('must be 1-64 chars [A-Za-z0-9._:/-]');
    expect(checkId('x'.repeat(65))).toBe('must be 1-64 chars [A-Za-z0-9._:/-]');
  });
});
