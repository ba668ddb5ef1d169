import { sensorTrace, splitAt } from './sensortrace';

describe('sensorTrace', () => {
  const startMs = Date.UTC(2026, 10, 20, 0, 0, 0);

  it('emits one reading per interval, holding the excursion temperature inside excursions', () => {
    const readings = sensorTrace({
      sensorId: 'S1',
      startMs,
      minutes: 120,
      intervalMinutes: 1,
      excursions: [{ startMinute: 30, minutes: 15, celsius: 9.5 }],
      phase: 0,
    });

    expect(readings).toHaveLength(120);
    expect(readings.filter((reading) => reading.value === 9.5)).toHaveLength(15);
    expect(readings[30]?.value).toBe(9.5);
    expect(readings[29]?.value).not.toBe(9.5);
    expect(readings[1]?.timestamp).toBe('2026-11-20T00:01:00.000Z');
    for (const reading of readings.filter((candidate) => candidate.value !== 9.5)) {
      expect(reading.value).toBeGreaterThanOrEqual(4.4);
      expect(reading.value).toBeLessThanOrEqual(5.6);
    }
  });

  it('splits a trace at a time without losing or reordering readings', () => {
    const readings = sensorTrace({
      sensorId: 'S2',
      startMs,
      minutes: 10,
      intervalMinutes: 1,
      excursions: [],
      phase: 3,
    });

    const [before, after] = splitAt(readings, startMs + 4 * 60_000);

    expect(before).toHaveLength(4);
    expect(after).toHaveLength(6);
    expect([...before, ...after]).toEqual(readings);
  });
});
