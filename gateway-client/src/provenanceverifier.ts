import {
  type AlertSeverity,
  type AlertStatus,
  type ExcursionAlert,
  type Lot,
  type Shipment,
  type ShipmentEvent,
  alertSeverities,
  alertStatuses,
} from '@coldtrace/protocol';
import { type BlockCache, newBlockCache } from './blockcache';
import { EndorsementReplay } from './endorsementreplay';
import { walkHashChain } from './hashchainwalk';
import { transactionIdAt } from './ledgerblock';
import type { LedgerReader } from './ledgerreader';
import {
  alertPages,
  fetchLot,
  fetchShipment,
  historyPages,
  lotShipmentIds,
  readingPages,
  shipmentStateTransactionIds,
} from './provenancequeries';
import {
  type AlertsSummary,
  type Discrepancy,
  type ProvenanceReport,
  type ProvenanceSink,
  type ShipmentProvenance,
  type TransactionEvidence,
  maxListedDiscrepancies,
  maxListedItems,
} from './provenancereport';
import { ReadingsCheck } from './readingscheck';
import { ReadingsSummaryBuilder } from './readingssummary';
import { alertKey, eventKey, lotKey, shipmentKey } from './statekey';
import { locateTransactions } from './transactionlocator';
import type { TransactionSubmitter } from './transactionsubmitter';
import { type TransactionTime, compareHistoryTime, compareValue } from './valuecomparison';
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
  /** Bytes of blocks kept in memory while verifying; default 16 MiB. */
  readonly blockCacheBytes?: number;
  /** Clock for the report timestamp (tests). */
  readonly now?: () => number;
}

/** Options of one verification. */
export interface VerifyOptions {
  /** Receives the verified detail (history, readings days, alerts, transactions) as it goes. */
  readonly sink?: ProvenanceSink;
}

/**
 * Verifies a shipment's or lot's provenance against the ledger of the caller's own peer, in
 * memory bounded by the block cache and the number of transactions and state keys, never by the
 * number of readings. Methods throw `NotFoundError` for an unknown subject and the other
 * {@link ColdtraceError} subclasses for failed queries (of the chaincode or of the ledger);
 * everything found wrong on the ledger is reported as a discrepancy, not thrown, and so is a
 * shipment written to while it is verified (its new values match no verified write).
 */
export interface ProvenanceVerifier {
  verifyShipment(shipmentId: string, options?: Readonly<VerifyOptions>): Promise<ProvenanceReport>;
  verifyLot(lotId: string, options?: Readonly<VerifyOptions>): Promise<ProvenanceReport>;
}

export interface ProvenanceContext {
  readonly submitter: TransactionSubmitter;
  readonly ledger: LedgerReader;
  readonly channel: string;
  readonly chaincode: string;
  readonly mspId: string;
}

/** Every discrepancy counted, the first {@link maxListedDiscrepancies} kept. */
class DiscrepancyLog {
  readonly listed: Discrepancy[] = [];
  count = 0;

  add(discrepancies: readonly Discrepancy[]): void {
    for (const discrepancy of discrepancies) {
      this.count++;
      if (this.listed.length < maxListedDiscrepancies) {
        this.listed.push(discrepancy);
      }
    }
  }
}

/** Counts of a shipment's alerts. */
class AlertsTally {
  #count = 0;
  #acknowledged = 0;
  readonly #bySeverity = Object.fromEntries(alertSeverities.map((s) => [s, 0])) as Record<
    AlertSeverity,
    number
  >;
  readonly #byStatus = Object.fromEntries(alertStatuses.map((s) => [s, 0])) as Record<
    AlertStatus,
    number
  >;

  add(alert: ExcursionAlert): void {
    this.#count++;
    this.#bySeverity[alert.severity]++;
    this.#byStatus[alert.status]++;
    if (alert.acknowledgement !== null) {
      this.#acknowledged++;
    }
  }

