// The EPCIS reader's rules, on GS1's own examples (src/testdata/gs1, see its README) with one
// field changed per test, so each case starts from a document GS1 wrote and its schema accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEpcisReadings } from './epcisreadings';
import * as sensorIds from './epcissensorid';
import { ReadingsFileError } from './readingsfileerror';

type Json = Record<string, unknown>;

function gs1(path: string): Json {
  return JSON.parse(readFileSync(join(__dirname, 'testdata', 'gs1', path), 'utf8')) as Json;
}

/** Example 4: one element, sensorMetadata with a time, four reports each naming its device. */
function example4(): { document: Json; reports: Json[]; metadata: Json } {
  const document = gs1('JSON/WithSensorData/SensorDataExample4.jsonld');
  const event = (document.epcisBody as { eventList: Json[] }).eventList[0]!;
  const element = (event.sensorElementList as Json[])[0]!;
  return {
    document,
    reports: element.sensorReport as Json[],
    metadata: element.sensorMetadata as Json,
  };
}

const report0 = 'epcisBody.eventList[0].sensorElementList[0].sensorReport[0]';

function failure(run: () => unknown): ReadingsFileError {
  try {
    run();
  } catch (err) {
    if (err instanceof ReadingsFileError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('parseEpcisReadings: units', () => {
  it('refuses a Temperature value without uom, naming the field, unless --unit is given', () => {
    const { document, reports } = example4();
    delete reports[0]!.uom;
    const error = failure(() => parseEpcisReadings(document));
    expect([error.field, error.rule]).toEqual([`${report0}.uom`, 'required']);
    expect(error.message).toBe(
      `${report0}.uom is missing: a Temperature value needs uom CEL, FAH or KEL, or --unit`,
    );
    expect(parseEpcisReadings(document, { unit: 'FAH' }).readings[0]).toMatchObject({
      value: 26,
      unit: 'FAH',
    });
  });

  it("takes the file's uom over --unit, and FAH and KEL as they are", () => {
    const { document, reports } = example4();
    reports[0]!.uom = 'KEL';
    expect(parseEpcisReadings(document, { unit: 'FAH' }).readings[0]?.unit).toBe('KEL');
  });

  it('refuses a unit that is not a temperature', () => {
    const { document, reports } = example4();
    reports[0]!.uom = 'A93';
    const error = failure(() => parseEpcisReadings(document));
    expect([error.field, error.rule]).toEqual([`${report0}.uom`, 'temperature-unit']);
    expect(error.message).toContain("'A93' is not a temperature unit: CEL, FAH or KEL");
  });
});

describe('parseEpcisReadings: devices', () => {
  it('refuses a deviceID that cannot be a coldtrace sensor id, naming it', () => {
    const { document, reports } = example4();
    reports[0]!.deviceID = `https://id.gs1.org/8004/4000001111?serial=${'9'.repeat(40)}`;
    const error = failure(() => parseEpcisReadings(document));
    expect([error.field, error.rule]).toEqual([`${report0}.deviceID`, 'id-format']);
  });

  it("reads coldtrace's own sensor URNs back to the plain sensor id", () => {
    const { document, reports } = example4();
    reports[0]!.deviceID = 'urn:coldtrace:sensor:LOGGER-7';
    expect(parseEpcisReadings(document).readings[0]?.sensorId).toBe('LOGGER-7');
  });

  it("uses the report's deviceID over its sensorMetadata's, and says so when they differ", () => {
    const { document, metadata } = example4();
    metadata.deviceID = 'urn:epc:id:giai:4000001.999';
    const parsed = parseEpcisReadings(document);
    expect(parsed.readings[0]?.sensorId).toBe('urn:epc:id:giai:4000001.111');
    expect(parsed.warnings).toContain(
      `${report0}: deviceID urn:epc:id:giai:4000001.111 differs from its sensorMetadata's urn:epc:id:giai:4000001.999; the report's is used`,
    );
  });

  it('derives distinct, stable ids for reports without a device, from the eventID if any', () => {
    const document = gs1('JSON/WithSensorData/SensorDataExample13.jsonld');
    const ids = parseEpcisReadings(document).readings.map((r) => r.sensorId);
    const event = (document.epcisBody as { eventList: Json[] }).eventList[0]!;
    event.recordTime = '2021-04-27T15:00:05+01:00';
    expect(parseEpcisReadings(document).readings.map((r) => r.sensorId)).toEqual(ids);
    delete event.eventID;
    const withoutEventId = parseEpcisReadings(document).readings.map((r) => r.sensorId);
    expect(new Set([...ids, ...withoutEventId]).size).toBe(4);
  });

  it("works out an event's identity only for reports that name no device", () => {
    const identity = jest.spyOn(sensorIds, 'eventIdentity');
    try {
      parseEpcisReadings(example4().document);
      expect(identity).not.toHaveBeenCalled();
      parseEpcisReadings(gs1('JSON/WithSensorData/SensorDataExample13.jsonld'));
      expect(identity).toHaveBeenCalledTimes(1);
    } finally {
      identity.mockRestore();
    }
  });
});

describe('parseEpcisReadings: humidity and location of a reading', () => {
  it('attaches RelativeHumidity in P1 and a WGS 84 latitude/longitude of the same device and time', () => {
    const { document, reports } = example4();
    const device = reports[0]!.deviceID;
    reports.splice(
      1,
      3,
      { type: 'RelativeHumidity', value: 41.5, uom: 'P1', deviceID: device },
      { type: 'Angle', component: 'latitude', value: -1.29, uom: 'DD', deviceID: device },
      { type: 'Angle', component: 'longitude', value: 36.82, uom: 'DD', deviceID: device },
      { type: 'RelativeHumidity', value: 40, uom: 'P1', deviceID: 'urn:epc:id:giai:4000001.222' },
    );
    const parsed = parseEpcisReadings(document);
    expect(parsed.readings).toEqual([
      {
        sensorId: 'urn:epc:id:giai:4000001.111',
        timestamp: '2019-04-02T14:55:00.000+01:00',
        value: 26,
        unit: 'CEL',
        humidity: 41.5,
        location: { lat: -1.29, lon: 36.82 },
      },
    ]);
    expect(parsed.skipped).toEqual([
      {
        where: 'epcisBody.eventList[0].sensorElementList[0].sensorReport[4]',
        reason:
          'RelativeHumidity with no Temperature report of the same device and time in its sensor element',
      },
    ]);
  });

  it('stores no location from a latitude alone, and says so', () => {
    const { document, reports } = example4();
    reports.splice(1, 3, { type: 'Angle', component: 'latitude', value: 1, uom: 'DD' });
    reports[1]!.deviceID = reports[0]!.deviceID;
    const parsed = parseEpcisReadings(document);
    expect(parsed.readings[0]?.location).toBeUndefined();
    expect(parsed.warnings).toEqual([`${report0}: a latitude without a longitude is not stored`]);
  });
});

describe('parseEpcisReadings: documents', () => {
  it("reads an EPCISQueryDocument's resultsBody.eventList", () => {
    const query = gs1('JSON/EPCISQueryDocument.jsonld');
    const sensorEvents = (gs1('JSON/WithSensorData/SensorDataExample5.jsonld').epcisBody as Json)
      .eventList as Json[];
    const results = (query.epcisBody as { queryResults: { resultsBody: Json } }).queryResults
      .resultsBody;
    results.eventList = [...(results.eventList as Json[]), ...sensorEvents];
    expect(parseEpcisReadings(query).readings).toHaveLength(6);
  });

  it("refuses what GS1's schema refuses, naming the path and the rule", () => {
    const { document } = example4();
    const event = (document.epcisBody as { eventList: Json[] }).eventList[0]!;
    delete event.eventTimeZoneOffset;
    const error = failure(() => parseEpcisReadings(document));
    expect([error.field, error.rule]).toEqual(['epcisBody.eventList[0]', 'epcis-schema-required']);
    expect(error.message).toContain("must have required property 'eventTimeZoneOffset'");
  });

  it('refuses a time the schema takes but RFC 3339 does not, naming the field', () => {
    const { document, metadata } = example4();
    metadata.time = '2019-04-02 14:55:00Z';
    const error = failure(() => parseEpcisReadings(document));
    expect([error.field, error.rule]).toEqual([
      'epcisBody.eventList[0].sensorElementList[0].sensorMetadata.time',
      'rfc3339',
    ]);
  });
});

describe('parseEpcisReadings: large sensor elements', () => {
  /** Example 4 with its one element's reports replaced by `count` reports from `report(i)`. */
  function largeElement(count: number, report: (i: number) => Json): Json {
    const document = gs1('JSON/WithSensorData/SensorDataExample4.jsonld');
    const event = (document.epcisBody as { eventList: Json[] }).eventList[0]!;
    const element = (event.sensorElementList as Json[])[0]!;
    delete (element.sensorMetadata as Json).time;
    element.sensorReport = Array.from({ length: count }, (_, i) => report(i));
    return document;
  }
  const device = 'urn:epc:id:giai:4000001.111';
  const minute = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();

  it('reads an element of 200,000 Temperature reports (a year of 3-minute samples, more than a call takes as arguments)', () => {
    const count = 200_000;
    const document = largeElement(count, (i) => ({
      type: 'Temperature',
      deviceID: device,
      time: minute(i),
      value: 4 + (i % 40) / 10,
      uom: 'CEL',
    }));
    const parsed = parseEpcisReadings(document);
    expect(parsed.readings).toHaveLength(count);
    expect(parsed.readings[count - 1]).toEqual({
      sensorId: device,
      timestamp: minute(count - 1),
      value: 4 + ((count - 1) % 40) / 10,
      unit: 'CEL',
    });
  });

  it('attaches the humidity of 40,000 readings of one element, each to its own reading', () => {
    const count = 40_000;
    const document = largeElement(2 * count, (i) =>
      i < count
        ? { type: 'Temperature', deviceID: device, time: minute(i), value: 5, uom: 'CEL' }
        : {
            type: 'RelativeHumidity',
            deviceID: device,
            time: minute(i - count),
            value: i % 100,
            uom: 'P1',
          },
    );
    const parsed = parseEpcisReadings(document);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.readings).toHaveLength(count);
    expect(parsed.readings.every((r, i) => r.humidity === (i + count) % 100)).toBe(true);
  });
});
