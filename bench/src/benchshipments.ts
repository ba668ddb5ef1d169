import type { BenchParties } from './benchparties';
import { SensorFeed } from './sensorfeed';

/** How many setup transaction chains run at once. */
const setupParallelism = 16;
/** Time for every peer to commit the last setup block (blocks are cut every 250 ms or less). */
const catchUpMs = 1500;

/** Registers the lot every benchmark shipment carries; returns its id. */
export async function registerBenchLot(parties: BenchParties, runId: string): Promise<string> {
  const lot = await parties.shipper.lots.register({
    gtin: '09506000134352',
    lotNumber: `BENCH-${runId}`,
    expiry: '2030-12-31',
    productName: 'coldtrace benchmark lot',
    profile: 'refrigerated-2-8',
  });
  return lot.lotId;
}

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A write endorsed right after another organisation's write committed may run on a peer that has
 * not received that block yet (the offer is then not pending); such setup steps are retried.
 */
async function withPeerCatchUp<T>(step: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= attempts) throw err;
      await sleep(200 * attempt);
    }
  }
}

/** Options of {@link prepareShipments}. */
export interface ShipmentSetup {
  readonly lotId: string;
  /** Shipment ids are `<prefix>-<n>`. */
  readonly prefix: string;
  readonly count: number;
  readonly sensorsPerShipment: number;
  readonly spacingMs: number;
}

/**
 * Creates shipments of the lot as the Pharma shipper, offers each to LogisticsMSP and accepts it
 * as the Logistics dispatcher; returns one sensor feed per shipment, starting after the last
 * acceptance so every reading falls inside the carrier's custody.
 */
export async function prepareShipments(
  parties: BenchParties,
  setup: Readonly<ShipmentSetup>,
): Promise<SensorFeed[]> {
  const ids = Array.from({ length: setup.count }, (_, i) => `${setup.prefix}-${i + 1}`);
  await inParallel(ids, setupParallelism, async (shipmentId) => {
    await parties.shipper.shipments.create({
      shipmentId,
      lots: [{ lotId: setup.lotId, quantity: 1000 }],
      origin: { name: 'Benchmark plant' },
      destination: { name: 'Benchmark depot' },
    });
    await withPeerCatchUp(() => parties.shipper.custody.offer(shipmentId, 'LogisticsMSP'));
    await withPeerCatchUp(() => parties.dispatcher.custody.accept(shipmentId));
  });
  // Every peer must have the last acceptance before readings are endorsed against it.
  await sleep(catchUpMs);
  // Acceptance time is the transaction's time, which may be a little ahead of this clock.
  const startMs = Date.now() + 1000;
  return ids.map(
    (shipmentId) =>
      new SensorFeed({
        shipmentId,
        sensors: setup.sensorsPerShipment,
        startMs,
        spacingMs: setup.spacingMs,
      }),
  );
}
