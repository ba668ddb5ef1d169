import fc from 'fast-check';
import type { ExcursionAlert } from './excursionalert';
import {
  type ReadingSpec,
  alertsJson,
  batchJson,
  sensorGateway,
  shipmentInTransit,
  startMs,
} from './testing/testfixtures';

const minute = 60_000;

// When and in which transaction an alert was raised does depend on arrival order.
const arrivalFields = new Set(['raisedAtMs', 'raisedTxId', 'updatedAtMs', 'updatedTxId', 'status']);

/** The derived view of the active alerts: what must not depend on arrival order. */
function activeAlerts(json: string): unknown[] {
  return (JSON.parse(json) as ExcursionAlert[])
    .filter((alert) => alert.status !== 'WITHDRAWN')
    .map((alert) =>
      Object.fromEntries(Object.entries(alert).filter(([key]) => !arrivalFields.has(key))),
    )
    .sort((a, b) => (String(a.alertId) < String(b.alertId) ? -1 : 1));
}

// Every batch is submitted at the same transaction time (the fixture's, days after the last
// reading), so each sensor ends with an ongoing DATA_GAP for its silence: it is compared like
// any other alert, since its duration depends on the readings and that time only.
async function ingest(
  batches: readonly (readonly ReadingSpec[])[],
): Promise<{ alerts: unknown[]; readingCount: number }> {
  const ledger = await shipmentInTransit();
  for (const [index, batch] of batches.entries()) {
    await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batchJson(`B${index}`, batch));
  }
  const shipment = JSON.parse(await ledger.invoke(sensorGateway, 'GetShipment', 'SHP-1')) as {
    readingCount: number;
  };
  return {
    alerts: activeAlerts(await alertsJson(ledger, sensorGateway, 'SHP-1')),
    readingCount: shipment.readingCount,
  };
}

/** Two sensors, readings at 0-25 min steps with temperatures that cross every rule's threshold. */
const readingSet = fc
  .uniqueArray(
    fc.record({
      sensorId: fc.constantFrom('S1', 'S2'),
      step: fc.integer({ min: 0, max: 160 }),
      celsius: fc.constantFrom(-1, 0, 1.5, 2, 5, 8, 8.5, 12, 26),
    }),
    { selector: (r) => `${r.sensorId}/${r.step}`, minLength: 1, maxLength: 120 },
  )
  .map((records) =>
    records.map((r) => ({
      sensorId: r.sensorId,
      ms: startMs + r.step * 5 * minute,
      celsius: r.celsius,
    })),
  );

describe('order independence (property)', () => {
  it('gives the same active alerts and totals whatever the order, batching and duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(
        readingSet,
        fc.func(fc.integer()),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 10 }),
        async (readings, shuffleKey, batchSizes, duplicateCount) => {
          const inOrder = [...readings].sort((a, b) => a.ms - b.ms);
          const reference = await ingest([inOrder]);
          const shuffled = [...readings].sort(
            (a, b) => shuffleKey(`${a.sensorId}${a.ms}`) - shuffleKey(`${b.sensorId}${b.ms}`),
          );
          const withDuplicates = [...shuffled, ...shuffled.slice(0, duplicateCount)];
          const batches: ReadingSpec[][] = [];
          for (let i = 0, b = 0; i < withDuplicates.length; b += 1) {
            const size = batchSizes[b % batchSizes.length] ?? 1;
            batches.push(withDuplicates.slice(i, i + size));
            i += size;
          }
          const rebatched = await ingest(batches);
          expect(rebatched).toEqual(reference);
          expect(reference.readingCount).toBe(readings.length);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
