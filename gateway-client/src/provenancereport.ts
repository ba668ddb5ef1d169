import {
  type AlertSeverity,
  type AlertStatus,
  type CustodyHandover,
  type Disposition,
  type ExcursionAlert,
  type Lot,
  type Shipment,
  type ShipmentEvent,
} from '@coldtrace/protocol';

/** Kinds of discrepancy the verifier reports; any one makes the verdict `DISCREPANCIES`. */
export type DiscrepancyKind =
  | 'NOT_VALID'
  | 'TRANSACTION_MISSING'
  | 'ENDORSEMENT_INVALID'
  | 'ENDORSEMENT_POLICY'
  | 'VALUE_MISMATCH'
  | 'TIMESTAMP_MISMATCH'
  | 'DATA_HASH'
  | 'PREVIOUS_HASH'
  | 'TIP_HASH'
  | 'GAP'
  | 'BLOCK_CHANGED';

export interface Discrepancy {
  readonly kind: DiscrepancyKind;
  readonly message: string;
  readonly transactionId?: string;
  readonly blockNumber?: number;
}

/** What the ledger shows about one transaction that touched the subject. */
export interface TransactionEvidence {
  readonly transactionId: string;
  readonly blockNumber: number;
  readonly index: number;
  readonly timestampMs: number;
  readonly creatorMspId: string;
  readonly validationCode: string;
  readonly endorsements: readonly {
    readonly mspId: string;
    readonly subject?: string;
    readonly signatureValid: boolean;
    readonly certificateTrusted: boolean;
  }[];
  readonly writtenKeys: number;
}

/** The readings of one sensor on one UTC day (one stored readings value), as verified. */
export interface ReadingsDay {
  readonly sensorId: string;
  /** The UTC date, `YYYY-MM-DD`. */
  readonly day: string;
  readonly count: number;
  readonly firstMs: number;
  readonly lastMs: number;
  readonly minMilliC: number;
  readonly maxMilliC: number;
  /** Readings outside the shipment profile's range. */
  readonly outOfRange: number;
  /** Readings found, equal, in the value the verified transactions stored for that day. */
  readonly matchedOnLedger: number;
}

export interface ReadingsSummary {
  readonly count: number;
  readonly sensors: readonly string[];
  /** Sensor-days: one {@link ReadingsDay} each. */
  readonly days: number;
  readonly firstMs?: number;
  readonly lastMs?: number;
  readonly minMilliC?: number;
  readonly maxMilliC?: number;
  /** Readings outside the shipment profile's range. */
  readonly outOfRange: number;
  /** Readings whose stored value was found in a verified transaction's write set and matched. */
  readonly matchedOnLedger: number;
}

/** Counts over every alert of a shipment, withdrawn ones included. */
export interface AlertsSummary {
  readonly count: number;
  readonly bySeverity: Readonly<Record<AlertSeverity, number>>;
  readonly byStatus: Readonly<Record<AlertStatus, number>>;
  readonly acknowledged: number;
}

/** The verified summary of one shipment; its events, readings days and alerts went to the sink. */
export interface ShipmentProvenance {
  readonly shipment: Shipment;
  /** Accepted handovers in order, then the pending one if any. */
  readonly custodyChain: readonly CustodyHandover[];
  /** History events verified (the history itself went to {@link ProvenanceSink.history}). */
  readonly events: number;
  readonly readings: ReadingsSummary;
  readonly alerts: AlertsSummary;
  /** `DISPOSED` history events, the first {@link maxListedItems}; `dispositionCount` counts all. */
  readonly dispositions: readonly ShipmentEvent[];
  readonly dispositionCount: number;
  /** The disposition in force. */
  readonly disposition?: Disposition;
}

/**
 * Receives a verification's detail while it is checked, so that no part of it is ever held
 * whole in memory: per shipment `shipment`, then pages of its `history`, one `readingsDay` per
 * sensor and UTC day, pages of its `alerts`, then `shipmentSummary`; `transactions` as each
 * subject's transactions are replayed, in ledger order. Every item has been compared with the
 * ledger when it arrives; what did not match is a discrepancy of the report. The verifier
 * awaits each call (a sink writing to a file should wait for the write). Methods may be left out.
 */
export interface ProvenanceSink {
  shipment?(shipment: Shipment, custodyChain: readonly CustodyHandover[]): Promise<void> | void;
  history?(events: readonly ShipmentEvent[]): Promise<void> | void;
  readingsDay?(day: ReadingsDay): Promise<void> | void;
  alerts?(alerts: readonly ExcursionAlert[]): Promise<void> | void;
  shipmentSummary?(provenance: ShipmentProvenance): Promise<void> | void;
  transactions?(evidence: readonly TransactionEvidence[]): Promise<void> | void;
}

/** Discrepancies a report lists; `discrepancyCount` counts them all. */
export const maxListedDiscrepancies = 1000;
/** Items a report lists where it keeps a short list (dispositions). */
export const maxListedItems = 100;

/**
 * The auditor's verdict, JSON-serialisable (block numbers as numbers, hashes as hex) and bounded
 * in size whatever the subject holds: the detail went to the {@link ProvenanceSink}.
 */
export interface ProvenanceReport {
  readonly schema: 'coldtrace.provenance/v2';
  readonly subject: { readonly kind: 'shipment' | 'lot'; readonly id: string };
  readonly verdict: 'VERIFIED' | 'DISCREPANCIES';
  readonly generatedAtMs: number;
  readonly channel: string;
  readonly chaincode: string;
  /** The organisation whose peer's ledger was read. */
  readonly verifiedOnMspId: string;
  readonly ledger: {
    readonly height: number;
    readonly tipHash: string;
    readonly firstBlockChecked: number;
    readonly blocksChecked: number;
  };
  /** Minimum distinct endorsing organisations (chaincode-level MAJORITY policy). */
  readonly requiredEndorsingOrganisations: number;
  readonly lot?: Lot;
  /** Shipments verified: the subject, or every shipment that carried the lot. */
  readonly shipmentCount: number;
  /** Transactions located and replayed. */
  readonly transactionCount: number;
  readonly discrepancyCount: number;
  /** The first {@link maxListedDiscrepancies} discrepancies found. */
  readonly discrepancies: readonly Discrepancy[];
}
