import {
  type ReadingsReceipt,
  type SensorReading,
  defaultOldReadingWindowMs,
  maxChunkConflicts,
  maxReceiptAlerts,
  splitCompositeKey,
} from '@coldtrace/protocol';
import type { AlertChange, ExcursionAlert } from './excursionalert';
import type { InMemoryLedger } from './testing/inmemoryledger';
import type { IngestResult } from './readingsledger';
import type { Shipment } from './shipment';
import { readingsReceipt } from './submissionreceipt';
import {
  auditor,
  expectError,
  iso,
  lotId,
  qa,
  sensorGateway,
  shipmentInTransit,
  shipper,
  startMs,
} from './testing/testfixtures';

const minute = 60_000;
const day = 24 * 60 * minute;
// The fixture creates SHP-1 an hour before its transit starts.
const createdAtMs = startMs - 60 * minute;

interface Reading {
  sensorId: string;
  ms: number;
  value: number;
  humidity?: number;
}

function batch(batchId: string, readings: readonly Reading[]): string {
  return JSON.stringify({
    batchId,
    readings: readings.map((r) => ({
      sensorId: r.sensorId,
      timestamp: iso(r.ms),
      value: r.value,
      unit: 'CEL',
      ...(r.humidity !== undefined ? { humidity: r.humidity } : {}),
    })),
  });
}

async function submit(ledger: InMemoryLedger, text: string): Promise<ReadingsReceipt> {
  return JSON.parse(
    await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', text),
  ) as ReadingsReceipt;
}

async function shipment(ledger: InMemoryLedger): Promise<Shipment> {
  return JSON.parse(await ledger.invoke(qa, 'GetShipment', 'SHP-1')) as Shipment;
}

/** Object types and attributes of the keys a call changed. */
async function keysWritten(
  ledger: InMemoryLedger,
  call: () => Promise<unknown>,
): Promise<string[]> {
  const before = new Map(ledger.state);
  await call();
  const changed = [...ledger.state.keys()].filter(
    (key) => !Buffer.from(ledger.state.get(key)!).equals(Buffer.from(before.get(key) ?? [])),
  );
  return changed
    .map((key) => {
      const parsed = splitCompositeKey(key);
      return [parsed?.objectType, ...(parsed?.attributes ?? [])].join('/');
    })
    .sort();
}

const value = (milliC: number, humidityPct: number | null = null) => ({
  milliC,
  humidityPct,
  location: null,
});

