import { JsonReader } from './jsonreader';
import { type Lot, readLot } from './lot';
import { type ShipmentEvent, readShipmentEvent } from './shipmentevent';

/**
 * One page of a paged query: at most `pageSize` (up to `maxPageSize`) items whose JSON totals
 * at most `maxPageBytes` (limits.ts); `bookmark` is opaque, '' when there are no more pages.
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly bookmark: string;
}

/** A page of a lot's history: events of every shipment carrying it, shipment by shipment. */
export interface LotHistoryPage extends Page<ShipmentEvent> {
  readonly lot: Lot;
  /** The shipments whose events this page holds, in page order (bounded by the page). */
  readonly shipmentIds: readonly string[];
}

export function readPage<T>(json: JsonReader, item: (reader: JsonReader) => T): Page<T> {
  return { items: json.array('items', item), bookmark: json.string('bookmark') };
}

export function parsePage<T>(
  bytes: Uint8Array,
  what: string,
  item: (reader: JsonReader) => T,
): Page<T> {
  return readPage(JsonReader.fromBytes(bytes, what), item);
}

export function readLotHistoryPage(json: JsonReader): LotHistoryPage {
  return {
    lot: readLot(json.field('lot')),
    shipmentIds: json.array('shipmentIds', (id) => id.asString()),
    items: json.array('items', readShipmentEvent),
    bookmark: json.string('bookmark'),
  };
}
