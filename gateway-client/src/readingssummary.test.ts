import type { SensorReading, TemperatureProfile } from '@coldtrace/protocol';
import { ReadingsSummaryBuilder, summariseDay } from './readingssummary';

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

describe('summariseDay', () => {
  it('spans times and temperatures and counts readings outside the inclusive range', () => {
    const readings = [reading('A', 100, 8001), reading('A', 200, 2000), reading('A', 300, 1999)];
    expect(summariseDay(readings, profile, 2)).toEqual({
      sensorId: 'A',
      day: '1970-01-01',
      count: 3,
      firstMs: 100,
      lastMs: 300,
      minMilliC: 1999,
      maxMilliC: 8001,
      outOfRange: 2,
      matchedOnLedger: 2,
    });
  });

  it('summarises 250 000 readings without spreading them into a call', () => {
    const readings = Array.from({ length: 250_000 }, (_, n) => reading('S', n, n % 10_000));
    expect(summariseDay(readings, profile, 0)).toMatchObject({
      count: 250_000,
      firstMs: 0,
      lastMs: 249_999,
      minMilliC: 0,
      maxMilliC: 9_999,
    });
  });

  it('refuses an empty day', () => {
    expect(() => summariseDay([], profile, 0)).toThrow(RangeError);
  });
});

describe('ReadingsSummaryBuilder', () => {
  it('gives counts only when there are no readings', () => {
    expect(new ReadingsSummaryBuilder().build()).toEqual({
      count: 0,
      sensors: [],
      days: 0,
      outOfRange: 0,
      matchedOnLedger: 0,
    });
  });

  it('adds days of several sensors up', () => {
    const builder = new ReadingsSummaryBuilder();
    builder.add(summariseDay([reading('B', 300, 8000), reading('B', 400, 1999)], profile, 2));
    builder.add(summariseDay([reading('A', 50, 8001)], profile, 1));
    builder.add(summariseDay([reading('A', 90_000_000, 5000)], profile, 0));
    expect(builder.build()).toEqual({
      count: 4,
      sensors: ['A', 'B'],
      days: 3,
      firstMs: 50,
      lastMs: 90_000_000,
      minMilliC: 1999,
      maxMilliC: 8001,
      outOfRange: 2,
      matchedOnLedger: 3,
    });
  });
});
