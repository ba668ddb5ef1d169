// Every temperature-bearing JSON example in GS1's EPCIS repository (gs1/EPCIS at 2b888bef, copied
// unmodified under src/testdata/gs1, see its README), imported report by report: which readings
// are taken, which reports are skipped and why. The expected values were read off the files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEpcisReadings } from './epcisreadings';
import { ReadingsFileError } from './readingsfileerror';

const examples = join(__dirname, 'testdata', 'gs1');

function gs1File(path: string): unknown {
  return JSON.parse(readFileSync(join(examples, path), 'utf8'));
}

function importGs1(path: string): ReturnType<typeof parseEpcisReadings> {
  return parseEpcisReadings(gs1File(path));
}

const element = (e: number, r: number, event = 0): string =>
  `epcisBody.eventList[${event}].sensorElementList[${e}].sensorReport[${r}]`;

const giai111 = 'urn:epc:id:giai:4000001.111';
const celsius = (timestamp: string, value: number, sensorId = giai111) => ({
  sensorId,
  timestamp,
  value,
  unit: 'CEL',
});

/** Reasons by report path, so a test states each skipped report and why. */
function skippedReasons(path: string): Record<string, string> {
  return Object.fromEntries(importGs1(path).skipped.map((entry) => [entry.where, entry.reason]));
}

const notTemperature = (type: string): string => `${type} report, not a temperature`;

