import {
  type ExcursionAlert,
  JsonReader,
  type Lot,
  type Page,
  type SensorReading,
  type Shipment,
  type ShipmentEvent,
  maxPageSize,
  parsePage,
  readExcursionAlert,
  readLot,
  readLotHistoryPage,
  readSensorReading,
  readShipment,
  readShipmentEvent,
} from '@coldtrace/protocol';
import { allPageResults } from './page';
import type { TransactionSubmitter } from './transactionsubmitter';

/*
 * What the chaincode's queries report about a subject, page by page: the verifier holds one
 * page at a time. Each compared item keeps the JSON the query returned (`raw`), which is what
 * is compared with the value written on the ledger.
 */

/** A reported item, parsed, with the JSON the query returned for it. */
export interface Reported<T> {
  readonly raw: unknown;
  readonly value: T;
}

/** The largest page the chaincode serves, so a long list costs the fewest round trips. */
const pageSize = String(maxPageSize);

function reported<T>(read: (json: JsonReader) => T): (json: JsonReader) => Reported<T> {
  return (json) => ({ raw: json.raw, value: read(json) });
}

function pagesOf<T>(fetch: (bookmark: string) => Promise<Page<T>>): AsyncIterable<readonly T[]> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const page of allPageResults(fetch)) {
        yield page.items;
      }
    },
  };
}

/**
 * The shipment as `GetShipment` reports it.
 * @throws {@link NotFoundError} for an unknown shipment; other {@link ColdtraceError} subclasses
 * for a failed query.
 */
export async function fetchShipment(
  submitter: TransactionSubmitter,
  shipmentId: string,
): Promise<Reported<Shipment>> {
  const json = JsonReader.fromBytes(
    await submitter.evaluate('GetShipment', [shipmentId]),
    'Shipment',
  );
  return { raw: json.raw, value: readShipment(json) };
}

/** The shipment's history, page by page. */
export function historyPages(
  submitter: TransactionSubmitter,
  shipmentId: string,
): AsyncIterable<readonly Reported<ShipmentEvent>[]> {
  return pagesOf(async (bookmark) =>
    parsePage(
      await submitter.evaluate('GetShipmentHistory', [shipmentId, pageSize, bookmark]),
      'Page<ShipmentEvent>',
      reported(readShipmentEvent),
    ),
  );
}

/** Every reading of the shipment, by sensor then time, page by page. */
export function readingPages(
  submitter: TransactionSubmitter,
  shipmentId: string,
): AsyncIterable<readonly SensorReading[]> {
  return pagesOf(async (bookmark) =>
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
  );
}

/** Every alert of the shipment, withdrawn ones included, page by page. */
export function alertPages(
  submitter: TransactionSubmitter,
  shipmentId: string,
): AsyncIterable<readonly Reported<ExcursionAlert>[]> {
  return pagesOf(async (bookmark) =>
    parsePage(
      await submitter.evaluate('GetAlertsByShipment', [shipmentId, pageSize, bookmark]),
      'Page<ExcursionAlert>',
      reported(readExcursionAlert),
    ),
  );
}

/**
 * The lot as `GetLot` reports it.
 * @throws {@link NotFoundError} for an unknown lot; other {@link ColdtraceError} subclasses for
 * a failed query.
 */
export async function fetchLot(
  submitter: TransactionSubmitter,
  lotId: string,
): Promise<Reported<Lot>> {
  const json = JsonReader.fromBytes(await submitter.evaluate('GetLot', [lotId]), 'Lot');
  return { raw: json.raw, value: readLot(json) };
}

/** Ids of the shipments that carried the lot, in the order of its history (by id). */
export async function lotShipmentIds(
  submitter: TransactionSubmitter,
  lotId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of allPageResults(async (bookmark) =>
    readLotHistoryPage(
      JsonReader.fromBytes(
        await submitter.evaluate('GetLotHistory', [lotId, pageSize, bookmark]),
        'LotHistoryPage',
      ),
    ),
  )) {
    for (const shipmentId of page.shipmentIds) {
      // A shipment's events may span two pages: it is named on both.
      if (ids.at(-1) !== shipmentId) {
        ids.push(shipmentId);
      }
    }
  }
  return ids;
}

/** Every transaction a shipment's state names besides its history (the custody chain). */
export function shipmentStateTransactionIds(shipment: Shipment): string[] {
  const handovers = [
    ...shipment.handovers,
    ...(shipment.pendingHandover ? [shipment.pendingHandover] : []),
  ];
  return [
    ...handovers.flatMap((h) => [
      h.offeredTxId,
      ...(h.acceptedTxId !== null ? [h.acceptedTxId] : []),
    ]),
    ...(shipment.disposition ? [shipment.disposition.txId] : []),
  ];
}
