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
  pageItemBytes,
  parseId,
  parseLotId,
  readingOfRow,
  utf8Text,
} from '@coldtrace/protocol';
import { notFound, validationFailed } from './chaincodeerror';
import { alertKey, getJson, keyTypes, lotKey, unmarshal } from './ledgerkeys';
import {
  type PagePosition,
  type StoredEntry,
  PageItems,
  decodeBookmark,
  encodeBookmark,
  parsePageSize,
  readEntries,
} from './paging';

/**
 * Read-only queries; pages use the pagination API, which Fabric allows only in queries. Every
 * page is bounded in items (`pageSize`) and in bytes (`maxPageBytes`, see {@link PageItems}).
 */
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
    const page = this.#page<ShipmentEvent>(pageSize);
    await loadShipment(this.#ctx, id);
    const stub = this.#ctx.stub;
    const start = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.event, [id]));
    const next = await fillFromRange(stub, keyTypes.event, [id], start?.key, page);
    return { items: page.items, bookmark: encodeBookmark(next) };
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
    const page = this.#page<SensorReading>(pageSize);
    await loadShipment(this.#ctx, id);
    const stub = this.#ctx.stub;
    const position = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.readings, [id]));
    let startKey = position?.key;
    // Chunks are read a few at a time until the page is full or the shipment has no more.
    for (;;) {
      const chunks = await readEntries(stub, keyTypes.readings, [id], chunksPerRead, startKey);
      for (const chunk of chunks) {
        const fromInChunk =
          chunk.key === position?.key ? Math.max(from, position.ms ?? from) : from;
        const next = collectRows(stub, id, chunk, fromInChunk, to, page);
        if (next !== undefined) {
          return { items: page.items, bookmark: encodeBookmark({ key: chunk.key, ms: next }) };
        }
      }
      const last = chunks.at(-1);
      if (chunks.length < chunksPerRead || last === undefined) {
        return { items: page.items, bookmark: '' };
      }
      startKey = after(last.key);
    }
  }

  async alertsByShipment(
    shipmentId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<Page<ExcursionAlert>> {
    const id = parseId(shipmentId, 'shipmentId');
    const page = this.#page<ExcursionAlert>(pageSize);
    await loadShipment(this.#ctx, id);
    const stub = this.#ctx.stub;
    const start = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.alert, [id]));
    const next = await fillFromRange(stub, keyTypes.alert, [id], start?.key, page);
    return { items: page.items, bookmark: encodeBookmark(next) };
  }

  /**
   * Alerts of every shipment that carries the lot, shipment by shipment (by id), by alert id. A
   * page looks into at most {@link shipmentsPerLotPage} shipments (one range read each), so a lot
   * carried by thousands of shipments without alerts costs a bounded amount per evaluation; the
   * page may then hold fewer items than fit, even none, with a bookmark at the next shipment.
   */
  async alertsByLot(
    lotId: string,
    pageSize: string,
    bookmark: string,
  ): Promise<Page<ExcursionAlert>> {
    const id = parseLotId(lotId, 'lotId');
    const page = this.#page<ExcursionAlert>(pageSize);
    await this.#lot(id);
    const stub = this.#ctx.stub;
    const position = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.alert, []));
    const resumeAt = position === undefined ? undefined : shipmentOfKey(stub, position.key);
    let examined = 0;
    for await (const shipmentId of shipmentsOfLot(stub, id, resumeAt)) {
      if (examined === shipmentsPerLotPage) {
        // Resumes at the start of this shipment's alerts.
        const next = { key: stub.createCompositeKey(keyTypes.alert, [shipmentId]) };
        return { items: page.items, bookmark: encodeBookmark(next) };
      }
      examined += 1;
      const startKey = shipmentId === resumeAt ? position?.key : undefined;
      // Every alert of a shipment names all its lots, so none is skipped here.
      const next = await fillFromRange(stub, keyTypes.alert, [shipmentId], startKey, page);
      if (next !== undefined) {
        return { items: page.items, bookmark: encodeBookmark(next) };
      }
    }
    return { items: page.items, bookmark: '' };
  }

  async openAlerts(pageSize: string, bookmark: string): Promise<Page<ExcursionAlert>> {
    const page = this.#page<ExcursionAlert>(pageSize);
    const stub = this.#ctx.stub;
    const start = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.openAlert, []));
    let startKey = start?.key;
    // An index entry whose alert is gone adds nothing, so reading may take more than one round.
    for (;;) {
      const limit = page.remaining + 1;
      const entries = await readEntries(stub, keyTypes.openAlert, [], limit, startKey);
      for (const entry of entries) {
        const [shipmentId = '', alertId = ''] = stub.splitCompositeKey(entry.key).attributes;
        const bytes = await stub.getState(alertKey(stub, shipmentId, alertId));
        if (bytes.length > 0 && !addStored(page, bytes)) {
          return { items: page.items, bookmark: encodeBookmark({ key: entry.key }) };
        }
      }
      const last = entries.at(-1);
      if (entries.length < limit || last === undefined) {
        return { items: page.items, bookmark: '' };
      }
      startKey = after(last.key);
    }
  }

  /**
   * Events of every shipment of the lot, shipment by shipment (by id), each in sequence order;
   * `shipmentIds` names the shipments this page holds events of.
   */
  async lotHistory(lotId: string, pageSize: string, bookmark: string): Promise<LotHistoryPage> {
    const id = parseLotId(lotId, 'lotId');
    const page = this.#page<ShipmentEvent>(pageSize);
    const lot = await this.#lot(id);
    const stub = this.#ctx.stub;
    const position = decodeBookmark(bookmark, stub.createCompositeKey(keyTypes.event, []));
    const resumeAt = position === undefined ? undefined : shipmentOfKey(stub, position.key);
    let next: PagePosition | undefined;
    for await (const shipmentId of shipmentsOfLot(stub, id, resumeAt)) {
      const startKey = shipmentId === resumeAt ? position?.key : undefined;
      next = await fillFromRange(stub, keyTypes.event, [shipmentId], startKey, page);
      if (next !== undefined) {
        break;
      }
    }
    const shipmentIds = [...new Set(page.items.map((event) => event.shipmentId))];
    return { lot, shipmentIds, items: page.items, bookmark: encodeBookmark(next) };
  }

  #page<T>(pageSize: string): PageItems<T> {
    return new PageItems<T>(parsePageSize(pageSize));
  }

  async #lot(lotId: string): Promise<Lot> {
    const lot = await getJson<Lot>(this.#ctx.stub, lotKey(this.#ctx.stub, lotId));
    if (lot === undefined) {
      throw notFound('lotId', `lot ${lotId} does not exist`);
    }
    return lot;
  }
}

