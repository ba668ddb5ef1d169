import type { SensorReadingInput, TemperatureProfile } from '@coldtrace/protocol';
import { dayMs } from '@coldtrace/protocol';
import { defaultOldReadingWindowMs, findReadingsLongBeforeShipment } from './readingage';
import { summarizeReadings } from './readingssummary';
import { findImplausibleUnits } from './unitplausibility';

// The range of the chaincode's `refrigerated-2-8` preset; rules do not matter here.
const refrigerated: TemperatureProfile = {
  name: 'refrigerated-2-8',
  range: { minMilliC: 2000, maxMilliC: 8000 },
  rules: [],
  mkt: null,
  maxLoggingIntervalMs: 15 * 60_000,
};

const readings = (
  sensorId: string,
  unit: SensorReadingInput['unit'],
  values: readonly number[],
  startIso = '2026-06-10T08:00:00Z',
): SensorReadingInput[] =>
  values.map((value, i) => ({
    sensorId,
    unit,
    value,
    timestamp: new Date(Date.parse(startIso) + i * 30 * 60_000).toISOString(),
  }));

describe('summarizeReadings', () => {
  it('gives count, first and last time, min and max per sensor and unit, in id order', () => {
    const all = [
      ...readings('B', 'CEL', [5, 4.5, 6]),
      ...readings('A', 'FAH', [41, 43], '2026-06-09T00:00:00Z'),
      ...readings('A', 'CEL', [5]),
    ];
    expect(summarizeReadings(all)).toEqual([
      {
        sensorId: 'A',
        unit: 'CEL',
        count: 1,
        firstMs: Date.parse('2026-06-10T08:00:00Z'),
        lastMs: Date.parse('2026-06-10T08:00:00Z'),
        min: 5,
        max: 5,
      },
      {
        sensorId: 'A',
        unit: 'FAH',
        count: 2,
        firstMs: Date.parse('2026-06-09T00:00:00Z'),
        lastMs: Date.parse('2026-06-09T00:30:00Z'),
        min: 41,
        max: 43,
      },
      {
        sensorId: 'B',
        unit: 'CEL',
        count: 3,
        firstMs: Date.parse('2026-06-10T08:00:00Z'),
        lastMs: Date.parse('2026-06-10T09:00:00Z'),
        min: 4.5,
        max: 6,
      },
    ]);
  });

  it('handles a million readings without spreading them into Math.min', () => {
    const many = readings(
      'A',
      'CEL',
      Array.from({ length: 1_000_000 }, (_, i) => i % 7),
    );
    expect(summarizeReadings(many)[0]).toMatchObject({ count: 1_000_000, min: 0, max: 6 });
  });
});

describe('findImplausibleUnits', () => {
  it('flags 41-43 stated as °C on a 2-8 °C profile and names °F', () => {
    const [finding, ...rest] = findImplausibleUnits(
      readings('LOGGER-7', 'CEL', [41, 42, 43, 42]),
      refrigerated,
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      sensorId: 'LOGGER-7',
      unit: 'CEL',
      count: 4,
      medianMilliC: 42_000,
      likelyUnit: 'FAH',
    });
    expect(finding?.message).toBe(
      "sensor LOGGER-7: 4 values stated in °C have a median of 42.0 °C, far outside the profile's 2.0 °C..8.0 °C; read as °F they would be 5.6 °C: is the unit right?",
    );
  });

  it('accepts the same values stated as °F, and Kelvin that fit', () => {
    expect(findImplausibleUnits(readings('A', 'FAH', [41, 42, 43]), refrigerated)).toEqual([]);
    expect(findImplausibleUnits(readings('A', 'K', [278.15, 279]), refrigerated)).toEqual([]);
  });

  it('does not mistake a real excursion for a wrong unit: the median decides', () => {
    const excursion = readings('A', 'CEL', [5, 5, 5, 30, 31, 5, 5]);
    expect(findImplausibleUnits(excursion, refrigerated)).toEqual([]);
  });

  it('flags °F values written as °C the other way round too', () => {
    expect(findImplausibleUnits(readings('A', '°F', [5, 6]), refrigerated)).toEqual([
      expect.objectContaining({ unit: '°F', likelyUnit: 'CEL' }),
    ]);
  });

  it('says when no unit makes the values fit', () => {
    const [finding] = findImplausibleUnits(readings('A', 'CEL', [90, 91]), refrigerated);
    expect(finding?.likelyUnit).toBeUndefined();
    expect(finding?.message).toMatch(/no unit makes them fit/u);
  });

  it('judges each sensor on its own', () => {
    const mixed = [...readings('OK', 'CEL', [5, 6]), ...readings('BAD', 'CEL', [41, 42])];
    expect(findImplausibleUnits(mixed, refrigerated).map((f) => f.sensorId)).toEqual(['BAD']);
  });
});

describe('findReadingsLongBeforeShipment', () => {
  const createdAtMs = Date.parse('2026-06-15T00:00:00Z');

  it('flags readings more than the window before the shipment was created', () => {
    const old = [
      ...readings('A', 'CEL', [5, 5], '2019-03-01T00:00:00Z'),
      ...readings('B', 'CEL', [5], '2018-12-31T23:00:00Z'),
      ...readings('A', 'CEL', [5, 5], '2026-06-10T00:00:00Z'),
    ];
    const finding = findReadingsLongBeforeShipment(old, createdAtMs);
    expect(finding).toMatchObject({
      count: 3,
      earliestMs: Date.parse('2018-12-31T23:00:00Z'),
      earliestSensorId: 'B',
      windowMs: 30 * dayMs,
      shipmentCreatedAtMs: createdAtMs,
    });
    expect(finding?.message).toBe(
      '3 readings were taken more than 30 days before the shipment was created (2026-06-15T00:00:00.000Z); the earliest, from sensor B, at 2018-12-31T23:00:00.000Z',
    );
  });

  it('uses a strict bound and the window given', () => {
    const edge = new Date(createdAtMs - defaultOldReadingWindowMs).toISOString();
    const justBefore = new Date(createdAtMs - defaultOldReadingWindowMs - 1).toISOString();
    expect(findReadingsLongBeforeShipment(readings('A', 'CEL', [5], edge), createdAtMs)).toBe(
      undefined,
    );
    expect(
      findReadingsLongBeforeShipment(readings('A', 'CEL', [5], justBefore), createdAtMs)?.count,
    ).toBe(1);
    const weekOld = readings('A', 'CEL', [5], '2026-06-07T00:00:00Z');
    expect(findReadingsLongBeforeShipment(weekOld, createdAtMs)).toBeUndefined();
    expect(findReadingsLongBeforeShipment(weekOld, createdAtMs, 2 * dayMs)?.count).toBe(1);
  });
});
