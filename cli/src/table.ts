/** Formats rows as an aligned plain-text table for people. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  // A loop, not Math.max(...cells): spreading a long list overflows the call stack.
  const widths = headers.map((header, c) =>
    rows.reduce((width, row) => Math.max(width, (row[c] ?? '').length), header.length),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const isoTime = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '' : new Date(ms).toISOString();

export const celsius = (milliC: number | null | undefined): string =>
  milliC === null || milliC === undefined ? '' : (milliC / 1000).toFixed(1);