describe('GS1 EPCIS sensor examples (JSON/WithSensorData)', () => {
  it.each(['SensorDataExample1.jsonld', 'SensorDataExample1b.jsonld'])(
    '%s: three temperatures of one GIAI sensor, 9 other reports skipped',
    (file) => {
      const path = `JSON/WithSensorData/${file}`;
      const parsed = importGs1(path);
      expect(parsed.readings).toEqual([
        celsius('2019-04-02T14:05:00.000+01:00', 26.0),
        celsius('2019-04-02T14:35:00.000+01:00', 26.1),
        celsius('2019-04-02T14:55:00.000+01:00', 26.2),
      ]);
      expect(parsed.skipped).toHaveLength(9);
      const reasons = skippedReasons(path);
      for (const e of [0, 1, 2]) {
        expect(reasons[element(e, 1)]).toBe(notTemperature('AbsoluteHumidity'));
        expect(reasons[element(e, 2)]).toBe(notTemperature('Speed'));
        expect(reasons[element(e, 3)]).toBe(notTemperature('Illuminance'));
      }
      expect(parsed.warnings).toEqual([]);
    },
  );

  it('Example 2: a min/max/mean summary is skipped, not refused; no reading', () => {
    const path = 'JSON/WithSensorData/SensorDataExample2.jsonld';
    expect(importGs1(path).readings).toEqual([]);
    expect(skippedReasons(path)).toEqual({
      [element(0, 0)]:
        'Temperature summary report (minValue, maxValue, meanValue, sDev) of an interval, not a reading at one time',
      [element(0, 1)]: notTemperature('AbsoluteHumidity'),
      [element(0, 2)]: notTemperature('Speed'),
      [element(0, 3)]: notTemperature('Illuminance'),
    });
  });

  it('Example 3: a min/max interval of a place, skipped', () => {
    const path = 'JSON/WithSensorData/SensorDataExample3.jsonld';
    expect(importGs1(path).readings).toEqual([]);
    expect(skippedReasons(path)).toEqual({
      [element(0, 0)]:
        'Temperature summary report (minValue, maxValue) of an interval, not a reading at one time',
      [element(0, 1)]: notTemperature('AbsoluteHumidity'),
    });
  });

  it('Example 4: the device of the temperature report itself, its time from sensorMetadata', () => {
    const path = 'JSON/WithSensorData/SensorDataExample4.jsonld';
    expect(importGs1(path).readings).toEqual([celsius('2019-04-02T14:55:00.000+01:00', 26.0)]);
    expect(Object.values(skippedReasons(path))).toEqual([
      notTemperature('AbsoluteHumidity'),
      notTemperature('Speed'),
      notTemperature('Illuminance'),
    ]);
  });

  it('Example 5: six time-stamped reports of the sensor in sensorMetadata', () => {
    const parsed = importGs1('JSON/WithSensorData/SensorDataExample5.jsonld');
    expect(parsed.readings).toEqual(
      [26.0, 26.1, 26.2, 26.3, 26.4, 26.5].map((value, i) =>
        celsius(`2019-04-02T14:${String(5 + 10 * i).padStart(2, '0')}:00.000+01:00`, value),
      ),
    );
    expect(parsed.skipped).toEqual([]);
  });

  it.each([
    ['SensorDataExample6.jsonld', 'minValue, maxValue, meanValue, sDev, percRank, percValue'],
    ['SensorDataExample12.jsonld', 'minValue, maxValue, meanValue, sDev, percRank, percValue'],
  ])('%s: a statistical summary and a custom type, both skipped', (file, fields) => {
    const path = `JSON/WithSensorData/${file}`;
    expect(importGs1(path).readings).toEqual([]);
    expect(skippedReasons(path)).toEqual({
      [element(0, 0)]:
        `Temperature summary report (${fields}) of an interval, not a reading at one time`,
      [element(0, 1)]: notTemperature('example:someSensorProperty'),
    });
  });

  it('Example 7: one temperature (device on the report), five non-numeric custom types skipped', () => {
    const path = 'JSON/WithSensorData/SensorDataExample7.jsonld';
    expect(importGs1(path).readings).toEqual([celsius('2019-07-19T14:00:00.000+01:00', 26.0)]);
    expect(Object.values(skippedReasons(path))).toEqual(
      ['Abc', 'Def', 'Ghi', 'Jkl', 'Mno'].map((name) => notTemperature(`example:${name}`)),
    );
  });

  it('Example 8: a summary, and a Temperature report with uom and time but no value', () => {
    const path = 'JSON/WithSensorData/SensorDataExample8.jsonld';
    expect(importGs1(path).readings).toEqual([]);
    expect(skippedReasons(path)).toEqual({
      [element(0, 0)]: notTemperature('AbsoluteHumidity'),
      [element(0, 1)]: notTemperature('AmountOfSubstancePerUnitVolume'),
      [element(0, 2)]: notTemperature('AmountOfSubstancePerUnitVolume'),
      [element(1, 0)]:
        'Temperature summary report (minValue, maxValue, meanValue, sDev, percRank, percValue) of an interval, not a reading at one time',
      [element(1, 1)]: notTemperature('example:someSensorProperty'),
      [element(2, 0)]: 'Temperature report without a numeric value',
      [element(2, 1)]: notTemperature('example:someSensorProperty'),
    });
  });

  it('Example 9: an ERROR_CONDITION exception report is skipped, not refused', () => {
    const path = 'JSON/WithSensorData/SensorDataExample9.jsonld';
    expect(importGs1(path).readings).toEqual([]);
    expect(skippedReasons(path)).toEqual({
      [element(0, 0)]: 'Temperature exception report (ERROR_CONDITION), not a reading',
      [element(0, 1)]: notTemperature('AbsoluteHumidity'),
    });
  });

  it('Example 13: two sensors at the same time stay two readings, each with a derived id', () => {
    const path = 'JSON/WithSensorData/SensorDataExample13.jsonld';
    const parsed = importGs1(path);
    const [ambiance, outerPackage] = parsed.readings;
    expect(parsed.readings).toHaveLength(2);
    expect(ambiance).toMatchObject({ timestamp: '2021-04-27T15:00:00+01:00', value: 20.9 });
    expect(outerPackage).toMatchObject({ timestamp: '2021-04-27T15:00:00+01:00', value: 20.7 });
    expect(ambiance?.sensorId).toMatch(/^epcis:[0-9a-f]{16}\/0\/0$/);
    expect(outerPackage?.sensorId).toMatch(/^epcis:[0-9a-f]{16}\/0\/1$/);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toContain(
      'epcisBody.eventList[0]: 2 Temperature report(s) name no deviceID',
    );
    // Stable: the same file imported again gives the same sensor ids (duplicates, not new sensors).
    expect(importGs1(path).readings).toEqual(parsed.readings);
  });

  it.each([
    ['SensorDataExample10.jsonld', ['Speed', 'Speed', 'Speed']],
    ['SensorDataExample11.jsonld', ['DoseEquivalentRate']],
    ['SensorDataExample15.jsonld', ['Length', 'Length']],
    ['SensorDataExample17.jsonld', ['Mass', 'Mass', 'Mass']],
  ])('%s, no temperature: every report skipped by its type', (file, types) => {
    const path = `JSON/WithSensorData/${file}`;
    expect(importGs1(path).readings).toEqual([]);
    expect(Object.values(skippedReasons(path))).toEqual(types.map(notTemperature));
  });

  it('Example 14: a latitude and longitude with no temperature to attach to, skipped', () => {
    const path = 'JSON/WithSensorData/SensorDataExample14.jsonld';
    expect(importGs1(path).readings).toEqual([]);
    expect(Object.values(skippedReasons(path))).toEqual([
      'latitude with no Temperature report of the same device and time in its sensor element',
      'longitude with no Temperature report of the same device and time in its sensor element',
    ]);
  });

  it('Example 16: an event without sensor data gives nothing and skips nothing', () => {
    expect(importGs1('JSON/WithSensorData/SensorDataExample16.jsonld')).toEqual({
      format: 'GS1 EPCIS 2.0 JSON-LD',
      readings: [],
      skipped: [],
      warnings: [],
    });
  });
});

