import type { ColdChainContext } from './coldchaincontext';
import { loadShipment } from './coldchaincontext';
import {
  type ExcursionAlert,
  type Lot,
  type LotHistoryPage,
  type Page,
  type ReadingChunk,
  type SensorReading,
  type ShipmentEvent,
  parseId,
  parseLotId,
  readingOfRow,
} from '@coldtrace/protocol';
import { notFound, validationFailed } from './chaincodeerror';
import { alertKey, getJson, keyTypes, lotKey, unmarshal } from './ledgerkeys';
import {
  type StoredEntry,
  decodeBookmark,
  encodeBookmark,
  parsePageSize,
  readAllEntries,
  readEntries,
} from './paging';

/** Read-only queries; pages use the pagination API, which Fabric allows only in queries. */
export class ShipmentQueries {
  readonly #ctx: ColdChainContext;

  constructor(ctx: ColdChainContext) {
    this.#ctx = ctx;
  }

  async history(
    shipmentId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<Page<ShipmentEvent>> {
    const id = parseId(shipmentId, 'shipmentId');
    const size = parsePageSize(pageSize);
    await loadShipment(this.#ctx, id);
    const stub = this.#ctx.stub;
    const prefix = stub.createCompositeKey(keyTypes.event, [id]);
    const start = decodeBookmark(bookmark, prefix);
    const entries = await readEntries(stub, keyTypes.event, [id], size + 1, start?.key);
    const next = entries[size];
    return {
      items: entries.slice(0, size).map((entry) => unmarshal<ShipmentEvent>(entry.value)),
      bookmark: encodeBookmark(next === undefined ? undefined : { key: next.key }),
    };
  }

  async readings(
    shipmentId: string,
    fromMs: string,
    toMs: string,
    pageSize: string,
    bookmark: string,
  ): Promise<Page<SensorReading>> {
    const id = parseId(shipmentId, 'shipmentId');
    const from = parseMs(fromMs, 'fromMs');
    const to = parseMs(toMs, 'toMs');
    if (from > to) {
      throw validationFailed('fromMs', 'from-le-to', 'fromMs must not be after toMs');
    }
    const size = parsePageSize(pageSize);
    await loadShipment(this.#ctx, id);
    const stub = this.#ctx.stub;
    const position = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.readings, [id]));
    const items: SensorReading[] = [];
    let startKey = position?.key;
    // Chunks are read a few at a time until the page is full or the shipment has no more.
    for (;;) {
      const chunks = await readEntries(stub, keyTypes.readings, [id], chunksPerRead, startKey);
      for (const chunk of chunks) {
        const fromInChunk =
          chunk.key === position?.key ? Math.max(from, position.ms ?? from) : from;
        const next = collectRows(stub, id, chunk, fromInChunk, to, items, size);
        if (next !== undefined) {
          return { items, bookmark: encodeBookmark({ key: chunk.key, ms: next }) };
        }
      }
      const last = chunks.at(-1);
      if (chunks.length < chunksPerRead || last === undefined) {
        return { items, bookmark: '' };
      }
      // Continue just after the last chunk read.
      startKey = `${last.key}\u0000`;
    }
  }

  async alertsByShipment(shipmentId: string): Promise<ExcursionAlert[]> {
    const id = parseId(shipmentId, 'shipmentId');
    await loadShipment(this.#ctx, id);
    const entries = await readAllEntries(this.#ctx.stub, keyTypes.alert, [id]);
    return entries.map((entry) => unmarshal<ExcursionAlert>(entry.value));
  }

  async alertsByLot(lotId: string): Promise<ExcursionAlert[]> {
    const id = parseLotId(lotId, 'lotId');
    await this.#lot(id);
    const alerts: ExcursionAlert[] = [];
    for (const shipmentId of await this.#shipmentsOfLot(id)) {
      const entries = await readAllEntries(this.#ctx.stub, keyTypes.alert, [shipmentId]);
      alerts.push(
        ...entries
          .map((entry) => unmarshal<ExcursionAlert>(entry.value))
          .filter((alert) => alert.lotIds.includes(id)),
      );
    }
    return alerts;
  }

  async openAlerts(pageSize: string, bookmark: string): Promise<Page<ExcursionAlert>> {
    const size = parsePageSize(pageSize);
    const stub = this.#ctx.stub;
    const start = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.openAlert, []));
    const entries = await readEntries(stub, keyTypes.openAlert, [], size + 1, start?.key);
    const items: ExcursionAlert[] = [];
    for (const entry of entries.slice(0, size)) {
      const [shipmentId = '', alertId = ''] = stub.splitCompositeKey(entry.key).attributes;
      const alert = await getJson<ExcursionAlert>(stub, alertKey(stub, shipmentId, alertId));
      if (alert !== undefined) {
        items.push(alert);
      }
    }
    const next = entries[size];
    return { items, bookmark: encodeBookmark(next === undefined ? undefined : { key: next.key }) };
  }

  /** Events of every shipment of the lot, shipment by shipment, each in sequence order. */
  async lotHistory(lotId: string, pageSize: string, bookmark: string): Promise<LotHistoryPage> {
    const id = parseLotId(lotId, 'lotId');
    const size = parsePageSize(pageSize);
    const lot = await this.#lot(id);
    const shipmentIds = await this.#shipmentsOfLot(id);
    const stub = this.#ctx.stub;
    const position = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.event, []));
    const items: ShipmentEvent[] = [];
    for (const shipmentId of shipmentIds) {
      const prefix = stub.createCompositeKey(keyTypes.event, [shipmentId]);
      // Shipments whose events all sort before the bookmark were returned on earlier pages.
      if (position !== undefined && !position.key.startsWith(prefix) && prefix < position.key) {
        continue;
      }
      const startKey = position?.key.startsWith(prefix) === true ? position.key : undefined;
      const entries = await readEntries(
        stub,
        keyTypes.event,
        [shipmentId],
        size + 1 - items.length,
        startKey,
      );
      for (const entry of entries) {
        if (items.length === size) {
          return { lot, shipmentIds, items, bookmark: encodeBookmark({ key: entry.key }) };
        }
        items.push(unmarshal<ShipmentEvent>(entry.value));
      }
    }
    return { lot, shipmentIds, items, bookmark: '' };
  }

