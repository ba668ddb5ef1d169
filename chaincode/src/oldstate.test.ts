import { marshal, splitCompositeKey, transactions, utf8Bytes } from '@coldtrace/protocol';
import type { InMemoryLedger } from './testing/inmemoryledger';
import {
  type ReadingSpec,
  allPages,
  auditor,
  batchJson,
  lotId,
  qa,
  sensorGateway,
  shipmentInTransit,
  startMs,
} from './testing/testfixtures';

const minute = 60_000;

/** Fields each kind of state gained after it was first written (issue 9). */
const laterFields: Readonly<Record<string, readonly string[]>> = {
  shipment: ['oldReadingWindowMs', 'readingFlags'],
  sensor: ['gapRun'],
  alert: ['coverage', 'loggingIntervals'],
};

/** Rewrites the ledger's state as the chaincode wrote it before those fields existed. */
function downgrade(ledger: InMemoryLedger): void {
  for (const [key, bytes] of ledger.state) {
    const fields = laterFields[splitCompositeKey(key)?.objectType ?? ''];
    if (fields !== undefined) {
      const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
      const older = Object.entries(value).filter(([field]) => !fields.includes(field));
      ledger.state.set(key, utf8Bytes(marshal(Object.fromEntries(older))));
    }
  }
}

/**
 * An alert the new batch rewrote only to add the fields it lacked differs from the current
 * ledger's in when it was last updated, and in nothing else.
 */
function withoutUpdate(value: unknown): unknown {
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      ([field]) => field !== 'updatedAtMs' && field !== 'updatedTxId',
    ),
  );
}

function statesOf(ledger: InMemoryLedger, objectType: string): [string, unknown][] {
  return [...ledger.state]
    .filter(([key]) => splitCompositeKey(key)?.objectType === objectType)
    .map(([key, bytes]): [string, unknown] => {
      const text = Buffer.from(bytes).toString('utf8');
      // An `openalert` entry holds the alert id as text; the others hold JSON.
      const value = objectType === 'openalert' ? text : (JSON.parse(text) as unknown);
      return [key, objectType === 'alert' ? withoutUpdate(value) : value];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Every query a reader of alerts and shipments makes, read with the protocol's readers. */
async function readAll(ledger: InMemoryLedger) {
  const read = async (fcn: 'GetAlertsByShipment' | 'GetOpenAlerts' | 'GetAlertsByLot') => {
    const args =
      fcn === 'GetAlertsByShipment' ? ['SHP-1'] : fcn === 'GetAlertsByLot' ? [lotId] : [];
    const items = await allPages<unknown>(ledger, auditor, fcn, args);
    // Read as a client reads the pages: a shape error fails here.
    return transactions[fcn].readResult(utf8Bytes(marshal({ items, bookmark: '' }))).items;
  };
  return {
    shipment: transactions.GetShipment.readResult(
      utf8Bytes(await ledger.invoke(qa, 'GetShipment', 'SHP-1')),
    ),
    byShipment: await read('GetAlertsByShipment'),
    open: await read('GetOpenAlerts'),
    byLot: await read('GetAlertsByLot'),
  };
}

const every5Minutes = (sensorId: string, from: number, celsius: readonly number[]): ReadingSpec[] =>
  celsius.map((value, i) => ({ sensorId, ms: startMs + (from + i * 5) * minute, celsius: value }));

describe('state written before issue 9', () => {
  it('is read, and a new batch brings it to what a ledger that was always current holds', async () => {
    const first = [
      ...every5Minutes('S1', 0, [5, 5, 9, 9, 5, 5, 5, 5, 5, 5, 5]),
      ...every5Minutes('S2', 0, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
    ];
    const second = [
      ...every5Minutes('S1', 55, [5, 9, 5, 5, 5, 5]),
      { sensorId: 'S2', ms: startMs, celsius: 7 }, // a conflict with the stored 5 °C
    ];
    const ledgers = [await shipmentInTransit(), await shipmentInTransit()] as const;
    for (const ledger of ledgers) {
      ledger.timeMs = startMs + 60 * minute;
      await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batchJson('B1', first));
    }
    const [old, current] = ledgers;
    downgrade(old);

    const before = await readAll(old);
    await readAll(current); // the same queries, so both ledgers number their transactions alike
    expect(before.shipment.readingFlags).toEqual({
      oldReadings: 0,
      earliestOldReadingMs: null,
      conflicts: 0,
    });
    expect(before.shipment.oldReadingWindowMs).toBe(30 * 24 * 60 * minute);
    expect(before.byShipment.length).toBeGreaterThan(0);
    expect(before.byShipment.every((alert) => alert.coverage === null)).toBe(true);
    expect(before.byLot).toEqual(before.byShipment);
    expect(before.open.map((alert) => alert.alertId)).toEqual(
      before.byShipment.filter((alert) => alert.status === 'OPEN').map((alert) => alert.alertId),
    );

    const receipts = [];
    for (const ledger of ledgers) {
      ledger.timeMs = startMs + 120 * minute;
      receipts.push(
        JSON.parse(
          await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batchJson('B2', second)),
        ) as { stored: number; conflicts: unknown[] },
      );
    }
    expect(receipts[0]).toMatchObject({ stored: 6, conflicts: [{ sensorId: 'S2' }] });
    expect(receipts[0]?.conflicts).toEqual(receipts[1]?.conflicts);

    const after = await readAll(old);
    const expected = await readAll(current);
    expect(after.shipment.readingFlags.conflicts).toBe(1);
    expect(after.shipment).toEqual(expected.shipment);
    for (const list of ['byShipment', 'open', 'byLot'] as const) {
      expect(after[list].map(withoutUpdate)).toEqual(expected[list].map(withoutUpdate));
    }
    // Written in the current format: the shipment, the sensors' tracks (re-derived) and alerts.
    for (const objectType of ['shipment', 'sensor', 'alert', 'openalert']) {
      expect(statesOf(old, objectType)).toEqual(statesOf(current, objectType));
    }
  });
});
