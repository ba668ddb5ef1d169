import { ReadingsFileError } from './readingsfileerror';
import { parseReadingsCsv } from './csvreadings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReadingsJson } from './readingfile';

describe('parseReadingsCsv', () => {
  it('reads required and optional columns in any order', () => {
    const csv = [
      'timestamp,sensorId,value,unit,humidity,lat,lon',
      '2026-11-23T10:00:00Z,LOGGER-7,5.25,CEL,41.5,-1.29,36.82',
      '# comment',
      '"2026-11-23T10:15:00Z","LOGGER-7",41,FAH,,,',
      '',
    ].join('\n');
    expect(parseReadingsCsv(csv).readings).toEqual([
      {
        sensorId: 'LOGGER-7',
        timestamp: '2026-11-23T10:00:00Z',
        value: 5.25,
        unit: 'CEL',
        humidity: 41.5,
        location: { lat: -1.29, lon: 36.82 },
      },
      { sensorId: 'LOGGER-7', timestamp: '2026-11-23T10:15:00Z', value: 41, unit: 'FAH' },
    ]);
  });

  it('never defaults the unit: without one in the file it takes --unit or refuses', () => {
    const csv = 'sensorId,timestamp,value\nS,2026-11-23T10:00:00Z,4';
    expect(() => parseReadingsCsv(csv)).toThrow(
      "line 2: column 'value' states no unit (none in its header, its cells or a unit column): pass --unit CEL, FAH or KEL",
    );
    expect(parseReadingsCsv(csv, { unit: 'FAH' }).readings[0]?.unit).toBe('FAH');
  });

  it('names the line and column of a bad value', () => {
    expect(() =>
      parseReadingsCsv('sensorId,timestamp,value,unit\nS,2026-11-23T10:00:00Z,warm,CEL'),
    ).toThrow("line 2: column 'value' is not a number (got 'warm')");
    expect(() => parseReadingsCsv('sensorId,value\nS,4')).toThrow(ReadingsFileError);
    expect(() =>
      parseReadingsCsv('sensorId,timestamp,value,unit\nS,2026-11-23T10:00:00Z,4,XYZ'),
    ).toThrow("line 2: column 'unit' must be CEL, FAH, KEL, °C, °F or K (got 'XYZ')");
    expect(() => parseReadingsCsv('sensorId,timestamp,value,unit\nS,t,4,CEL')).toThrow(
      "line 2: column 'timestamp' is not a date and time this reader knows (got 't')",
    );
  });
});

describe('parseReadingsJson', () => {
  it('accepts an array, a readings object and an EPCIS document', () => {
    const reading = { sensorId: 'S', timestamp: '2026-11-23T10:00:00Z', value: 4, unit: 'CEL' };
    expect(parseReadingsJson([reading]).readings).toEqual([reading]);
    expect(parseReadingsJson({ readings: [reading] }).readings).toEqual([reading]);
    // GS1's own example (src/testdata/gs1/README.md): six temperatures of one sensor.
    const gs1 = join(__dirname, 'testdata/gs1/JSON/WithSensorData/SensorDataExample5.jsonld');
    expect(parseReadingsJson(JSON.parse(readFileSync(gs1, 'utf8'))).readings).toHaveLength(6);
  });

  it('rejects other shapes with a ReadingsFileError', () => {
    expect(() => parseReadingsJson({ values: [] })).toThrow(ReadingsFileError);
    expect(() => parseReadingsJson([{ sensorId: 'S', timestamp: 't', value: '4' }])).toThrow(
      ReadingsFileError,
    );
  });
});
