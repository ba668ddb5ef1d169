import { ReadingsFileError } from './readingsfileerror';
import { parseReadingsCsv } from './csvreadings';
import { parseEpcisReadings } from './epcisreadings';
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

const epcis = {
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  epcisBody: {
    eventList: [
      {
        type: 'ObjectEvent',
        eventTime: '2026-11-23T10:00:00.000+01:00',
        sensorElementList: [
          {
            sensorMetadata: {
              deviceID: 'urn:epc:id:giai:4000001.111',
              time: '2026-11-23T09:00:00Z',
            },
            sensorReport: [
              { type: 'gs1:Temperature', value: 4.5, uom: 'CEL' },
              { type: 'gs1:RelativeHumidity', value: 40, uom: 'A93' },
              { type: 'Temperature', value: 277.15, uom: 'KEL', time: '2026-11-23T09:05:00Z' },
            ],
          },
        ],
      },
      { type: 'ObjectEvent', eventTime: '2026-11-23T10:00:00Z' },
      {
        type: 'ObjectEvent',
        eventTime: '2026-11-23T11:00:00Z',
        sensorElementList: [
          {
            sensorReport: [{ type: 'gs1:Temperature', value: 41, uom: 'FAH', deviceID: 'probe-2' }],
          },
        ],
      },
    ],
  },
};

describe('parseEpcisReadings', () => {
  it('takes temperature reports with their time, device and unit', () => {
    expect(parseEpcisReadings(epcis).readings).toEqual([
      {
        sensorId: 'urn:epc:id:giai:4000001.111',
        timestamp: '2026-11-23T09:00:00Z',
        value: 4.5,
        unit: 'CEL',
      },
      {
        sensorId: 'urn:epc:id:giai:4000001.111',
        timestamp: '2026-11-23T09:05:00Z',
        value: 277.15,
        unit: 'KEL',
      },
      { sensorId: 'probe-2', timestamp: '2026-11-23T11:00:00Z', value: 41, unit: 'FAH' },
    ]);
  });

  it('rejects a temperature report without a device id', () => {
    const noDevice = {
      epcisBody: {
        eventList: [
          {
            eventTime: '2026-11-23T11:00:00Z',
            sensorElementList: [{ sensorReport: [{ type: 'gs1:Temperature', value: 4 }] }],
          },
        ],
      },
    };
    expect(() => parseEpcisReadings(noDevice)).toThrow(ReadingsFileError);
  });

  it('rejects an unknown unit of measure', () => {
    const badUnit = structuredClone(epcis);
    badUnit.epcisBody.eventList[2]!.sensorElementList![0]!.sensorReport[0]!.uom = 'XYZ';
    expect(() => parseEpcisReadings(badUnit)).toThrow(/uom/);
  });
});

describe('parseReadingsJson', () => {
  it('accepts an array, a readings object and an EPCIS document', () => {
    const reading = { sensorId: 'S', timestamp: '2026-11-23T10:00:00Z', value: 4, unit: 'CEL' };
    expect(parseReadingsJson([reading]).readings).toEqual([reading]);
    expect(parseReadingsJson({ readings: [reading] }).readings).toEqual([reading]);
    expect(parseReadingsJson(epcis).readings).toHaveLength(3);
  });

  it('rejects other shapes with a ReadingsFileError', () => {
    expect(() => parseReadingsJson({ values: [] })).toThrow(ReadingsFileError);
    expect(() => parseReadingsJson([{ sensorId: 'S', timestamp: 't', value: '4' }])).toThrow(
      ReadingsFileError,
    );
  });
});
