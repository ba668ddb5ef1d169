import { type ExcursionAlert, parseExcursionAlert, readExcursionAlert } from './excursionalert';
import { JsonReader } from './jsonreader';
import { parseLot } from './lot';
import { type LotHistoryPage, type Page, parsePage, readLotHistoryPage } from './page';
import { parseReadingsReceipt } from './readingsreceipt';
import { type SensorReading, readSensorReading } from './sensorreading';
import { parseShipment } from './shipment';
import { type ShipmentEvent, readShipmentEvent } from './shipmentevent';
import { type TemperatureProfile, readTemperatureProfile } from './temperatureprofile';

/**
 * One chaincode transaction: its name, whether it is submitted (writes, ordered) or evaluated
 * (a query), its arguments in order (every argument is a string), and the reader of its result.
 */
export interface TransactionDefinition<Args extends readonly string[], Result> {
  readonly name: string;
  readonly kind: 'submit' | 'evaluate';
  readonly args: Args;
  /** @throws {@link JsonShapeError} if the bytes are not the documented result. */
  readonly readResult: (bytes: Uint8Array) => Result;
}

/** Argument values of a transaction, one string per argument name. */
export type TransactionArgs<T> =
  T extends TransactionDefinition<infer Args, unknown>
    ? { readonly [K in keyof Args]: string }
    : never;

export type TransactionResult<T> =
  T extends TransactionDefinition<readonly string[], infer R> ? R : never;

function define<const Args extends readonly string[], Result>(
  name: string,
  kind: 'submit' | 'evaluate',
  args: Args,
  readResult: (bytes: Uint8Array) => Result,
): TransactionDefinition<Args, Result> {
  return { name, kind, args, readResult };
}

const page =
  <T>(what: string, item: (json: JsonReader) => T) =>
  (bytes: Uint8Array): Page<T> =>
    parsePage(bytes, what, item);

/** The chaincode `coldtrace`'s transactions (default contract: names carry no prefix). */
export const transactions = {
  RegisterLot: define('RegisterLot', 'submit', ['lotJson'], parseLot),
  CreateShipment: define('CreateShipment', 'submit', ['shipmentJson'], parseShipment),
  OfferCustody: define('OfferCustody', 'submit', ['shipmentId', 'toMspId'], parseShipment),
  AcceptCustody: define('AcceptCustody', 'submit', ['shipmentId'], parseShipment),
  ConfirmDelivery: define('ConfirmDelivery', 'submit', ['shipmentId'], parseShipment),
  SubmitReadings: define(
    'SubmitReadings',
    'submit',
    ['shipmentId', 'batchJson'],
    parseReadingsReceipt,
  ),
  AcknowledgeAlert: define(
    'AcknowledgeAlert',
    'submit',
    ['shipmentId', 'alertId', 'comment'],
    parseExcursionAlert,
  ),
  DisposeShipment: define(
    'DisposeShipment',
    'submit',
    ['shipmentId', 'decision', 'reason'],
    parseShipment,
  ),
  GetLot: define('GetLot', 'evaluate', ['lotId'], parseLot),
  GetShipment: define('GetShipment', 'evaluate', ['shipmentId'], parseShipment),
  GetShipmentHistory: define(
    'GetShipmentHistory',
    'evaluate',
    ['shipmentId', 'pageSize', 'bookmark'],
    page<ShipmentEvent>('Page<ShipmentEvent>', readShipmentEvent),
  ),
  GetReadings: define(
    'GetReadings',
    'evaluate',
    ['shipmentId', 'fromMs', 'toMs', 'pageSize', 'bookmark'],
    page<SensorReading>('Page<SensorReading>', readSensorReading),
  ),
  GetAlertsByShipment: define(
    'GetAlertsByShipment',
    'evaluate',
    ['shipmentId', 'pageSize', 'bookmark'],
    page<ExcursionAlert>('Page<ExcursionAlert>', readExcursionAlert),
  ),
  GetAlertsByLot: define(
    'GetAlertsByLot',
    'evaluate',
    ['lotId', 'pageSize', 'bookmark'],
    page<ExcursionAlert>('Page<ExcursionAlert>', readExcursionAlert),
  ),
  GetOpenAlerts: define(
    'GetOpenAlerts',
    'evaluate',
    ['pageSize', 'bookmark'],
    page<ExcursionAlert>('Page<ExcursionAlert>', readExcursionAlert),
  ),
  GetLotHistory: define(
    'GetLotHistory',
    'evaluate',
    ['lotId', 'pageSize', 'bookmark'],
    (bytes): LotHistoryPage => readLotHistoryPage(JsonReader.fromBytes(bytes, 'LotHistoryPage')),
  ),
  ListProfilePresets: define('ListProfilePresets', 'evaluate', [], (bytes): TemperatureProfile[] =>
    JsonReader.fromBytes(bytes, 'TemperatureProfile[]').asArray((json) =>
      readTemperatureProfile(json),
    ),
  ),
} as const;

export type TransactionName = keyof typeof transactions;
