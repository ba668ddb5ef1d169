// Each file under test/fixtures/loggers recreates one vendor's documented export layout; the
// README there names the published source of each. The tests read them as a user would: through
// readReadingsFile, with only the options the file itself cannot answer.
import * as path from 'node:path';
import type { ParsedReadings, ReadingsFileOptions } from './parsedreadings';
import { readReadingsFile } from './readingfile';
import { ReadingsFileError } from './readingsfileerror';
import { summarizeReadings } from './readingssummary';

const fixture = (name: string): string =>
  path.join(__dirname, '..', '..', 'test', 'fixtures', 'loggers', name);

const read = (name: string, options: ReadingsFileOptions = {}): Promise<ParsedReadings> =>
  readReadingsFile(fixture(name), options);

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

describe('Onset HOBOware export, two loggers merged, 30-minute sampling', () => {
  it('reads it unmodified: BOM, title row, GMT header, one column per sensor, event rows', async () => {
    const parsed = await read('onset-hoboware-2-loggers.csv');
    expect(parsed.format).toBe('CSV, comma-separated, one column per sensor (2)');
    expect(summarizeReadings(parsed.readings)).toEqual([
      expect.objectContaining({
        sensorId: '20338010',
        unit: 'CEL',
        count: 240,
        firstMs: Date.parse('2026-06-10T00:00:00Z'),
        lastMs: Date.parse('2026-06-14T23:30:00Z'),
      }),
      expect.objectContaining({ sensorId: '20338011', unit: 'CEL', count: 240 }),
    ]);
    // The read-out at the destination: six event rows, no temperature, counted not dropped.
    expect(parsed.skipped).toHaveLength(6);
    expect(parsed.skipped[0]).toEqual({
      where: 'line 243',
      reason: 'no temperature (Coupler Attached: Logged)',
    });
    expect(parsed.warnings).toEqual([]);
  });

  it('reads 12 AM as midnight and 12 PM as noon', async () => {
    const { readings } = await read('onset-hoboware-2-loggers.csv');
    const times = readings.filter((r) => r.sensorId === '20338010').map((r) => r.timestamp);
    expect(times[0]).toBe('2026-06-10T00:00:00Z');
    expect(times[24]).toBe('2026-06-10T12:00:00Z');
    expect(times[26]).toBe('2026-06-10T13:00:00Z');
  });
});

describe('Lascar EasyLog text export', () => {
  it('takes the serial written on the first row only, and Windows-1252 °C', async () => {
    const parsed = await read('lascar-easylog-el-usb-2.txt', { timeZone: '+02:00' });
    expect(parsed.format).toBe('CSV, comma-separated, one row per reading');
    const [summary] = summarizeReadings(parsed.readings);
    expect(summarizeReadings(parsed.readings)).toHaveLength(1);
    expect(summary).toMatchObject({ sensorId: '010032184', unit: 'CEL', count: 192 });
    // DD/MM/YYYY: 13/06 tells the order; local +02:00 times become UTC.
    expect(iso(summary?.firstMs)).toBe('2026-06-12T10:00:00.000Z');
    expect(iso(summary?.lastMs)).toBe('2026-06-14T09:45:00.000Z');
    expect(parsed.readings[0]).toEqual({
      sensorId: '010032184',
      timestamp: '2026-06-12T10:00:00Z',
      value: 5.1,
      unit: 'CEL',
      humidity: 55,
    });
    expect(parsed.warnings).toEqual([
      "times of column 'Time' are taken as UTC+02:00 from --tz: the file states no zone",
    ]);
  });

  it('refuses times without a zone unless --tz is given', async () => {
    await expect(read('lascar-easylog-el-usb-2.txt')).rejects.toThrow(
      /line 2: column 'Time' states no time zone .*pass --tz/u,
    );
  });
});

describe('Gemini Tinytag Explorer export', () => {
  it('takes the serial and the quantity from the rows under the header', async () => {
    const parsed = await read('gemini-tinytag-explorer.csv', { unit: 'CEL', timeZone: 'UTC' });
    expect(summarizeReadings(parsed.readings)).toEqual([
      expect.objectContaining({
        sensorId: '0815432',
        unit: 'CEL',
        count: 96,
        firstMs: Date.parse('2026-06-10T08:00:00Z'),
        lastMs: Date.parse('2026-06-12T07:30:00Z'),
      }),
    ]);
    expect(parsed.readings[0]?.humidity).toBe(52);
  });

  it('refuses it without --unit: the export states no unit', async () => {
    const refusal = read('gemini-tinytag-explorer.csv', { timeZone: 'UTC' });
    await expect(refusal).rejects.toThrow(ReadingsFileError);
    await expect(refusal).rejects.toThrow(/line 6: column '1' states no unit .*pass --unit/u);
  });
});

describe('Rotronic HW4 export', () => {
  it('takes serial and unit from the metadata above the header, date and time from two columns', async () => {
    const parsed = await read('rotronic-hw4.csv', { timeZone: '+01:00' });
    expect(summarizeReadings(parsed.readings)).toEqual([
      expect.objectContaining({
        sensorId: 'A26040117',
        unit: 'CEL',
        count: 96,
        firstMs: Date.parse('2026-06-12T17:00:00Z'),
        lastMs: Date.parse('2026-06-13T16:45:00Z'),
      }),
    ]);
  });
});

describe('T&D Graph export', () => {
  it('takes the unit from the unit row and the sensor from --sensor', async () => {
    const parsed = await read('tandd-tr-7wb.csv', { timeZone: '+09:00', sensorId: 'TR7-0001' });
    expect(summarizeReadings(parsed.readings)).toEqual([
      expect.objectContaining({
        sensorId: 'TR7-0001',
        unit: 'CEL',
        count: 72,
        firstMs: Date.parse('2026-06-09T15:00:00Z'),
        lastMs: Date.parse('2026-06-10T14:40:00Z'),
      }),
    ]);
  });

  it('refuses it without --sensor: the file names no sensor', async () => {
    await expect(read('tandd-tr-7wb.csv', { timeZone: '+09:00' })).rejects.toThrow(
      /column 'No.1' names no sensor .*--sensor/u,
    );
  });
});
