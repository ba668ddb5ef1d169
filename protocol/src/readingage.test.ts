import { findOldReadings, oldReadingBeforeMs } from './readingage';
import { dayMs } from './temperature';

const created = Date.parse('2026-11-23T10:00:00Z');
const window = { createdAtMs: created, oldReadingWindowMs: 30 * dayMs };
const before = oldReadingBeforeMs(window);

describe('old readings', () => {
  it('are those taken more than the window before the shipment was created', () => {
    expect(before).toBe(Date.parse('2026-10-24T10:00:00Z'));
    expect(oldReadingBeforeMs({ createdAtMs: created, oldReadingWindowMs: 0 })).toBe(created);
  });

  it('count strictly earlier times, and name the first of the earliest', () => {
    const readings = [
      { id: 'a', ms: before },
      { id: 'b', ms: before - 1 },
      { id: 'c', ms: before - dayMs },
      { id: 'd', ms: before - dayMs },
      { id: 'e', ms: created },
      { id: 'f', ms: Number.NaN },
    ];
    const old = findOldReadings(readings, (r) => r.ms, before);
    expect(old).toEqual({
      count: 3,
      earliest: { id: 'c', ms: before - dayMs },
      earliestMs: before - dayMs,
    });
  });

  it('are none among none, or among recent readings', () => {
    expect(findOldReadings([], (ms: number) => ms, before)).toEqual({
      count: 0,
      earliest: undefined,
      earliestMs: null,
    });
    expect(findOldReadings([before, created], (ms) => ms, before).count).toBe(0);
  });
});
