import {
  type ExcursionAlert,
  type Lot,
  type CustodyHandover,
  type Disposition,
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
  | 'GAP';

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

export interface ReadingsSummary {
  readonly count: number;
  readonly sensors: readonly string[];
  readonly firstMs?: number;
  readonly lastMs?: number;
  readonly minMilliC?: number;
  readonly maxMilliC?: number;
  /** Readings outside the shipment profile's range. */
  readonly outOfRange: number;
  /** Readings whose stored value was found in a verified transaction's write set and matched. */
  readonly matchedOnLedger: number;
}

export interface ShipmentProvenance {
  readonly shipment: Shipment;
  /** Accepted handovers in order, then the pending one if any. */
  readonly custodyChain: readonly CustodyHandover[];
  /** Every recorded step in `seq` order. */
  readonly history: readonly ShipmentEvent[];
  readonly readings: ReadingsSummary;
  /** Every alert, including withdrawn ones. */
  readonly excursions: readonly ExcursionAlert[];
  /** Alerts that carry an acknowledgement. */
  readonly acknowledgements: readonly ExcursionAlert[];
  /** `DISPOSED` history events, and the disposition in force. */
  readonly dispositions: readonly ShipmentEvent[];
  readonly disposition?: Disposition;
}

/** The auditor's report, JSON-serialisable (block numbers as numbers, hashes as hex). */
export interface ProvenanceReport {
  readonly schema: 'coldtrace.provenance/v1';
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
  readonly shipments: readonly ShipmentProvenance[];
  readonly transactions: readonly TransactionEvidence[];
  readonly discrepancies: readonly Discrepancy[];
}