describe('SubmitReadings receipt: duplicates and conflicts', () => {
  const t1 = startMs + 5 * minute;
  const t2 = startMs + 10 * minute;

  it('tells a duplicate (same value) from a conflict (another value), keeping the first value', async () => {
    const ledger = await shipmentInTransit();
    await submit(
      ledger,
      batch('B1', [
        { sensorId: 'S1', ms: startMs, value: 5 },
        { sensorId: 'S1', ms: t1, value: 5, humidity: 40 },
      ]),
    );
    const receipt = await submit(
      ledger,
      batch('B2', [
        { sensorId: 'S1', ms: t1, value: 5, humidity: 40 }, // duplicate
        { sensorId: 'S1', ms: t1, value: 6.5, humidity: 40 }, // conflict with the ledger
        { sensorId: 'S1', ms: t1, value: 5, humidity: 41 }, // conflict: humidity differs
        { sensorId: 'S1', ms: t2, value: 5.25 }, // stored
        { sensorId: 'S1', ms: t2, value: 5.5 }, // conflict with the one before, same batch
      ]),
    );
    expect(receipt).toMatchObject({ stored: 1, duplicates: 1, readingCount: 3 });
    expect(receipt.conflicts).toEqual([
      { sensorId: 'S1', timestampMs: t1, stored: value(5000, 40), submitted: value(6500, 40) },
      { sensorId: 'S1', timestampMs: t1, stored: value(5000, 40), submitted: value(5000, 41) },
      { sensorId: 'S1', timestampMs: t2, stored: value(5250), submitted: value(5500) },
    ]);
    const readings = JSON.parse(
      await ledger.invoke(
        qa,
        'GetReadings',
        'SHP-1',
        '0',
        String(Number.MAX_SAFE_INTEGER),
        '10',
        '',
      ),
    ) as { items: SensorReading[] };
    expect(readings.items.map((r) => [r.timestampMs, r.milliC, r.humidityPct])).toEqual([
      [startMs, 5000, null],
      [t1, 5000, 40],
      [t2, 5250, null],
    ]);
    expect((await shipment(ledger)).readingFlags).toEqual({
      oldReadings: 0,
      earliestOldReadingMs: null,
      conflicts: 3,
    });
  });

  it('counts a conflict on the ledger once: a replayed batch reports it and writes nothing', async () => {
    const ledger = await shipmentInTransit();
    await submit(ledger, batch('B1', [{ sensorId: 'S1', ms: t1, value: 5 }]));
    const conflicting = batch('B2', [{ sensorId: 'S1', ms: t1, value: 7 }]);
    const first = await submit(ledger, conflicting);
    expect(first).toMatchObject({ stored: 0, duplicates: 0, conflicts: [{ timestampMs: t1 }] });
    const events = ledger.events.length;
    const replayed = await submit(ledger, conflicting);
    expect(replayed.conflicts).toEqual(first.conflicts);
    expect(ledger.calls.at(-1)!.writes).toBe(0);
    expect(ledger.events.length).toBe(events);
    expect((await shipment(ledger)).readingFlags.conflicts).toBe(1);
  });

  it('keeps a conflict count when the batch also stores readings of another sensor', async () => {
    const ledger = await shipmentInTransit();
    ledger.timeMs = t1 + minute;
    await submit(
      ledger,
      batch('B1', [
        { sensorId: 'S1', ms: t1, value: 5 },
        { sensorId: 'S2', ms: t1, value: 5 },
      ]),
    );
    // Two days on, S2's silence raises a DATA_GAP while the batch records its conflict.
    ledger.timeMs = t1 + 2 * day;
    const receipt = await submit(
      ledger,
      batch('B2', [
        { sensorId: 'S1', ms: t1 + 2 * day - minute, value: 5 },
        { sensorId: 'S2', ms: t1, value: 9 },
      ]),
    );
    expect(receipt.conflicts).toEqual([
      { sensorId: 'S2', timestampMs: t1, stored: value(5000), submitted: value(9000) },
    ]);
    expect(receipt.alerts.map((alert) => alert.alertId)).toContain(`DATA_GAP:gap:S2:${t1}`);
    expect((await shipment(ledger)).readingFlags.conflicts).toBe(1);
  });

  it('keeps at most maxChunkConflicts distinct conflicting rows a day, refusing a batch past it', async () => {
    const ledger = await shipmentInTransit();
    await submit(ledger, batch('B1', [{ sensorId: 'S1', ms: t1, value: 5 }]));
    // Distinct refused values for one time, 6.000 °C, 6.010 °C, ...
    const refused = (from: number, count: number): Reading[] =>
      Array.from({ length: count }, (_, i) => ({
        sensorId: 'S1',
        ms: t1,
        value: 6 + (from + i) / 100,
      }));
    const full = batch('B2', refused(0, maxChunkConflicts));
    expect((await submit(ledger, full)).conflicts).toHaveLength(maxChunkConflicts);
    const before = new Map(ledger.state);
    await expectError(
      submit(
        ledger,
        batch('B3', [{ sensorId: 'S1', ms: t2, value: 5 }, ...refused(maxChunkConflicts, 1)]),
      ),
      { code: 'VALIDATION_FAILED', field: 'readings[1]', rule: 'max-conflicts' },
    );
    expect(ledger.state).toEqual(before);
    // Within the bound: a replay of the accepted batch, and another sensor's conflicts that day.
    await submit(ledger, full);
    expect(ledger.calls.at(-1)!.writes).toBe(0);
    await submit(ledger, batch('B4', [{ sensorId: 'S2', ms: t1, value: 5 }]));
    expect(
      (await submit(ledger, batch('B5', [{ sensorId: 'S2', ms: t1, value: 7 }]))).conflicts,
    ).toHaveLength(1);
    expect((await shipment(ledger)).readingFlags.conflicts).toBe(maxChunkConflicts + 1);
  });

  it('records a conflict in the shipment record every write carries, and in its day of readings', async () => {
    const ledger = await shipmentInTransit();
    await submit(
      ledger,
      batch('B1', [
        { sensorId: 'S1', ms: t1, value: 5 },
        { sensorId: 'S2', ms: t1, value: 5 },
      ]),
    );
    const written = await keysWritten(ledger, () =>
      submit(ledger, batch('B2', [{ sensorId: 'S1', ms: t1, value: 9 }])),
    );
    const dayAttribute = String(Math.floor(t1 / day)).padStart(6, '0');
    expect(written).toEqual([
      'event/SHP-1/0000000005',
      `readings/SHP-1/S1/${dayAttribute}`,
      'shipment/SHP-1',
    ]);
    const history = JSON.parse(
      await ledger.invoke(qa, 'GetShipmentHistory', 'SHP-1', '10', ''),
    ) as { items: { summary: string }[] };
    expect(history.items.at(-1)?.summary).toBe(
      'batch B2: 0 stored, 0 duplicates, 1 conflicts, 0 alert change(s)',
    );
  });
});

