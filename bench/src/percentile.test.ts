import { percentileOfSorted, percentiles } from './percentile';

describe('percentileOfSorted', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes the nearest rank, never interpolating', () => {
    expect(percentileOfSorted(hundred, 50)).toBe(50);
    expect(percentileOfSorted(hundred, 95)).toBe(95);
    expect(percentileOfSorted(hundred, 99)).toBe(99);
    expect(percentileOfSorted([10, 20, 30, 40], 50)).toBe(20);
    expect(percentileOfSorted([10, 20, 30, 40], 51)).toBe(30);
  });

  it('gives the minimum at p0 and the maximum at p100', () => {
    expect(percentileOfSorted(hundred, 0)).toBe(1);
    expect(percentileOfSorted(hundred, 100)).toBe(100);
  });

  it('gives the only value of a single sample at every percentile', () => {
    expect(percentileOfSorted([7], 1)).toBe(7);
    expect(percentileOfSorted([7], 99)).toBe(7);
  });

  it('rejects an empty list and percentiles out of range', () => {
    expect(() => percentileOfSorted([], 50)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], -1)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], 101)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('percentiles', () => {
  it('sorts its input without changing it', () => {
    const values = [900, 100, 500, 300, 700];
    expect(percentiles(values)).toEqual({ p50: 500, p95: 900, p99: 900, max: 900 });
    expect(values).toEqual([900, 100, 500, 300, 700]);
  });

  it('separates the tail of 1,000 samples', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 990 ? 100 : 5000 + i));
    expect(percentiles(values)).toEqual({ p50: 100, p95: 100, p99: 100, max: 5999 });
    values[989] = 4000;
    expect(percentiles(values).p99).toBe(4000);
  });

  it('is all zero with no samples', () => {
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
  });
});
