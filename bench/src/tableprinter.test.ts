import { buildCaliperRound } from './caliperreport';
import { caliperTable, formatNumber, renderTable } from './tableprinter';

describe('renderTable', () => {
  it('pads columns, right-aligning numbers and left-aligning text', () => {
    const text = renderTable({
      headers: ['Name', 'TPS'],
      rows: [
        ['batched', '1,234.5'],
        ['naive', '7'],
      ],
    });
    expect(text.split('\n')).toEqual([
      '| Name    | TPS     |',
      '|---------|---------|',
      '| batched | 1,234.5 |',
      '| naive   |       7 |',
    ]);
  });

  it('rejects a row of the wrong width', () => {
    expect(() => renderTable({ headers: ['a', 'b'], rows: [['1']] })).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it('groups thousands and fixes decimals', () => {
    expect(formatNumber(20000)).toBe('20,000');
    expect(formatNumber(2.5, 2)).toBe('2.50');
  });
});

describe('caliperTable', () => {
  it("has Caliper's columns then readings and percentiles, one row per round", () => {
    const round = buildCaliperRound({ name: 'naive', readingsPerTransaction: 1, concurrency: 1 }, [
      { submittedAt: 0, orderedAt: 50, finishedAt: 250, ok: true, readings: 1 },
    ]);
    const table = caliperTable([round]);
    expect(table.headers.slice(0, 8)).toEqual([
      'Name',
      'Succ',
      'Fail',
      'Send Rate (TPS)',
      'Max Latency (s)',
      'Min Latency (s)',
      'Avg Latency (s)',
      'Throughput (TPS)',
    ]);
    expect(table.rows).toEqual([
      ['naive', '1', '0', '0.0', '0.25', '0.25', '0.25', '4.0', '4', '250', '250', '250'],
    ]);
  });
});
