import { SensorFeed, temperatureOf } from './sensorfeed';

describe('SensorFeed', () => {
  const startMs = Date.parse('2026-11-23T10:00:00.000Z');

  it('takes turns among sensors, each continuing its own series at the spacing', () => {
    const feed = new SensorFeed({ shipmentId: 'S1', sensors: 2, startMs, spacingMs: 10 });
    const a = feed.nextReadout(3);
    const b = feed.nextReadout(3);
    const c = feed.nextReadout(2);
    expect(a.sensorId).toBe('S1:T1');
    expect(b.sensorId).toBe('S1:T2');
    expect(c.sensorId).toBe('S1:T1');
    expect(a.readings.map((r) => r.timestamp)).toEqual([
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T10:00:00.010Z',
      '2026-11-23T10:00:00.020Z',
    ]);
    expect(c.readings[0]?.timestamp).toBe('2026-11-23T10:00:00.030Z');
    expect(c.lastMs).toBe(startMs + 40);
  });

  it('holds a readout back until its last reading is within the allowed lead', () => {
    const feed = new SensorFeed({
      shipmentId: 'S1',
      sensors: 1,
      startMs,
      spacingMs: 1000,
      maxLeadMs: 60_000,
    });
    const readout = feed.nextReadout(100); // last reading at start + 99 s
    expect(feed.waitBefore(readout, startMs)).toBe(39_000);
    expect(feed.waitBefore(readout, startMs + 39_000)).toBe(0);
  });

  it('refuses spacings the brief does not allow', () => {
    expect(() => new SensorFeed({ shipmentId: 'S', sensors: 1, startMs, spacingMs: 1001 })).toThrow(
      RangeError,
    );
    expect(() => new SensorFeed({ shipmentId: 'S', sensors: 0, startMs, spacingMs: 10 })).toThrow(
      RangeError,
    );
  });
});

describe('temperatureOf', () => {
  it('stays within 2-8 °C except for a brief warm spell', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => temperatureOf(i, 0));
    const warm = values.filter((v) => v > 8);
    expect(warm).toHaveLength(25);
    expect(values.every((v) => v > 8 || (v >= 4.5 && v <= 5.5))).toBe(true);
  });
});
