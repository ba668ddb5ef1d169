import { decodeText } from './textdecoding';

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFF"Plot Title: x"', 'utf8'))).toEqual({
      text: '"Plot Title: x"',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 with its mark, as Excel saves "Unicode Text"', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Temp °C', 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: 'Temp °C', encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe('Temp °C');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, keeping the degree sign', () => {
    // "Temperature = °C" as Rotronic HW4 writes it on Windows: ° is the single byte 0xB0.
    const bytes = Buffer.from([...Buffer.from('Temperature = ', 'latin1'), 0xb0, 0x43]);
    expect(decodeText(bytes)).toEqual({ text: 'Temperature = °C', encoding: 'windows-1252' });
  });
});