describe('GS1 EPCIS examples with every field (JSON/WithFullCombinationOfFields)', () => {
  it.each(['aggregation', 'association', 'object', 'transaction', 'transformation'])(
    '%s event: the report value at the report time, over the differing sensorMetadata time',
    (kind) => {
      const parsed = importGs1(
        `JSON/WithFullCombinationOfFields/${kind}_event_all_possible_fields.jsonld`,
      );
      expect(parsed.readings).toEqual([celsius('2019-07-19T13:00:00.000Z', 26)]);
      expect(parsed.skipped).toEqual([]);
      expect(parsed.warnings).toEqual([
        `${element(0, 0)}: time 2019-07-19T13:00:00.000Z differs from its sensorMetadata's 2019-04-02T13:05:00.000Z; the report's is used`,
      ]);
    },
  );
});

describe("GS1 examples GS1's own schema refuses: refused whole, naming path and rule", () => {
  function refusal(path: string): ReadingsFileError {
    try {
      importGs1(path);
    } catch (err) {
      if (err instanceof ReadingsFileError) return err;
      throw err;
    }
    throw new Error(`${path} was accepted`);
  }

  it('XML/WithEventHashID/event_with_identical_hash_id_7.json: a URN bizStep, which EPCIS 2.0 JSON forbids', () => {
    const error = refusal('XML/WithEventHashID/event_with_identical_hash_id_7.json');
    expect(error.field).toBe('epcisBody.eventList[0].bizStep');
    expect(error.rule).toBe('epcis-schema-pattern');
    expect(error.message).toContain('must be equal to one of the allowed values');
  });

  it.each(['1', '1b', '2', '3', '4', '5', '6', '7', '8', '13'])(
    'JSON-simple-context SensorDataExample%s: a blank-node document id is no URI',
    (n) => {
      const error = refusal(`JSON-simple-context/WithSensorData/SensorDataExample${n}.jsonld`);
      expect([error.field, error.rule]).toEqual(['id', 'epcis-schema-format']);
      expect(error.message).toBe(
        'id: must match format "uri" (GS1 EPCIS 2.0 schema #/definitions/id/format)',
      );
    },
  );

  it('JSON-simple-context SensorDataExample12: no schemaVersion', () => {
    const error = refusal('JSON-simple-context/WithSensorData/SensorDataExample12.jsonld');
    expect([error.field, error.rule]).toEqual(['document', 'epcis-schema-required']);
    expect(error.message).toContain("must have required property 'schemaVersion'");
  });

  it.each(['object', 'transformation'])(
    'JSON-simple-context %s event with every field: a type on the sensor element',
    (kind) => {
      const error = refusal(
        `JSON-simple-context/WithFullCombinationOfFields/${kind}_event_all_possible_fields.jsonld`,
      );
      expect(error.field).toBe('epcisBody.eventList[0].sensorElementList[0]');
      expect(error.message).toContain("property 'type' is not allowed here");
    },
  );

  it.each(['aggregation', 'association', 'transaction'])(
    'JSON-simple-context %s event with every field: persistentDisposition, not allowed there',
    (kind) => {
      const error = refusal(
        `JSON-simple-context/WithFullCombinationOfFields/${kind}_event_all_possible_fields.jsonld`,
      );
      expect(error.field).toBe('epcisBody.eventList[0]');
      expect(error.message).toContain("property 'persistentDisposition' is not allowed here");
    },
  );

  it('JSON-simple-context SensorDataExample9 passes the schema: skipped report by report', () => {
    const path = 'JSON-simple-context/WithSensorData/SensorDataExample9.jsonld';
    expect(importGs1(path).readings).toEqual([]);
    expect(Object.values(skippedReasons(path))).toEqual([
      'Temperature exception report (ERROR_CONDITION), not a reading',
      notTemperature('AbsoluteHumidity'),
    ]);
  });
});
