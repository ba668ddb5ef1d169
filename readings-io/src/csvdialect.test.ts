import { detectDelimiter, parseCellNumber } from './csvdialect';

describe('detectDelimiter', () => {
  it('is not swayed by commas inside quotes or a title line', () => {
    // HOBOware's layout: a one-cell title, then a header whose quoted cells hold commas.
    const hobo = [
      '"Plot Title: 20338010"',
      '"#","Date Time, GMT+00:00","Temp, °C (LGR S/N: 20338010, SEN S/N: 20338010)"',
      '1,06/10/26 12:00:00 AM,5.000',
      '2,06/10/26 12:30:00 AM,5.305',
    ].join('\n');
    expect(detectDelimiter(hobo)).toBe(',');
  });

  it('prefers the semicolon when decimal commas give as many commas per line', () => {
    expect(detectDelimiter('Zeit;Temp [°C]\n10.06.2026 08:00;4,5\n10.06.2026 08:15;4,6')).toBe(';');
  });

  it('reads the delimiter from the first lines of a file larger than its sample', () => {
    const row = (i: number): string =>
      `${10 + (i % 18)}.06.2026 08:${String(i % 60).padStart(2, '0')};4,${i % 10}`;
    const text = ['Zeit;Temp [°C]', ...Array.from({ length: 50_000 }, (_, i) => row(i))].join(
      '\r\n',
    );
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(detectDelimiter(text)).toBe(';');
  });

  it('finds tabs', () => {
    expect(detectDelimiter('Date\tTime\tTemp\n2026-06-10\t08:00\t4.5')).toBe('\t');
  });
});

describe('parseCellNumber', () => {
  it('reads the decimal comma only when the comma is not the delimiter', () => {
    expect(parseCellNumber('4,5', ';')).toBe(4.5);
    expect(parseCellNumber('-0,25', '\t')).toBe(-0.25);
    expect(parseCellNumber('4,5', ',')).toBeUndefined();
    expect(parseCellNumber('4.5', ';')).toBe(4.5);
  });

  it('takes whole cells only, never a partial parse', () => {
    expect(parseCellNumber('1e2', ',')).toBe(100);
    expect(parseCellNumber('4.5 °C', ',')).toBeUndefined();
    expect(parseCellNumber('1.234,5', ';')).toBeUndefined();
    expect(parseCellNumber('Infinity', ',')).toBeUndefined();
    expect(parseCellNumber('', ',')).toBeUndefined();
  });
});
