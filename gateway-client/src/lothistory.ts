import { JsonReader } from './jsonreader';
import { type Lot, readLot } from './lot';
import { type ShipmentEvent, readShipmentEvent } from './shipmentevent';

/** A page of a lot's history across every shipment that carried it. */
export interface LotHistoryPage {
  readonly lot: Lot;
  readonly items: readonly ShipmentEvent[];
  readonly bookmark: string;
}

export function readLotHistoryPage(json: JsonReader): LotHistoryPage {
  return {
    lot: readLot(json.field('lot')),
    items: json.array('items', readShipmentEvent),
    bookmark: json.string('bookmark'),
  };
}
