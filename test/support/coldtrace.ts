// Shared steps of the client-library tests: connecting as a profile user, a lot and a shipment in
// the carrier's custody, and sensor readings at chosen times.
import {
  type ColdtraceClient,
  connect,
  type Lot,
  type SensorReadingInput,
  waitForPeersInSync,
} from '@coldtrace/gateway-client';
import * as path from 'node:path';
import { gtinWithCheckDigit } from './gtin';
import { profileDir, uniqueId } from './network';

export function profileOf(mspId: string): string {
  return path.join(profileDir, `${mspId}.json`);
}

export function connectUser(mspId: string, user: string): Promise<ColdtraceClient> {
  return connect({ connection: { profile: profileOf(mspId), user } });
}

export interface Parties {
  readonly shipper: ColdtraceClient;
  readonly qa: ColdtraceClient;
  readonly dispatcher: ColdtraceClient;
  readonly carrier: ColdtraceClient;
  readonly auditor: ColdtraceClient;
}

export async function connectParties(): Promise<Parties> {
  const [shipper, qa, dispatcher, carrier, auditor] = await Promise.all([
    connectUser('PharmaMSP', 'shipper'),
    connectUser('PharmaMSP', 'qa'),
    connectUser('LogisticsMSP', 'dispatcher'),
    connectUser('LogisticsMSP', 'sensor-gateway'),
    connectUser('AuditorMSP', 'auditor'),
  ]);
  return { shipper, qa, dispatcher, carrier, auditor };
}

export function closeParties(parties: Parties | undefined): void {
  if (parties === undefined) return;
  const { shipper, qa, dispatcher, carrier, auditor } = parties;
  for (const client of [shipper, qa, dispatcher, carrier, auditor]) client.close();
}

export async function registerLot(shipper: ColdtraceClient): Promise<Lot> {
  return shipper.lots.register({
    gtin: gtinWithCheckDigit('0950600013435'),
    lotNumber: uniqueId('L').slice(0, 20),
    expiry: '2028-03-31',
    productName: 'Rotavirus vaccine, oral, 1-dose tube',
    profile: 'refrigerated-2-8',
  });
}

/** Creates a shipment of `lotId` and hands it to Logistics; returns its id. */
export async function shipmentInTransit(parties: Parties, lotId: string): Promise<string> {
  const shipmentId = uniqueId('SHP');
  await parties.shipper.shipments.create({
    shipmentId,
    lots: [{ lotId, quantity: 240 }],
    origin: { name: 'Pharma DC, Frankfurt' },
    destination: { name: 'Hospital pharmacy, Porto' },
  });
  await parties.shipper.custody.offer(shipmentId, 'LogisticsMSP');
  await peersInSync(parties);
  await parties.dispatcher.custody.accept(shipmentId);
  await peersInSync(parties);
  return shipmentId;
}

/** One reading per value, `stepMs` apart from `startMs`. */
export function readingsAt(
  sensorId: string,
  startMs: number,
  celsius: readonly number[],
  stepMs = 10_000,
): SensorReadingInput[] {
  return celsius.map((value, index) => ({
    sensorId,
    timestamp: new Date(startMs + index * stepMs).toISOString(),
    value,
    unit: 'CEL',
  }));
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}

/** Waits until the three organisations' peers have the same ledger height (see waitForPeersInSync). */
export function peersInSync(parties: Parties, timeoutMs = 30_000): Promise<void> {
  return waitForPeersInSync([parties.qa, parties.dispatcher, parties.auditor], timeoutMs);
}
