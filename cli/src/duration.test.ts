import { formatDuration } from './duration';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [250, '< 1 s'],
    [999, '< 1 s'],
    [1000, '1 s'],
    [45 * s, '45 s'],
    [59 * s + 999, '59 s'],
    [min, '1 min'],
    [min + 5 * s, '1 min 5 s'],
    [105 * min, '1 h 45 min'],
    [h + 59 * min + 59 * s, '1 h 59 min'],
    [2 * h, '2 h'],
    [2 * h + 30 * s, '2 h'],
    [2 * d + 3 * h, '2 d 3 h'],
    [d + 30 * min, '1 d'],
    [400 * d + 23 * h, '400 d 23 h'],
  ])('reads %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (ms) => {
    expect(() => formatDuration(ms)).toThrow(RangeError);
  });
});
