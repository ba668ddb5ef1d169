import { applicationOrganisations } from './channelconfig';
import { type EndorsementCheck, checkEndorsement } from './endorsementcheck';
import {
  type ChaincodeActionRecord,
  type LedgerBlock,
  type LedgerTransaction,
  decodeTransaction,
} from './ledgerblock';
import type { LedgerReader } from './ledgerreader';
import type { OrganisationCertificates } from './organisationcertificates';
import type { Discrepancy, TransactionEvidence } from './provenancereport';
import { isShipmentKey } from './statekey';
import type { WrittenState } from './writtenstate';

/** The verdict on one transaction: what the ledger shows, and what is wrong with it. */
export interface ReplayedTransaction {
  readonly transaction: LedgerTransaction;
  readonly evidence: TransactionEvidence;
  readonly discrepancies: readonly Discrepancy[];
}

export interface EndorsementReplayOptions {
  readonly chaincode: string;
  /** Distinct organisations needed; default a majority of the channel's application organisations. */
  readonly requiredEndorsingOrganisations?: number;
}

/**
 * Replays the endorsement validation a committing peer does, on the blocks as this peer serves
 * them: each endorsement's signature and certificate against the channel configuration in force
 * for the block, the chaincode-level MAJORITY policy, and the key-level policy of every shipment
 * the transaction writes.
 */
export class EndorsementReplay {
  readonly #ledger: LedgerReader;
  readonly #options: Readonly<EndorsementReplayOptions>;
  readonly #configs = new Map<bigint, Promise<Map<string, OrganisationCertificates>>>();
  #required = 0;

  constructor(ledger: LedgerReader, options: Readonly<EndorsementReplayOptions>) {
    this.#ledger = ledger;
    this.#options = options;
  }

  /** Organisations the last replayed transaction needed (0 before any). */
  get required(): number {
    return this.#required;
  }

  /** The application organisations of the configuration block `block` was cut under. */
  organisations(block: LedgerBlock): Promise<Map<string, OrganisationCertificates>> {
    const configNumber = block.lastConfigBlock ?? 0n;
    let organisations = this.#configs.get(configNumber);
    if (organisations === undefined) {
      organisations = this.#ledger.blockByNumber(configNumber).then(applicationOrganisations);
      this.#configs.set(configNumber, organisations);
    }
    return organisations;
  }

  /**
   * Checks the transaction at `index` of `block`. `written` holds what the transactions before
   * it wrote (replay in ledger order): a shipment's key-level policy is the `endorsingMspIds` of
   * its previous version, which is what the committing peers validated against.
   */
  async replay(
    block: LedgerBlock,
    index: number,
    written: WrittenState,
  ): Promise<ReplayedTransaction> {
    const transaction = decodeTransaction(block, index);
    const { transactionId } = transaction;
    const blockNumber = Number(block.number);
    const organisations = await this.organisations(block);
    this.#required =
      this.#options.requiredEndorsingOrganisations ?? Math.floor(organisations.size / 2) + 1;
    const actions = transaction.actions.filter((a) => a.chaincodeName === this.#options.chaincode);
    const checks = actions.flatMap((action) =>
      action.endorsements.map((e) =>
        checkEndorsement(action.proposalResponsePayload, e, organisations),
      ),
    );
    const evidence = evidenceOf(transaction, blockNumber, checks, actions);
    if (transaction.validationCodeName !== 'VALID') {
      const message = `transaction ${transactionId} committed as ${transaction.validationCodeName}`;
      return {
        transaction,
        evidence,
        discrepancies: [{ kind: 'NOT_VALID', transactionId, blockNumber, message }],
      };
    }
    const discrepancies: Discrepancy[] = checks
      .filter((c) => c.problem !== undefined)
      .map((check) => ({
        kind: 'ENDORSEMENT_INVALID',
        transactionId,
        blockNumber,
        message: `${check.mspId}: ${check.problem ?? ''}`,
      }));
    const endorsingOrgs = new Set(
      checks.filter((c) => c.problem === undefined).map((c) => c.mspId),
    );
    const missing = missingKeyEndorsers(transaction, endorsingOrgs, written);
    if (actions.length === 0 || endorsingOrgs.size < this.#required || missing.length > 0) {
      discrepancies.push({
        kind: 'ENDORSEMENT_POLICY',
        transactionId,
        blockNumber,
        message: `transaction ${transactionId} has valid endorsements from ${[...endorsingOrgs].join(', ') || 'no organisation'}; needs ${this.#required} organisation(s)${missing.length > 0 ? ` including ${missing.join(', ')} (shipment key-level policy)` : ''}`,
      });
    }
    return { transaction, evidence, discrepancies };
  }
}

/** Organisations a shipment's key-level policy requires that did not validly endorse. */
export function missingKeyEndorsers(
  transaction: LedgerTransaction,
  endorsingOrgs: ReadonlySet<string>,
  written: WrittenState,
): string[] {
  const required = new Set<string>();
  for (const write of transaction.actions.flatMap((a) => a.writes)) {
    for (const id of isShipmentKey(write.key) ? (written.endorsingMspIdsAt(write.key) ?? []) : []) {
      required.add(id);
    }
  }
  return [...required].filter((id) => !endorsingOrgs.has(id)).sort();
}

function evidenceOf(
  transaction: LedgerTransaction,
  blockNumber: number,
  checks: readonly EndorsementCheck[],
  actions: readonly ChaincodeActionRecord[],
): TransactionEvidence {
  return {
    transactionId: transaction.transactionId,
    blockNumber,
    index: transaction.index,
    timestampMs: transaction.timestampMs,
    creatorMspId: transaction.creatorMspId,
    validationCode: transaction.validationCodeName,
    endorsements: checks.map(({ mspId, subject, signatureValid, certificateTrusted }) => ({
      mspId,
      ...(subject !== undefined ? { subject } : {}),
      signatureValid,
      certificateTrusted,
    })),
    writtenKeys: actions.reduce((total, a) => total + a.writes.length, 0),
  };
}