  async #lot(lotId: string): Promise<Lot> {
    const lot = await getJson<Lot>(this.#ctx.stub, lotKey(this.#ctx.stub, lotId));
    if (lot === undefined) {
      throw notFound('lotId', `lot ${lotId} does not exist`);
    }
    return lot;
  }

  async #shipmentsOfLot(lotId: string): Promise<string[]> {
    const entries = await readAllEntries(this.#ctx.stub, keyTypes.lotShipment, [lotId]);
    return entries
      .map((entry) => this.#ctx.stub.splitCompositeKey(entry.key).attributes[1] ?? '')
      .sort();
  }
}

const chunksPerRead = 8;

/** Adds the chunk's rows within [fromMs, toMs]; returns the first row's time that did not fit. */
function collectRows(
  stub: ColdChainContext['stub'],
  shipmentId: string,
  chunk: StoredEntry,
  fromMs: number,
  toMs: number,
  items: SensorReading[],
  size: number,
): number | undefined {
  const sensorId = stub.splitCompositeKey(chunk.key).attributes[1] ?? '';
  for (const row of unmarshal<ReadingChunk>(chunk.value).rows) {
    if (row[0] >= fromMs && row[0] <= toMs) {
      if (items.length === size) {
        return row[0];
      }
      items.push(readingOfRow(shipmentId, sensorId, row));
    }
  }
  return undefined;
}

function parseMs(value: string, field: string): number {
  if (
    typeof value !== 'string' ||
    !/^\d{1,16}$/u.test(value) ||
    !Number.isSafeInteger(Number(value))
  ) {
    throw validationFailed(field, 'format', `${field} must be a decimal integer of milliseconds`);
  }
  return Number(value);
}
