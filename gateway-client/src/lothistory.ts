import type { JsonReader } from './jsonreader';
import { type Lot, readLot } from './lot';
import { type ShipmentEvent, readShipmentEvent } from './shipmentevent';

/** A page of a lot's history: events of every shipment carrying it, shipment by shipment. */
export interface LotHistoryPage {
  readonly lot: Lot;
  readonly shipmentIds: readonly string[];
  readonly items: readonly ShipmentEvent[];
  readonly bookmark: string;
}

export function readLotHistoryPage(json: JsonReader): LotHistoryPage {
  return {
    lot: readLot(json.field('lot')),
    shipmentIds: json.array('shipmentIds', (id) => id.asString()),
    items: json.array('items', readShipmentEvent),
    bookmark: json.string('bookmark'),
  };
}
