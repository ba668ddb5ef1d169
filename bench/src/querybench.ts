import type { ColdtraceClient, ShipmentEvent } from '@coldtrace/gateway-client';
import { countItems } from './itemcount';
import { percentiles } from './percentile';

/** Latency of one query kind over several repetitions, milliseconds. */
export interface QueryTiming {
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Items the query returned (the last run's). */
  readonly items: number;
}

export interface QueryResults {
  readonly lotId: string;
  readonly lotShipments: number;
  /** Readings on the ledger across the lot's shipments (sum of `readingCount`). */
  readonly lotReadings: number;
  readonly lotHistoryFirstPage: QueryTiming;
  readonly lotHistoryFullScan: QueryTiming & {
    /** Events the lot's shipments report (sum of `eventCount`): what a correct scan returns. */
    readonly expectedEvents: number;
    /** Distinct (shipment, seq) pairs the scan returned. */
    readonly distinctEvents: number;
    /** The scan returned each expected event exactly once. */
    readonly complete: boolean;
  };
  readonly alertsByLot: QueryTiming;
  readonly shipmentHistory: QueryTiming & { readonly shipmentId: string };
}

/** One walk of a lot's history: the shipments it names and its distinct (shipment, seq) pairs. */
async function walkHistory(
  events: AsyncIterable<ShipmentEvent>,
): Promise<{ shipmentIds: Set<string>; distinctEvents: number }> {
  const shipmentIds = new Set<string>();
  const seen = new Set<string>();
  for await (const event of events) {
    shipmentIds.add(event.shipmentId);
    seen.add(`${event.shipmentId}\u0000${event.seq}`);
  }
  return { shipmentIds, distinctEvents: seen.size };
}

async function time(runs: number, query: () => Promise<number>): Promise<QueryTiming> {
  const latencies: number[] = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    items = await query();
    latencies.push(performance.now() - started);
  }
  const { p50, p95, max } = percentiles(latencies);
  return { runs, p50: Math.round(p50), p95: Math.round(p95), max: Math.round(max), items };
}

/**
 * Times the read side as Pharma QA: a lot history's first page (100 events) and full scan (pages
 * of 1000), alerts by lot, and the full history of the shipment with the most events.
 */
export async function benchQueries(
  qa: ColdtraceClient,
  lotId: string,
  runs: number,
): Promise<QueryResults> {
  const { shipmentIds, distinctEvents } = await walkHistory(qa.lots.history(lotId));
  const shipments = await Promise.all([...shipmentIds].map((id) => qa.shipments.get(id)));
  const busiest = shipments.reduce((a, b) => (b.eventCount > a.eventCount ? b : a));
  const scanRuns = Math.max(3, Math.ceil(runs / 5));
  const expectedEvents = shipments.reduce((total, s) => total + s.eventCount, 0);
  const fullScan = await time(scanRuns, () => countItems(qa.lots.history(lotId)));
  return {
    lotId,
    lotShipments: shipments.length,
    lotReadings: shipments.reduce((total, s) => total + s.readingCount, 0),
    lotHistoryFirstPage: await time(
      runs,
      async () => (await qa.lots.historyPage(lotId, { pageSize: 100 })).items.length,
    ),
    lotHistoryFullScan: {
      ...fullScan,
      expectedEvents,
      distinctEvents,
      complete: fullScan.items === expectedEvents && distinctEvents === expectedEvents,
    },
    alertsByLot: await time(runs, () => countItems(qa.alerts.byLot(lotId))),
    shipmentHistory: {
      shipmentId: busiest.shipmentId,
      ...(await time(runs, () => countItems(qa.shipments.history(busiest.shipmentId)))),
    },
  };
}
