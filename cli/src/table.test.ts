import { formatTable } from './table';

describe('formatTable', () => {
  it('aligns every column to its widest cell', () => {
    expect(
      formatTable(
        ['id', 'status'],
        [
          ['SHP-1', 'IN_TRANSIT'],
          ['S-22', ''],
        ],
      ),
    ).toBe(['id     status', '-----  ----------', 'SHP-1  IN_TRANSIT', 'S-22'].join('\n'));
  });

  it('formats 250 000 rows (spreading them into Math.max throws RangeError)', () => {
    const rows = Array.from({ length: 250_000 }, (_, n) => [String(n), 'x']);
    const lines = formatTable(['n', 'v'], rows).split('\n');
    expect(lines).toHaveLength(250_002);
    expect(lines[1]).toBe('------  -');
  });
});
