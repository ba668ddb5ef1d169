import {
  type ExcursionAlert,
  JsonReader,
  type Lot,
  type SensorReading,
  type Shipment,
  type ShipmentEvent,
  parsePage,
  readExcursionAlert,
  readLot,
  readLotHistoryPage,
  readSensorReading,
  readShipment,
  readShipmentEvent,
} from '@coldtrace/protocol';
import { allPages } from './page';
import type { TransactionSubmitter } from './transactionsubmitter';

/** What the chaincode's queries report about one shipment: parsed, and raw for comparison. */
export interface ShipmentFacts {
  readonly raw: unknown;
  readonly shipment: Shipment;
  readonly history: readonly ShipmentEvent[];
  /** Each history item as the query returned it, in the order of `history`. */
  readonly rawHistory: readonly unknown[];
  readonly readings: readonly SensorReading[];
  readonly rawAlerts: readonly unknown[];
  readonly alerts: readonly ExcursionAlert[];
}

/** What the queries report about a lot, and the ids of the shipments that carry it. */
export interface LotFacts {
  readonly raw: unknown;
  readonly lot: Lot;
  readonly history: readonly ShipmentEvent[];
  readonly shipmentIds: readonly string[];
}

/** The largest page the chaincode serves, so a long history costs the fewest round trips. */
const pageSize = '1000';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) {
    result.push(item);
  }
  return result;
}

/**
 * Asks the chaincode everything it reports about a shipment, following every page.
 * @throws {@link NotFoundError} for an unknown shipment; other {@link ColdtraceError} subclasses
 * for failed queries.
 */
export async function fetchShipmentFacts(
  submitter: TransactionSubmitter,
  shipmentId: string,
): Promise<ShipmentFacts> {
  const rawShipment = JsonReader.fromBytes(
    await submitter.evaluate('GetShipment', [shipmentId]),
    'Shipment',
  );
  const history = await collect(
    allPages(async (bookmark) =>
      parsePage(
        await submitter.evaluate('GetShipmentHistory', [shipmentId, pageSize, bookmark]),
        'Page<ShipmentEvent>',
        (item) => ({ raw: item.raw, event: readShipmentEvent(item) }),
      ),
    ),
  );
  const readings = await collect(
    allPages(async (bookmark) =>
      parsePage(
        await submitter.evaluate('GetReadings', [
          shipmentId,
          '0',
          String(Number.MAX_SAFE_INTEGER),
          pageSize,
          bookmark,
        ]),
        'Page<SensorReading>',
        readSensorReading,
      ),
    ),
  );
  const alertsJson = JsonReader.fromBytes(
    await submitter.evaluate('GetAlertsByShipment', [shipmentId]),
    'ExcursionAlert[]',
  );
  return {
    raw: rawShipment.raw,
    shipment: readShipment(rawShipment),
    history: history.map((h) => h.event),
    rawHistory: history.map((h) => h.raw),
    readings,
    rawAlerts: alertsJson.asArray((a) => a.raw),
    alerts: alertsJson.asArray(readExcursionAlert),
  };
}

/**
 * Asks the chaincode for a lot and its history across shipments, following every page.
 * @throws {@link NotFoundError} for an unknown lot; other {@link ColdtraceError} subclasses for
 * failed queries.
 */
export async function fetchLotFacts(
  submitter: TransactionSubmitter,
  lotId: string,
): Promise<LotFacts> {
  const rawLot = JsonReader.fromBytes(await submitter.evaluate('GetLot', [lotId]), 'Lot');
  const history = await collect(
    allPages(async (bookmark) =>
      readLotHistoryPage(
        JsonReader.fromBytes(
          await submitter.evaluate('GetLotHistory', [lotId, pageSize, bookmark]),
          'LotHistoryPage',
        ),
      ),
    ),
  );
  return {
    raw: rawLot.raw,
    lot: readLot(rawLot),
    history,
    shipmentIds: [...new Set(history.map((e) => e.shipmentId))],
  };
}

/** Every transaction a shipment's state, history and alerts name. */
export function shipmentTransactionIds(facts: ShipmentFacts): string[] {
  const { shipment } = facts;
  const handovers = [
    ...shipment.handovers,
    ...(shipment.pendingHandover ? [shipment.pendingHandover] : []),
  ];
  return [
    ...facts.history.map((e) => e.txId),
    ...handovers.flatMap((h) => [
      h.offeredTxId,
      ...(h.acceptedTxId !== null ? [h.acceptedTxId] : []),
    ]),
    ...facts.alerts.flatMap((a) => [
      a.raisedTxId,
      a.updatedTxId,
      ...(a.acknowledgement ? [a.acknowledgement.txId] : []),
    ]),
    ...(shipment.disposition ? [shipment.disposition.txId] : []),
  ];
}

/** The lot's registration and every event of its history. */
export function lotTransactionIds(facts: LotFacts): string[] {
  return [facts.lot.txId, ...facts.history.map((e) => e.txId)];
}
