import { EndorsementReplay } from './endorsementreplay';
import { walkHashChain } from './hashchainwalk';
import type { LedgerReader } from './ledgerreader';
import {
  type LotFacts,
  type ShipmentFacts,
  fetchLotFacts,
  fetchShipmentFacts,
  lotTransactionIds,
  shipmentTransactionIds,
} from './provenancequeries';
import type {
  Discrepancy,
  ProvenanceReport,
  ShipmentProvenance,
  TransactionEvidence,
} from './provenancereport';
import { summariseReadings } from './readingssummary';
import { locateTransactions, newCachingLedgerReader } from './transactionlocator';
import type { TransactionSubmitter } from './transactionsubmitter';
import {
  compareHistoryTimes,
  compareLot,
  compareReadings,
  compareShipment,
} from './valuecomparison';
import { WrittenState } from './writtenstate';

/** Options of the provenance verifier. */
export interface ProvenanceOptions {
  /**
   * Distinct organisations whose valid endorsements every transaction needs. Default: a majority
   * of the channel's application organisations, Fabric's default `MAJORITY Endorsement` policy.
   */
  readonly requiredEndorsingOrganisations?: number;
  /** Most blocks walked when checking the hash chain; default 10 000. */
  readonly maxBlocks?: number;
  /** Clock for the report timestamp (tests). */
  readonly now?: () => number;
}

/**
 * Verifies a shipment's or lot's provenance against the ledger of the caller's own peer. Methods
 * throw `NotFoundError` for an unknown subject and the other {@link ColdtraceError} subclasses for
 * failed queries (of the chaincode or of the ledger); everything found wrong on the ledger is
 * reported as a discrepancy, not thrown.
 */
export interface ProvenanceVerifier {
  verifyShipment(shipmentId: string): Promise<ProvenanceReport>;
  verifyLot(lotId: string): Promise<ProvenanceReport>;
}

export interface ProvenanceContext {
  readonly submitter: TransactionSubmitter;
  readonly ledger: LedgerReader;
  readonly channel: string;
  readonly chaincode: string;
  readonly mspId: string;
}

/** What the chaincode reports about the subject. */
interface Subject {
  readonly subject: ProvenanceReport['subject'];
  readonly shipments: readonly ShipmentFacts[];
  readonly lot?: LotFacts;
}

function provenanceOf(facts: ShipmentFacts, matchedReadings: number): ShipmentProvenance {
  const { shipment } = facts;
  return {
    shipment,
    custodyChain: [
      ...shipment.handovers,
      ...(shipment.pendingHandover ? [shipment.pendingHandover] : []),
    ],
    history: facts.history,
    readings: summariseReadings(facts.readings, shipment.profile, matchedReadings),
    excursions: facts.alerts,
    acknowledgements: facts.alerts.filter((a) => a.acknowledgement !== null),
    dispositions: facts.history.filter((e) => e.type === 'DISPOSED'),
    ...(shipment.disposition ? { disposition: shipment.disposition } : {}),
  };
}

/**
 * The verification, in five steps with one module each: ask the chaincode (provenancequeries),
 * find each transaction it names on the ledger (transactionlocator), replay endorsement and
 * policies in ledger order (endorsementreplay), compare the reported values with those written
 * (valuecomparison), and walk the hash chain to the tip (hashchainwalk).
 */
class ProvenanceVerifierImpl implements ProvenanceVerifier {
  readonly #context: ProvenanceContext;
  readonly #options: Readonly<ProvenanceOptions>;

  constructor(context: ProvenanceContext, options: Readonly<ProvenanceOptions>) {
    this.#context = context;
    this.#options = options;
  }

  async verifyShipment(shipmentId: string): Promise<ProvenanceReport> {
    const facts = await fetchShipmentFacts(this.#context.submitter, shipmentId);
    return this.#verify({ subject: { kind: 'shipment', id: shipmentId }, shipments: [facts] });
  }

  async verifyLot(lotId: string): Promise<ProvenanceReport> {
    const { submitter } = this.#context;
    const lot = await fetchLotFacts(submitter, lotId);
    const shipments: ShipmentFacts[] = [];
    for (const shipmentId of lot.shipmentIds) {
      shipments.push(await fetchShipmentFacts(submitter, shipmentId));
    }
    return this.#verify({ subject: { kind: 'lot', id: lotId }, shipments, lot });
  }

  async #verify({ subject, shipments, lot }: Subject): Promise<ProvenanceReport> {
    const { channel, chaincode, mspId } = this.#context;
    const ledger = newCachingLedgerReader(this.#context.ledger);
    const { located, missing } = await locateTransactions(ledger, [
      ...(lot !== undefined ? lotTransactionIds(lot) : []),
      ...shipments.flatMap(shipmentTransactionIds),
    ]);
    const discrepancies: Discrepancy[] = [...missing];
    const evidence = new Map<string, TransactionEvidence>();
    const written = new WrittenState();
    const replay = new EndorsementReplay(ledger, {
      chaincode,
      ...(this.#options.requiredEndorsingOrganisations !== undefined
        ? { requiredEndorsingOrganisations: this.#options.requiredEndorsingOrganisations }
        : {}),
    });
    // Ledger order, so each shipment write is checked against the policy of the version before it.
    for (const { block, index } of located) {
      const replayed = await replay.replay(block, index, written);
      evidence.set(replayed.transaction.transactionId, replayed.evidence);
      discrepancies.push(...replayed.discrepancies);
      if (replayed.transaction.validationCodeName === 'VALID') {
        written.add(block.number, replayed.transaction, chaincode);
      }
    }
    const matchedReadings: number[] = [];
    for (const facts of shipments) {
      const readings = compareReadings(facts.readings, written);
      discrepancies.push(
        ...compareHistoryTimes(facts.history, evidence),
        ...compareShipment(facts, written),
        ...readings.discrepancies,
      );
      matchedReadings.push(readings.matched);
    }
    if (lot !== undefined) {
      discrepancies.push(...compareLot(lot, written));
    }
    const walk = await walkHashChain(
      ledger,
      located[0]?.block.number ?? 0n,
      this.#options.maxBlocks,
    );
    discrepancies.push(...walk.discrepancies);
    return {
      schema: 'coldtrace.provenance/v1',
      subject,
      verdict: discrepancies.length === 0 ? 'VERIFIED' : 'DISCREPANCIES',
      generatedAtMs: (this.#options.now ?? Date.now)(),
      channel,
      chaincode,
      verifiedOnMspId: mspId,
      ledger: walk.ledger,
      requiredEndorsingOrganisations: replay.required,
      ...(lot !== undefined ? { lot: lot.lot } : {}),
      shipments: shipments.map((facts, i) => provenanceOf(facts, matchedReadings[i] ?? 0)),
      transactions: [...evidence.values()].sort(
        (a, b) => a.blockNumber - b.blockNumber || a.index - b.index,
      ),
      discrepancies,
    };
  }
}

export function newProvenanceVerifier(
  context: ProvenanceContext,
  options: Readonly<ProvenanceOptions> = {},
): ProvenanceVerifier {
  return new ProvenanceVerifierImpl(context, options);
}
