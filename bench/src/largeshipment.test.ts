import { type LargeShipmentPlan, expectedAlerts, loggerReading } from './largeshipment';

const plan: LargeShipmentPlan = {
  readings: 8000,
  sensors: 4,
  outOfRangeEvery: 40,
  lots: 20,
  batchSize: 1000,
};
const endMs = Date.UTC(2026, 10, 23, 12);
// refrigerated-2-8: range 2-8 °C, freezing at or below 0 °C, 15-minute logging interval.
const inRange = (celsius: number): boolean => celsius >= 2 && celsius <= 8;

describe('the large shipment readings', () => {
  const sensor = Array.from({ length: plan.readings / plan.sensors }, (_, i) =>
    loggerReading(plan, 1, i, endMs),
  );

  it('sample once a minute up to the end time, well inside the logging interval', () => {
    const times = sensor.map((r) => Date.parse(r.timestamp));
    expect(times.at(-1)).toBe(endMs);
    expect(times.slice(1).every((t, i) => t - times[i]! === 60_000)).toBe(true);
  });

  it('go out of range one reading at a time, never near freezing: one alert per run', () => {
    const runs = sensor.filter(
      (r, i) => !inRange(r.value) && (i === 0 || inRange(sensor[i - 1]!.value)),
    );
    const outOfRange = sensor.filter((r) => !inRange(r.value));
    expect(runs).toHaveLength(outOfRange.length);
    expect(outOfRange.every((r) => r.value > 0 && r.value < 2)).toBe(true);
    expect(runs.length * plan.sensors).toBe(expectedAlerts(plan));
  });

  it('name each logger', () => {
    expect(loggerReading(plan, 0, 0, endMs).sensorId).toBe('LOGGER-001');
    expect(loggerReading(plan, 39, 0, endMs).sensorId).toBe('LOGGER-040');
  });
});