describe('old readings (issue 9, plausible times)', () => {
  it('stores readings from long before the shipment was created and flags them', async () => {
    const ledger = await shipmentInTransit();
    const old = createdAtMs - defaultOldReadingWindowMs - minute;
    const older = old - 400 * day;
    const receipt = await submit(
      ledger,
      batch('B1', [
        { sensorId: 'S1', ms: old, value: 5 },
        { sensorId: 'S2', ms: older, value: 5 },
        { sensorId: 'S2', ms: createdAtMs - defaultOldReadingWindowMs, value: 5 }, // not older
        { sensorId: 'S1', ms: startMs, value: 5 },
      ]),
    );
    expect(receipt).toMatchObject({ stored: 4, oldReadings: 2, earliestOldReadingMs: older });
    await submit(ledger, batch('B2', [{ sensorId: 'S3', ms: old - day, value: 5 }]));
    expect((await shipment(ledger)).readingFlags).toEqual({
      oldReadings: 3,
      earliestOldReadingMs: older,
      conflicts: 0,
    });
    // A duplicate of an old reading is not counted again.
    expect(
      await submit(ledger, batch('B3', [{ sensorId: 'S1', ms: old, value: 5 }])),
    ).toMatchObject({
      stored: 0,
      duplicates: 1,
      oldReadings: 0,
      earliestOldReadingMs: null,
    });
  });

  it('takes the window from the shipment, within its limits', async () => {
    const ledger = await shipmentInTransit();
    const create = (shipmentId: string, oldReadingWindowMs: unknown) =>
      ledger.invoke(
        shipper,
        'CreateShipment',
        JSON.stringify({
          shipmentId,
          lots: [{ lotId, quantity: 1 }],
          origin: { name: 'A' },
          destination: { name: 'B' },
          oldReadingWindowMs,
        }),
      );
    const strict = JSON.parse(await create('SHP-0', 0)) as Shipment;
    expect(strict.oldReadingWindowMs).toBe(0);
    expect((await shipment(ledger)).oldReadingWindowMs).toBe(defaultOldReadingWindowMs);
    const field = 'shipmentJson.oldReadingWindowMs';
    await expectError(create('SHP-X', -1), { code: 'VALIDATION_FAILED', field, rule: 'range' });
    await expectError(create('SHP-X', 3651 * day), {
      code: 'VALIDATION_FAILED',
      field,
      rule: 'range',
    });
    await expectError(create('SHP-X', 1.5), { code: 'VALIDATION_FAILED', field, rule: 'integer' });
    await expectError(create('SHP-X', '30d'), { code: 'VALIDATION_FAILED', field, rule: 'type' });
    await expect(ledger.invoke(auditor, 'GetShipment', 'SHP-X')).rejects.toThrow('NOT_FOUND');
  });
});

describe('readingsReceipt', () => {
  const shipmentAfter = { shipmentId: 'SHP-1', status: 'QUARANTINED', readingCount: 9 } as Shipment;

  function change(
    alertId: string,
    severity: 'WARNING' | 'CRITICAL',
    raised: boolean,
    status: ExcursionAlert['status'],
  ): AlertChange {
    return {
      raised,
      alert: {
        alertId,
        type: severity === 'CRITICAL' ? 'HARD_LIMIT' : 'DATA_GAP',
        severity,
        status,
      } as ExcursionAlert,
    };
  }

  it('lists at most maxReceiptAlerts, what matters most first, and counts them all', () => {
    const changes = [
      ...Array.from({ length: maxReceiptAlerts + 4 }, (_, i) =>
        change(`DATA_GAP:gap:S${String(i).padStart(5, '0')}:0`, 'WARNING', false, 'OPEN'),
      ),
      change('DATA_GAP:gap:W:0', 'WARNING', false, 'WITHDRAWN'),
      change('HARD_LIMIT:heat:Z:0', 'CRITICAL', true, 'OPEN'),
      change('DATA_GAP:gap:R:0', 'WARNING', true, 'OPEN'),
    ];
    const result = {
      stored: 9,
      duplicates: 0,
      conflicts: [],
      flags: { oldReadings: 0, earliestOldReadingMs: null, conflicts: 0 },
      changes,
      wrote: true,
    } as unknown as IngestResult;
    const receipt = readingsReceipt('B1', result, shipmentAfter);
    expect(receipt.alerts).toHaveLength(maxReceiptAlerts);
    expect(receipt.alerts.slice(0, 3).map((a) => [a.alertId, a.change])).toEqual([
      ['HARD_LIMIT:heat:Z:0', 'RAISED'],
      ['DATA_GAP:gap:R:0', 'RAISED'],
      ['DATA_GAP:gap:S00000:0', 'CHANGED'],
    ]);
    expect(receipt.alerts.map((a) => a.alertId)).not.toContain('DATA_GAP:gap:W:0');
    expect(receipt.alertCounts).toEqual({ raised: 2, changed: maxReceiptAlerts + 4, withdrawn: 1 });
    expect(receipt).toMatchObject({ shipmentStatus: 'QUARANTINED', readingCount: 9, stored: 9 });
  });
});
