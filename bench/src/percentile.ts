/** Latency percentiles the benchmark reports. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Nearest-rank percentile of values sorted ascending: the smallest value with at least `p` per
 * cent of the values at or below it. No interpolation, so every reported latency was observed.
 * @throws RangeError for an empty list or `p` outside 0-100.
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    throw new RangeError('percentile of an empty list');
  }
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`percentile ${p} is not within 0-100`);
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** p50, p95, p99 and max of unsorted values; all zero for an empty list. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) {
    return { p50: 0, p95: 0, p99: 0, max: 0 };
  }
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted[sorted.length - 1] as number,
  };
}
