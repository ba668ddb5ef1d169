import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { maxReadingsFileBytes, parseReadingsText, readReadingsFile } from './readingfile';

const reading = { sensorId: 'S', timestamp: '2026-06-10T08:00:00Z', value: 4, unit: 'CEL' };

describe('format from the content, never the name', () => {
  it('reads JSON whatever the file is called, and CSV without an extension', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'readings-'));
    const json = path.join(dir, 'export.txt');
    const csv = path.join(dir, 'export');
    await writeFile(json, JSON.stringify([reading]));
    await writeFile(csv, 'sensorId,timestamp,value,unit\nS,2026-06-10T08:00:00Z,4,CEL\n');
    expect((await readReadingsFile(json)).format).toBe('JSON');
    expect((await readReadingsFile(csv)).format).toBe('CSV, comma-separated, one row per reading');
    expect((await readReadingsFile(csv)).readings).toEqual([reading]);
  });

  it("tells a CSV opening with '[' (Rotronic's [#I] section) from a JSON array", () => {
    expect(parseReadingsText(JSON.stringify({ readings: [reading] })).format).toBe('JSON');
    expect(parseReadingsText(`  ${JSON.stringify([reading])}`).format).toBe('JSON');
    const rotronic =
      '[#I]Device Description,,,\nSerial Number = A1,,,\n[#H],,,\nDate,Time,Temperature\n';
    expect(parseReadingsText(rotronic).format).toBe(
      'CSV, comma-separated, one column per sensor (1)',
    );
  });

  it('refuses text that opens as JSON but is not', () => {
    expect(() => parseReadingsText('{"readings": [')).toThrow(
      /the file opens as JSON but is not valid JSON/u,
    );
  });

  it('refuses a file larger than the bound before reading it, saying to split it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'readings-'));
    const huge = path.join(dir, 'huge.csv');
    await writeFile(huge, '');
    await truncate(huge, maxReadingsFileBytes + 1); // sparse: no byte of it is ever written
    const refused = readReadingsFile(huge);
    await expect(refused).rejects.toMatchObject({ name: 'ReadingsFileError', rule: 'file-size' });
    await expect(refused).rejects.toThrow(
      `${huge} is 100.1 MiB; a readings file may hold at most 100 MiB: split it into smaller files`,
    );
  });

  it('says when a file cannot be read', async () => {
    await expect(readReadingsFile('/nonexistent/readings.csv')).rejects.toThrow(
      'cannot read /nonexistent/readings.csv',
    );
  });
});

describe('plain JSON readings never default their unit', () => {
  it('takes --unit for readings without one, or refuses naming the field', () => {
    const noUnit = { sensorId: 'S', timestamp: '2026-06-10T08:00:00Z', value: 4 };
    expect(parseReadingsText(JSON.stringify([noUnit]), { unit: 'FAH' }).readings[0]?.unit).toBe(
      'FAH',
    );
    expect(() => parseReadingsText(JSON.stringify({ readings: [noUnit] }))).toThrow(
      'readings.readings[0].unit is missing and no --unit was given: add "unit" (CEL, FAH or KEL) or pass --unit',
    );
  });
});
