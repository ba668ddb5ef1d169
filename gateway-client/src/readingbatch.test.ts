import { type SensorReadingInput } from '@coldtrace/protocol';
import { ValidationError } from './coldtraceerror';
import { batchIdFor, batchJson, batchReadings } from './readingbatch';

function reading(minute: number, sensorId = 'S-1'): SensorReadingInput {
  const timestamp = new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString();
  return { sensorId, timestamp, value: 4 + minute / 100, unit: 'CEL' };
}

describe('batchReadings', () => {
  it('splits into batches of at most the maximum, in time order', () => {
    const readings = [reading(5), reading(1), reading(3), reading(2), reading(4)];
    const batches = batchReadings('SHP-1', readings, 2);
    expect(batches.map((batch) => batch.readings.length)).toEqual([2, 2, 1]);
    const minutes = batches.flatMap((batch) =>
      batch.readings.map((r) => new Date(r.timestamp).getUTCMinutes()),
    );
    expect(minutes).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps input order for equal timestamps', () => {
    const readings = [reading(1, 'B'), reading(1, 'A')];
    const [batch] = batchReadings('SHP-1', readings, 10);
    expect(batch?.readings.map((r) => r.sensorId)).toEqual(['B', 'A']);
  });

  it('gives the same batch ids for the same readings regardless of feed order', () => {
    const first = batchReadings('SHP-1', [reading(1), reading(2), reading(3)], 2);
    const second = batchReadings('SHP-1', [reading(3), reading(1), reading(2)], 2);
    expect(second.map((b) => b.batchId)).toEqual(first.map((b) => b.batchId));
  });

  it.each([0, 1001, 2.5])('rejects batch size %s', (size) => {
    expect(() => batchReadings('SHP-1', [reading(1)], size)).toThrow(ValidationError);
  });
});

describe('batchIdFor', () => {
  it('is a valid chaincode batch id', () => {
    expect(batchIdFor('SHP-1', [reading(1)])).toMatch(/^[A-Za-z0-9._:/-]{1,64}$/);
  });

  it('normalises equivalent timestamp spellings', () => {
    const z = { ...reading(1), timestamp: '2026-11-23T10:01:00Z' };
    const offset = { ...reading(1), timestamp: '2026-11-23T11:01:00+01:00' };
    expect(batchIdFor('SHP-1', [z])).toBe(batchIdFor('SHP-1', [offset]));
  });

  it('differs by shipment, value and sensor', () => {
    const ids = new Set([
      batchIdFor('SHP-1', [reading(1)]),
      batchIdFor('SHP-2', [reading(1)]),
      batchIdFor('SHP-1', [{ ...reading(1), value: 9 }]),
      batchIdFor('SHP-1', [reading(1, 'S-2')]),
    ]);
    expect(ids.size).toBe(4);
  });
});

describe('batchJson', () => {
  it('carries the batch id and readings', () => {
    const [batch] = batchReadings('SHP-1', [reading(1)], 10);
    const parsed = JSON.parse(batchJson(batch!)) as { batchId: string; readings: unknown[] };
    expect(parsed.batchId).toBe(batch!.batchId);
    expect(parsed.readings).toHaveLength(1);
  });
});
