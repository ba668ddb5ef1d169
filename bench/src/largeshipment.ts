import {
  type Lot,
  type ReadingIngestion,
  type SensorReadingInput,
  waitForPeersInSync,
} from '@coldtrace/gateway-client';
import type { BenchParties } from './benchparties';

/** The shape of the query round's large shipment. */
export interface LargeShipmentPlan {
  /** Readings in all (a multiple of `sensors`). */
  readonly readings: number;
  readonly sensors: number;
  /** One reading in this many is out of range: one OUT_OF_RANGE alert each. */
  readonly outOfRangeEvery: number;
  /** Lots the shipment carries: every alert names them all, so more lots make larger alerts. */
  readonly lots: number;
  /** Readings per `SubmitReadings` transaction. */
  readonly batchSize: number;
}

const minuteMs = 60_000;

/**
 * The readings of one logger sampling once a minute (well inside the 15-minute logging
 * interval of refrigerated-2-8, so there is no gap to treat) and ending at `endMs`: 4.5-5.5 °C,
 * except every `outOfRangeEvery`th reading at 1.5 °C, below the 2 °C range and above the
 * freezing limit, so each is one OUT_OF_RANGE alert and nothing else, under any gap rules.
 */
export function loggerReading(
  plan: LargeShipmentPlan,
  sensor: number,
  index: number,
  endMs: number,
): SensorReadingInput {
  const perSensor = plan.readings / plan.sensors;
  const outOfRange = index % plan.outOfRangeEvery === plan.outOfRangeEvery - 1;
  return {
    sensorId: `LOGGER-${String(sensor + 1).padStart(3, '0')}`,
    timestamp: new Date(endMs - (perSensor - 1 - index) * minuteMs).toISOString(),
    value: outOfRange
      ? 1.5
      : Math.round((5 + 0.5 * Math.sin((index + 7 * sensor) / 60)) * 100) / 100,
    unit: 'CEL',
  };
}

/** OUT_OF_RANGE alerts the plan raises. */
export function expectedAlerts(plan: LargeShipmentPlan): number {
  return plan.sensors * Math.floor(plan.readings / plan.sensors / plan.outOfRangeEvery);
}

/** What the setup made. */
export interface LargeShipment {
  readonly shipmentId: string;
  readonly lots: readonly Lot[];
  readonly readings: number;
  readonly ingestMs: number;
}

/** Registers the lots, creates the shipment of them, hands it to Logistics and delivers it. */
async function deliveredShipment(
  parties: BenchParties,
  runId: string,
  plan: LargeShipmentPlan,
): Promise<{ shipmentId: string; lots: Lot[]; createdAtMs: number }> {
  const lots = await Promise.all(
    Array.from({ length: plan.lots }, (_, i) =>
      parties.shipper.lots.register({
        gtin: '09506000134352',
        lotNumber: `LG${runId}-${String(i).padStart(3, '0')}`.slice(0, 20),
        expiry: '2030-12-31',
        productName: 'coldtrace benchmark lot of the large shipment',
        profile: 'refrigerated-2-8',
      }),
    ),
  );
  const all = [parties.shipper, parties.dispatcher, parties.qa, parties.auditor];
  const shipmentId = `B${runId}-LARGE`;
  const created = await parties.shipper.shipments.create({
    shipmentId,
    lots: lots.map((lot) => ({ lotId: lot.lotId, quantity: 1000 })),
    origin: { name: 'Benchmark plant' },
    destination: { name: 'Benchmark depot' },
  });
  await parties.shipper.custody.offer(shipmentId, 'LogisticsMSP');
  await waitForPeersInSync(all);
  await parties.dispatcher.custody.accept(shipmentId);
  await waitForPeersInSync(all);
  await parties.dispatcher.custody.confirmDelivery(shipmentId);
  await waitForPeersInSync(all);
  return { shipmentId, lots, createdAtMs: created.createdAtMs };
}

/** Submits one batch; a batch that does not commit stops the round. */
async function submit(
  ingestion: ReadingIngestion,
  shipmentId: string,
  readings: readonly SensorReadingInput[],
): Promise<void> {
  const [batch] = await ingestion.enqueue(shipmentId, readings);
  if (batch?.outcome !== 'committed') {
    throw new Error(
      `large shipment: batch ${batch?.batchId ?? ''} ${batch?.outcome ?? 'missing'}: ${batch?.error?.message ?? ''}`,
    );
  }
}

/**
 * Builds the large shipment: delivered at once (the loggers' record is read out at the
 * destination: readings all precede the transit period, so no silence falls inside it), then
 * the readings submitted batch after batch (one shipment's batches go one after another), the
 * loggers taking turns, each batch built as it is sent.
 */
export async function prepareLargeShipment(
  parties: BenchParties,
  runId: string,
  plan: LargeShipmentPlan,
  progress: (message: string) => void,
): Promise<LargeShipment> {
  const { shipmentId, lots, createdAtMs } = await deliveredShipment(parties, runId, plan);
  const endMs = createdAtMs - minuteMs;
  const perSensor = plan.readings / plan.sensors;
  const ingestion = parties.sensorGateway.readings.newIngestion({ maxBatchSize: plan.batchSize });
  const started = performance.now();
  let committed = 0;
  const rounds = Math.ceil(perSensor / plan.batchSize);
  for (let round = 0; round < rounds; round++) {
    const from = round * plan.batchSize;
    const size = Math.min(plan.batchSize, perSensor - from);
    for (let sensor = 0; sensor < plan.sensors; sensor++) {
      const readings = Array.from({ length: size }, (_, i) =>
        loggerReading(plan, sensor, from + i, endMs),
      );
      await submit(ingestion, shipmentId, readings);
      committed += size;
    }
    progress(`large shipment: ${committed} of ${plan.readings} readings committed`);
  }
  const ingestMs = Math.round(performance.now() - started);
  await waitForPeersInSync([parties.shipper, parties.dispatcher, parties.qa, parties.auditor]);
  return { shipmentId, lots, readings: committed, ingestMs };
}
