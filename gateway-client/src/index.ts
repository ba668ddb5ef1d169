// The whole public surface of @coldtrace/gateway-client.
export { type AlertNotification, alertEventName, alertEventSchema } from './alertnotification';
export { type Alerts } from './alerts';
export {
  type AlertStream,
  type AlertStreamOptions,
  type ChaincodeEventSource,
} from './alertstream';
export {
  blockDataHash,
  blockHeaderDer,
  blockHeaderHash,
  type BlockHeaderFields,
} from './blockhash';
export { type ColdtraceClient } from './coldtraceclient';
export {
  AccessDeniedError,
  ColdtraceError,
  type ColdtraceErrorCode,
  type ColdtraceErrorDetail,
  CommitError,
  ConfigurationError,
  ConflictError,
  CustodyError,
  EndorsementError,
  InvalidResponseError,
  NotFoundError,
  ValidationError,
} from './coldtraceerror';
export { type CommitStatus } from './commitstatus';
export {
  connect,
  type ConnectOptions,
  defaultTimeouts,
  type EndpointConnection,
  type GrpcConnection,
  type ProfileConnection,
  type Timeouts,
} from './connect';
export {
  type ConnectionProfile,
  loadConnectionProfile,
  profilePath,
  type ProfileUser,
} from './connectionprofile';
export { type Custody } from './custody';
export { type EndorsementCheck, checkEndorsement } from './endorsementcheck';
export { type ChaincodeErrorBody, parseChaincodeErrorBody, toColdtraceError } from './errormapping';
export {
  type AlertAcknowledgement,
  type AlertSeverity,
  type AlertStatus,
  type AlertType,
  type ExcursionAlert,
} from './excursionalert';
export { type HashChainBreak, checkHashChain } from './hashchain';
export {
  type LedgerBlock,
  type LedgerTransaction,
  decodeBlockBytes,
  decodeTransaction,
} from './ledgerblock';
export { type ChainInfo, type LedgerReader } from './ledgerreader';
export { type Lot, type LotRegistration } from './lot';
export { type LotHistoryPage } from './lothistory';
export { type Lots } from './lots';
export { type Page, type PageRequest } from './page';
export { escapeHtml, renderProvenanceHtml } from './provenancehtml';
export {
  type Discrepancy,
  type DiscrepancyKind,
  type ProvenanceReport,
  type ReadingsSummary,
  type ShipmentProvenance,
  type TransactionEvidence,
} from './provenancereport';
export { type ProvenanceOptions, type ProvenanceVerifier } from './provenanceverifier';
export { batchIdFor, maxReadingsPerBatch, type ReadingBatch } from './readingbatch';
export {
  type BatchOutcome,
  type BatchResult,
  type IngestionSummary,
  type ReadingIngestion,
  type ReadingIngestionOptions,
} from './readingingestion';
export {
  type SensorReadingInput,
  type ShipmentReadings,
  type TemperatureUnit,
} from './readinginput';
export { type Readings, type ReadingsQuery } from './readings';
export { type ReadingsReceipt } from './readingsreceipt';
export { type BackoffPolicy, defaultBackoffPolicy } from './retry';
export { type SensorReading } from './sensorreading';
export { type Actor } from './actor';
export { type CustodyHandover } from './custodyhandover';
export {
  type Disposition,
  type DispositionDecision,
  type Location,
  type Shipment,
  type ShipmentCreation,
  type ShipmentLine,
  type ShipmentStatus,
} from './shipment';
export { type ShipmentEvent, type ShipmentEventType } from './shipmentevent';
export { type Shipments } from './shipments';
export { type MktRule, type TemperatureProfile, type TemperatureRule } from './temperatureprofile';