  build(): AlertsSummary {
    return {
      count: this.#count,
      bySeverity: { ...this.#bySeverity },
      byStatus: { ...this.#byStatus },
      acknowledged: this.#acknowledged,
    };
  }
}

/** Evidence goes to the sink in batches of this many. */
const evidenceBatch = 100;

/** What a replay leaves to compare query results with. */
interface Replayed {
  readonly written: WrittenState;
  readonly times: ReadonlyMap<string, TransactionTime>;
}

/**
 * One verification, in five steps with one module each: ask the chaincode (provenancequeries),
 * find each transaction it names on the ledger (transactionlocator), replay endorsement and
 * policies in ledger order (endorsementreplay) into digests of what was written (writtenstate),
 * compare the reported values with those (valuecomparison, readingscheck) while passing them to
 * the sink, and walk the hash chain to the tip (hashchainwalk). A shipment's history is read
 * twice: first for the transactions it names (every transaction that writes a shipment's keys
 * records a history event), then, once those are replayed, to compare and report it.
 */
class VerificationRun {
  readonly #context: ProvenanceContext;
  readonly #options: Readonly<ProvenanceOptions>;
  readonly #sink: ProvenanceSink;
  readonly #ledger: BlockCache;
  readonly #replay: EndorsementReplay;
  readonly #discrepancies = new DiscrepancyLog();
  #transactions = 0;
  #shipments = 0;
  #firstBlock: bigint | undefined;

  constructor(
    context: ProvenanceContext,
    options: Readonly<ProvenanceOptions>,
    sink: ProvenanceSink,
  ) {
    this.#context = context;
    this.#options = options;
    this.#sink = sink;
    this.#ledger = newBlockCache(context.ledger, {
      ...(options.blockCacheBytes !== undefined ? { maxBytes: options.blockCacheBytes } : {}),
    });
    this.#replay = new EndorsementReplay(this.#ledger, {
      chaincode: context.chaincode,
      ...(options.requiredEndorsingOrganisations !== undefined
        ? { requiredEndorsingOrganisations: options.requiredEndorsingOrganisations }
        : {}),
    });
  }

  async lot(lotId: string): Promise<Lot> {
    const lot = await fetchLot(this.#context.submitter, lotId);
    const { written } = await this.#replayTransactions([lot.value.txId]);
    this.#discrepancies.add(compareValue(`lot ${lotId}`, lot.raw, lotKey(lotId), written));
    for (const shipmentId of await lotShipmentIds(this.#context.submitter, lotId)) {
      await this.shipment(shipmentId);
    }
    return lot.value;
  }

  async shipment(shipmentId: string): Promise<void> {
    const { submitter } = this.#context;
    const reported = await fetchShipment(submitter, shipmentId);
    const shipment = reported.value;
    const transactionIds = new Set(shipmentStateTransactionIds(shipment));
    let lastSeq = 0;
    for await (const page of historyPages(submitter, shipmentId)) {
      for (const { value } of page) {
        transactionIds.add(value.txId);
        lastSeq = value.seq;
      }
    }
    const replayed = await this.#replayTransactions(transactionIds);
    const custodyChain = [
      ...shipment.handovers,
      ...(shipment.pendingHandover ? [shipment.pendingHandover] : []),
    ];
    await this.#sink.shipment?.(shipment, custodyChain);
    this.#discrepancies.add(
      compareValue(
        `shipment ${shipmentId}`,
        reported.raw,
        shipmentKey(shipmentId),
        replayed.written,
      ),
    );
    const history = await this.#history(shipmentId, lastSeq, replayed);
    const readings = await this.#readings(shipment, replayed.written);
    const alerts = await this.#alerts(shipmentId, replayed.written);
    const provenance: ShipmentProvenance = {
      shipment,
      custodyChain,
      events: history.events,
      readings,
      alerts,
      dispositions: history.dispositions,
      dispositionCount: history.dispositionCount,
      ...(shipment.disposition ? { disposition: shipment.disposition } : {}),
    };
    await this.#sink.shipmentSummary?.(provenance);
    this.#shipments++;
  }

  async finish(subject: ProvenanceReport['subject'], lot?: Lot): Promise<ProvenanceReport> {
    const { channel, chaincode, mspId } = this.#context;
    const walk = await walkHashChain(this.#ledger, this.#firstBlock ?? 0n, this.#options.maxBlocks);
    this.#discrepancies.add(walk.discrepancies);
    this.#discrepancies.add(
      this.#ledger.changedBlocks().map((number) => ({
        kind: 'BLOCK_CHANGED',
        blockNumber: Number(number),
        message: `block ${number} read again differs from the copy first read from this peer`,
      })),
    );
    return {
      schema: 'coldtrace.provenance/v2',
      subject,
      verdict: this.#discrepancies.count === 0 ? 'VERIFIED' : 'DISCREPANCIES',
      generatedAtMs: (this.#options.now ?? Date.now)(),
      channel,
      chaincode,
      verifiedOnMspId: mspId,
      ledger: walk.ledger,
      requiredEndorsingOrganisations: this.#replay.required,
      ...(lot !== undefined ? { lot } : {}),
      shipmentCount: this.#shipments,
      transactionCount: this.#transactions,
      discrepancyCount: this.#discrepancies.count,
      discrepancies: this.#discrepancies.listed,
    };
  }

  /** Locates and replays the transactions in ledger order, passing their evidence to the sink. */
  async #replayTransactions(transactionIds: Iterable<string>): Promise<Replayed> {
    const { located, missing } = await locateTransactions(this.#ledger, transactionIds);
    this.#discrepancies.add(missing);
    const written = new WrittenState();
    const times = new Map<string, TransactionTime>();
    let evidence: TransactionEvidence[] = [];
    // Ledger order, so each shipment write is checked against the policy of the version before it.
    for (const { transactionId, blockNumber, index } of located) {
      // The copy the locator read, from the cache; or, once evicted, read again and fingerprinted.
      const block = await this.#ledger.blockByNumber(blockNumber);
      if (transactionIdAt(block, index) !== transactionId) {
        // Not the copy it was located in: the cache lists the block as BLOCK_CHANGED.
        continue;
      }
      if (this.#firstBlock === undefined || blockNumber < this.#firstBlock) {
        this.#firstBlock = blockNumber;
      }
      const replayed = await this.#replay.replay(block, index, written);
      this.#discrepancies.add(replayed.discrepancies);
      times.set(transactionId, {
        timestampMs: replayed.evidence.timestampMs,
        blockNumber: replayed.evidence.blockNumber,
      });
      if (replayed.transaction.validationCodeName === 'VALID') {
        written.add(blockNumber, replayed.transaction, this.#context.chaincode);
      }
      this.#transactions++;
      evidence.push(replayed.evidence);
      if (evidence.length >= evidenceBatch) {
        await this.#sink.transactions?.(evidence);
        evidence = [];
      }
    }
    if (evidence.length > 0) {
      await this.#sink.transactions?.(evidence);
    }
    return { written, times };
  }

  /** The history again, up to the last event the first pass saw, compared and reported. */
  async #history(
    shipmentId: string,
    lastSeq: number,
    { written, times }: Replayed,
  ): Promise<{ events: number; dispositions: ShipmentEvent[]; dispositionCount: number }> {
    let events = 0;
    let dispositionCount = 0;
    const dispositions: ShipmentEvent[] = [];
    for await (const page of historyPages(this.#context.submitter, shipmentId)) {
      const checked = page.filter(({ value }) => value.seq <= lastSeq);
      for (const { raw, value } of checked) {
        this.#discrepancies.add([
          ...compareValue(
            `shipment ${shipmentId} event ${value.seq}`,
            raw,
            eventKey(shipmentId, value.seq),
            written,
          ),
          ...compareHistoryTime(value, times),
        ]);
        if (value.type === 'DISPOSED') {
          dispositionCount++;
          if (dispositions.length < maxListedItems) {
            dispositions.push(value);
          }
        }
      }
      events += checked.length;
      await this.#sink.history?.(checked.map(({ value }) => value));
      if (checked.length < page.length) {
        break;
      }
    }
    return { events, dispositions, dispositionCount };
  }

  async #readings(
    shipment: Shipment,
    written: WrittenState,
  ): Promise<ShipmentProvenance['readings']> {
    const check = new ReadingsCheck(
      shipment.shipmentId,
      shipment.profile,
      written,
      this.#ledger,
      this.#context.chaincode,
    );
    const summary = new ReadingsSummaryBuilder();
    const report = async (checked: Awaited<ReturnType<ReadingsCheck['finish']>>) => {
      if (checked !== undefined) {
        this.#discrepancies.add(checked.discrepancies);
        summary.add(checked.day);
        await this.#sink.readingsDay?.(checked.day);
      }
    };
    for await (const page of readingPages(this.#context.submitter, shipment.shipmentId)) {
      for (const reading of page) {
        await report(await check.add(reading));
      }
    }
    await report(await check.finish());
    return summary.build();
  }

  async #alerts(shipmentId: string, written: WrittenState): Promise<AlertsSummary> {
    const tally = new AlertsTally();
    for await (const page of alertPages(this.#context.submitter, shipmentId)) {
      for (const { raw, value } of page) {
        this.#discrepancies.add(
          compareValue(`alert ${value.alertId}`, raw, alertKey(shipmentId, value.alertId), written),
        );
        tally.add(value);
      }
      await this.#sink.alerts?.(page.map(({ value }) => value));
    }
    return tally.build();
  }
}

class ProvenanceVerifierImpl implements ProvenanceVerifier {
  readonly #context: ProvenanceContext;
  readonly #options: Readonly<ProvenanceOptions>;

  constructor(context: ProvenanceContext, options: Readonly<ProvenanceOptions>) {
    this.#context = context;
    this.#options = options;
  }

  async verifyShipment(
    shipmentId: string,
    options: Readonly<VerifyOptions> = {},
  ): Promise<ProvenanceReport> {
    const run = new VerificationRun(this.#context, this.#options, options.sink ?? {});
    await run.shipment(shipmentId);
    return run.finish({ kind: 'shipment', id: shipmentId });
  }

  async verifyLot(lotId: string, options: Readonly<VerifyOptions> = {}): Promise<ProvenanceReport> {
    const run = new VerificationRun(this.#context, this.#options, options.sink ?? {});
    const lot = await run.lot(lotId);
    return run.finish({ kind: 'lot', id: lotId }, lot);
  }
}

export function newProvenanceVerifier(
  context: ProvenanceContext,
  options: Readonly<ProvenanceOptions> = {},
): ProvenanceVerifier {
  return new ProvenanceVerifierImpl(context, options);
}
