import type { SensorReading, TemperatureProfile } from '@coldtrace/protocol';
import { summariseReadings } from './readingssummary';

const profile: TemperatureProfile = {
  name: 'refrigerated-2-8',
  range: { minMilliC: 2000, maxMilliC: 8000 },
  rules: [],
  mkt: null,
  maxLoggingIntervalMs: 900_000,
};

const reading = (sensorId: string, timestampMs: number, milliC: number): SensorReading => ({
  shipmentId: 'SHP-1',
  sensorId,
  timestampMs,
  milliC,
  humidityPct: null,
  location: null,
});

describe('summariseReadings', () => {
  it('gives counts only when there are no readings', () => {
    expect(summariseReadings([], profile, 0)).toEqual({
      count: 0,
      sensors: [],
      outOfRange: 0,
      matchedOnLedger: 0,
    });
  });

  it('spans times and temperatures and counts readings outside the inclusive range', () => {
    const readings = [
      reading('B', 300, 8000),
      reading('A', 100, 8001),
      reading('A', 200, 2000),
      reading('B', 50, 1999),
    ];
    expect(summariseReadings(readings, profile, 3)).toEqual({
      count: 4,
      sensors: ['A', 'B'],
      firstMs: 50,
      lastMs: 300,
      minMilliC: 1999,
      maxMilliC: 8001,
      outOfRange: 2,
      matchedOnLedger: 3,
    });
  });

  it('summarises 250 000 readings without spreading them into a call', () => {
    const readings = Array.from({ length: 250_000 }, (_, n) =>
      reading(`S${n % 3}`, 1_000_000 - n, n % 10_000),
    );
    expect(summariseReadings(readings, profile, 0)).toMatchObject({
      count: 250_000,
      firstMs: 1_000_000 - 249_999,
      lastMs: 1_000_000,
      minMilliC: 0,
      maxMilliC: 9_999,
    });
  });
});
