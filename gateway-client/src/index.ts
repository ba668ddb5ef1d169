// The whole public surface of @coldtrace/gateway-client.
// Wire types come from @coldtrace/protocol, the one definition chaincode and client share.
export type {
  Actor,
  AlertAcknowledgement,
  AlertChangeCounts,
  AlertChangeKind,
  AlertCoverage,
  AlertSeverity,
  AlertStatus,
  AlertType,
  CustodyHandover,
  Direction,
  Disposition,
  DispositionDecision,
  ExcursionAlert,
  ExcursionRule,
  Lot,
  LotHistoryPage,
  LoggingIntervals,
  LotRegistration,
  MktRule,
  Page,
  Place,
  PlaceInput,
  ReadingConflict,
  ReadingFlags,
  ReadingValue,
  ReadingsReceipt,
  ReceiptAlert,
  RuleKind,
  SensorReading,
  SensorReadingInput,
  Shipment,
  ShipmentCreation,
  ShipmentEvent,
  ShipmentEventType,
  ShipmentLot,
  ShipmentStatus,
  TemperatureProfile,
  TemperatureUnit,
} from '@coldtrace/protocol';
export { defaultOldReadingWindowMs, maxOldReadingWindowMs } from '@coldtrace/protocol';
export { maxPageBytes, maxPageSize } from '@coldtrace/protocol';
// The protocol's validators, so applications check input by the ledger's own rules.
export { JsonShapeError, parseId, parseIsoDate, parseRfc3339 } from '@coldtrace/protocol';
export { type AlertNotification, alertEventName, alertEventSchema } from './alertnotification';
export { type Alerts } from './alerts';
export {
  type AlertStream,
  type AlertStreamOptions,
  type ChaincodeEventSource,
} from './alertstream';
export { type ColdtraceClient } from './coldtraceclient';
export { waitForPeersInSync } from './peersync';
export {
  AccessDeniedError,
  ColdtraceError,
  type ColdtraceErrorCode,
  type ColdtraceErrorDetail,
  CommitError,
  ConfigurationError,
  ConflictError,
  ContractError,
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
export { toColdtraceError } from './errormapping';
export { type HashChainBreak, checkHashChain } from './hashchain';
export {
  type LedgerBlock,
  type LedgerTransaction,
  decodeBlockBytes,
  decodeTransaction,
} from './ledgerblock';
export { type ChainInfo, type LedgerReader } from './ledgerreader';
export { type Lots } from './lots';
export { type PageRequest, allPageResults } from './page';
export { type ProvenanceReportFile, teeProvenanceSinks } from './provenancefile';
export { newProvenanceHtmlFile } from './provenancehtml';
export { newProvenanceJsonFile } from './provenancejson';
export {
  type AlertsSummary,
  type Discrepancy,
  type DiscrepancyKind,
  maxListedDiscrepancies,
  type ProvenanceReport,
  type ProvenanceSink,
  type ReadingsDay,
  type ReadingsSummary,
  type ShipmentProvenance,
  type TransactionEvidence,
} from './provenancereport';
export {
  type ProvenanceOptions,
  type ProvenanceVerifier,
  type VerifyOptions,
} from './provenanceverifier';
export { batchIdFor, maxReadingsPerBatch, type ReadingBatch } from './readingbatch';
export {
  type BatchOutcome,
  type BatchResult,
  type IngestionSummary,
  type ReadingIngestion,
  type ReadingIngestionOptions,
} from './readingingestion';
export { type ShipmentReadings } from './readinginput';
export { type Readings, type ReadingsQuery } from './readings';
export { type BackoffPolicy, defaultBackoffPolicy } from './retry';
export { readShipmentCreation, readShipmentCreationFile } from './shipmentcreationfile';
export { type Shipments } from './shipments';
export { type ShipmentSubmission } from './submissionsummary';
