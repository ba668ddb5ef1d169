import type { CaliperRound } from './caliperreport';

/** A text table: a header row and data rows of the same width. */
export interface TextTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const numeric = /^-?[\d,.]+( ?[a-z%]+)?$/i;

/**
 * Renders a table in Caliper's pipe style, numbers right-aligned, text left-aligned.
 * @throws RangeError if a row's width differs from the header's.
 */
export function renderTable(table: TextTable): string {
  const width = table.headers.length;
  for (const row of table.rows) {
    if (row.length !== width) {
      throw new RangeError(`row has ${row.length} cells, the header ${width}`);
    }
  }
  const widths = table.headers.map((header, column) =>
    table.rows.reduce((w, row) => Math.max(w, (row[column] ?? '').length), header.length),
  );
  const line = (cells: readonly string[], alignNumbers: boolean): string =>
    '| ' +
    cells
      .map((cell, column) => {
        const w = widths[column] ?? 0;
        return alignNumbers && numeric.test(cell) ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(' | ') +
    ' |';
  const rule = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  return [line(table.headers, false), rule, ...table.rows.map((row) => line(row, true))].join('\n');
}

/** Thousands separators, fixed decimals. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Caliper's columns, then readings per second and latency percentiles in milliseconds. */
export function caliperTable(rounds: readonly CaliperRound[]): TextTable {
  return {
    headers: [
      'Name',
      'Succ',
      'Fail',
      'Send Rate (TPS)',
      'Max Latency (s)',
      'Min Latency (s)',
      'Avg Latency (s)',
      'Throughput (TPS)',
      'Readings/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
    ],
    rows: rounds.map((r) => [
      r.name,
      formatNumber(r.succeeded),
      formatNumber(r.failed),
      formatNumber(r.sendRateTps, 1),
      formatNumber(r.latencyS.max, 2),
      formatNumber(r.latencyS.min, 2),
      formatNumber(r.latencyS.avg, 2),
      formatNumber(r.throughputTps, 1),
      formatNumber(r.readingsPerSecond),
      formatNumber(r.latencyMs.p50),
      formatNumber(r.latencyMs.p95),
      formatNumber(r.latencyMs.p99),
    ]),
  };
}