type Stub = ColdChainContext['stub'];

/** The lot's shipments are read this many at a time. */
const shipmentsPerRead = 100;
/** Shipments whose alerts one `GetAlertsByLot` page reads at most. */
export const shipmentsPerLotPage = 100;

/** The smallest key after `key`: where a range read continues. */
function after(key: string): string {
  return `${key}\u0000`;
}

/** First attribute (the shipment id) of a shipment-scoped composite key. */
function shipmentOfKey(stub: Stub, key: string): string {
  return stub.splitCompositeKey(key).attributes[0] ?? '';
}

/**
 * Adds a stored JSON value (deterministic already) to the page; false when it does not fit. Its
 * size is its byte length, and a value that does not fit is not decoded.
 */
function addStored<T>(page: PageItems<T>, value: Uint8Array): boolean {
  const bytes = pageItemBytes(value);
  return page.fits(bytes) && page.add(JSON.parse(utf8Text(value)) as T, bytes);
}

/**
 * Adds the values stored under `objectType`/`attributes`, from `startKey` on, until the page is
 * full; returns the position of the first value that did not fit, or undefined when none is left.
 * One read of what the page still takes and the entry after: the page cannot take them all, so
 * either one is refused (its key is the position) or the range ends within the read.
 */
async function fillFromRange<T>(
  stub: Stub,
  objectType: string,
  attributes: string[],
  startKey: string | undefined,
  page: PageItems<T>,
): Promise<PagePosition | undefined> {
  const entries = await readEntries(stub, objectType, attributes, page.remaining + 1, startKey);
  for (const entry of entries) {
    if (!addStored(page, entry.value)) {
      return { key: entry.key };
    }
  }
  return undefined;
}

/** Shipments carrying the lot, by id, from `fromShipmentId` on; the index is read in parts. */
async function* shipmentsOfLot(
  stub: Stub,
  lotId: string,
  fromShipmentId: string | undefined,
): AsyncGenerator<string> {
  let startKey =
    fromShipmentId === undefined
      ? undefined
      : stub.createCompositeKey(keyTypes.lotShipment, [lotId, fromShipmentId]);
  for (;;) {
    const entries = await readEntries(
      stub,
      keyTypes.lotShipment,
      [lotId],
      shipmentsPerRead,
      startKey,
    );
    for (const entry of entries) {
      yield stub.splitCompositeKey(entry.key).attributes[1] ?? '';
    }
    const last = entries.at(-1);
    if (entries.length < shipmentsPerRead || last === undefined) {
      return;
    }
    startKey = after(last.key);
  }
}

const chunksPerRead = 8;

/** Adds the chunk's rows within [fromMs, toMs]; returns the first row's time that did not fit. */
function collectRows(
  stub: Stub,
  shipmentId: string,
  chunk: StoredEntry,
  fromMs: number,
  toMs: number,
  page: PageItems<SensorReading>,
): number | undefined {
  const sensorId = stub.splitCompositeKey(chunk.key).attributes[1] ?? '';
  for (const row of unmarshal<ReadingChunk>(chunk.value).rows) {
    if (row[0] >= fromMs && row[0] <= toMs && !page.add(readingOfRow(shipmentId, sensorId, row))) {
      return row[0];
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
