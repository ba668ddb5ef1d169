// @coldtrace/protocol: the wire contract between chaincode and client (docs/chaincode-api.md).
export { type Actor, readActor } from './actor';
export {
  type AlertEventPayload,
  alertEventName,
  alertEventPayload,
  alertEventSchema,
  parseAlertEventPayload,
  readAlertEventPayload,
} from './alertevent';
export { type CustodyHandover, readCustodyHandover } from './custodyhandover';
export {
  type ChaincodeErrorCode,
  type ErrorEnvelope,
  chaincodeErrorCodes,
  encodeErrorEnvelope,
  parseErrorEnvelope,
} from './errorenvelope';
export {
  type AlertAcknowledgement,
  type AlertCoverage,
  type AlertSeverity,
  type AlertStatus,
  type AlertType,
  type ExcursionAlert,
  type LoggingIntervals,
  alertSeverities,
  alertStatuses,
  alertTypes,
  parseExcursionAlert,
  readExcursionAlert,
} from './excursionalert';
export {
  hasValidGs1CheckDigit,
  lotIdOf,
  parseGln,
  parseGtin,
  parseId,
  parseIsoDate,
  parseLotId,
  parseLotNumber,
  parseRfc3339,
} from './identifiers';
export { JsonReader } from './jsonreader';
export { JsonShapeError } from './jsonshapeerror';
export { type Lot, type LotRegistration, parseLot, readLot } from './lot';
export { marshal, marshalBytes, tryParseJson, utf8Bytes, utf8Text } from './marshal';
export {
  maxChunkConflicts,
  maxPageBytes,
  maxPageSize,
  maxShipmentHandovers,
  maxShipmentSensors,
  pageItemBytes,
  utf8Length,
} from './limits';
export { type LotHistoryPage, type Page, parsePage, readLotHistoryPage, readPage } from './page';
export {
  type AlertChangeCounts,
  type AlertChangeKind,
  type ReadingConflict,
  type ReadingsReceipt,
  type ReceiptAlert,
  alertChangeKinds,
  maxReceiptAlerts,
  parseReadingsReceipt,
  readReadingsReceipt,
} from './readingsreceipt';
export {
  type OldReadings,
  type ReadingAgeWindow,
  findOldReadings,
  oldReadingBeforeMs,
} from './readingage';
export {
  type ReadingBatchInput,
  type ReadingChunk,
  type ReadingRow,
  type ReadingValue,
  type SensorReading,
  type SensorReadingInput,
  maxBatchReadings,
  readReadingValue,
  readingOfRow,
  readSensorReading,
  valueOfRow,
} from './sensorreading';
export {
  type Disposition,
  type DispositionDecision,
  type Place,
  type PlaceInput,
  type ReadingFlags,
  type Shipment,
  type ShipmentCreation,
  type ShipmentLot,
  type ShipmentStatus,
  defaultOldReadingWindowMs,
  dispositionDecisions,
  maxOldReadingWindowMs,
  parseShipment,
  readPlace,
  readShipmentLot,
  readShipment,
  shipmentStatuses,
} from './shipment';
export {
  type ShipmentEvent,
  type ShipmentEventType,
  readShipmentEvent,
  shipmentEventTypes,
} from './shipmentevent';
export {
  type StateKey,
  type StateObjectType,
  compositeKey,
  eventSeqAttribute,
  readingsDayAttribute,
  readingsDayOf,
  splitCompositeKey,
  stateKeyAttributes,
  stateKeys,
  stateObjectTypes,
} from './statelayout';
export {
  type TemperatureUnit,
  dayMs,
  hourMs,
  maxPlausibleMilliC,
  minPlausibleMilliC,
  temperatureUnits,
  toMilliCelsius,
} from './temperature';
export {
  type Direction,
  type ExcursionRule,
  type MktRule,
  type ProfileMode,
  type RuleKind,
  type TemperatureProfile,
  directions,
  readTemperatureProfile,
  ruleKinds,
} from './temperatureprofile';
export {
  type TransactionArgs,
  type TransactionDefinition,
  type TransactionName,
  type TransactionResult,
  transactions,
} from './transactions';
