/** The width of each column: its header's or its longest cell's. */
export function columnWidths(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): number[] {
  // A loop, not Math.max(...cells): spreading a long list overflows the call stack.
  return headers.map((header, c) =>
    rows.reduce((width, row) => Math.max(width, (row[c] ?? '').length), header.length),
  );
}

/** One line of an aligned table: each cell padded to its column, two spaces between. */
export function alignedLine(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, c) => cell.padEnd(widths[c] ?? 0))
    .join('  ')
    .trimEnd();
}

/** The header line and its underline. */
export function headerLines(headers: readonly string[], widths: readonly number[]): string[] {
  return [
    alignedLine(headers, widths),
    alignedLine(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
  ];
}

/** Formats rows as an aligned plain-text table for people. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = columnWidths(headers, rows);
  return [...headerLines(headers, widths), ...rows.map((row) => alignedLine(row, widths))].join(
    '\n',
  );
}

/** At most `max` of a list for people, and the line counting the rest (`... and 5 more`), if any. */
export function atMost<T>(
  items: readonly T[],
  max: number,
): { readonly shown: readonly T[]; readonly more: string[] } {
  return {
    shown: items.slice(0, max),
    more: items.length > max ? [`... and ${items.length - max} more`] : [],
  };
}

export const isoTime = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '' : new Date(ms).toISOString();

export const celsius = (milliC: number | null | undefined): string =>
  milliC === null || milliC === undefined ? '' : (milliC / 1000).toFixed(1);
