import {
  tryParseJson,
  type ExcursionAlert,
  readExcursionAlert,
  JsonReader,
  type Lot,
  readLot,
  parsePage,
  type SensorReading,
  readSensorReading,
  type Shipment,
  readShipment,
  type ShipmentEvent,
  readShipmentEvent,
  readLotHistoryPage,
} from '@coldtrace/protocol';
import { blockHeaderHash } from './blockhash';
import { applicationOrganisations } from './channelconfig';
import { type EndorsementCheck, checkEndorsement } from './endorsementcheck';
import { checkHashChain } from './hashchain';
import {
  type ChaincodeActionRecord,
  type LedgerBlock,
  type LedgerTransaction,
  decodeTransaction,
  transactionIndex,
} from './ledgerblock';
import type { LedgerReader } from './ledgerreader';
import type { OrganisationCertificates } from './organisationcertificates';
import { allPages } from './page';
import type {
  Discrepancy,
  ProvenanceReport,
  ReadingsSummary,
  ShipmentProvenance,
  TransactionEvidence,
} from './provenancereport';
import type { TransactionSubmitter } from './transactionsubmitter';
import { WrittenState, compareWritten } from './writtenstate';

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
 * failed queries; everything found wrong on the ledger is reported as a discrepancy, not thrown.
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

interface ShipmentFacts {
  readonly raw: unknown;
  readonly shipment: Shipment;
  readonly history: ShipmentEvent[];
  readonly readings: SensorReading[];
  readonly rawAlerts: unknown[];
  readonly alerts: ExcursionAlert[];
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) {
    result.push(item);
  }
  return result;
}

function summariseReadings(
  readings: readonly SensorReading[],
  shipment: Shipment,
  matchedOnLedger: number,
): ReadingsSummary {
  const values = readings.map((r) => r.milliC);
  const times = readings.map((r) => r.timestampMs);
  const { minMilliC, maxMilliC } = shipment.profile.range;
  return {
    count: readings.length,
    sensors: [...new Set(readings.map((r) => r.sensorId))].sort(),
    ...(readings.length > 0
      ? {
          firstMs: Math.min(...times),
          lastMs: Math.max(...times),
          minMilliC: Math.min(...values),
          maxMilliC: Math.max(...values),
        }
      : {}),
    outOfRange: values.filter((v) => v < minMilliC || v > maxMilliC).length,
    matchedOnLedger,
  };
}

class Verification {
  readonly #context: ProvenanceContext;
  readonly #options: Readonly<ProvenanceOptions>;
  readonly discrepancies: Discrepancy[] = [];
  readonly evidence = new Map<string, TransactionEvidence>();
  readonly written = new WrittenState();
  readonly #blocks = new Map<bigint, LedgerBlock>();
  readonly #configs = new Map<bigint, Map<string, OrganisationCertificates>>();
  #required = 0;

  constructor(context: ProvenanceContext, options: Readonly<ProvenanceOptions>) {
    this.#context = context;
    this.#options = options;
  }

  get required(): number {
    return this.#required;
  }

  async shipmentFacts(shipmentId: string): Promise<ShipmentFacts> {
    const { submitter } = this.#context;
    const rawShipment = JsonReader.fromBytes(
      await submitter.evaluate('GetShipment', [shipmentId]),
      'Shipment',
    );
    const history = await collect(
      allPages(async (bookmark) =>
        parsePage(
          await submitter.evaluate('GetShipmentHistory', [shipmentId, '1000', bookmark]),
          'Page<ShipmentEvent>',
          readShipmentEvent,
        ),
      ),
    );
    const readings = await collect(
      allPages(async (bookmark) =>
        parsePage(
          await submitter.evaluate('GetReadings', [
            shipmentId,
            '0',
            String(Number.MAX_SAFE_INTEGER),
            '1000',
            bookmark,
          ]),
          'Page<SensorReading>',
          readSensorReading,
        ),
      ),
    );
    const alertsJson = JsonReader.fromBytes(
      await submitter.evaluate('GetAlertsByShipment', [shipmentId]),
      'ExcursionAlert[]',
    );
    return {
      raw: rawShipment.raw,
      shipment: readShipment(rawShipment),
      history,
      readings,
      rawAlerts: alertsJson.asArray((a) => a.raw),
      alerts: alertsJson.asArray(readExcursionAlert),
    };
  }

  async #block(number: bigint): Promise<LedgerBlock> {
    const cached = this.#blocks.get(number);
    if (cached !== undefined) {
      return cached;
    }
    const block = await this.#context.ledger.blockByNumber(number);
    this.#blocks.set(number, block);
    return block;
  }

  async #organisations(block: LedgerBlock): Promise<Map<string, OrganisationCertificates>> {
    const configNumber = block.lastConfigBlock ?? 0n;
    let organisations = this.#configs.get(configNumber);
    if (organisations === undefined) {
      organisations = applicationOrganisations(await this.#block(configNumber));
      this.#configs.set(configNumber, organisations);
    }
    this.#required =
      this.#options.requiredEndorsingOrganisations ?? Math.floor(organisations.size / 2) + 1;
    return organisations;
  }

  /** Finds a transaction in the ledger; records a discrepancy and returns undefined if absent. */
  async locate(transactionId: string): Promise<{ block: LedgerBlock; index: number } | undefined> {
    let located: LedgerBlock;
    try {
      located = await this.#context.ledger.blockByTransactionId(transactionId);
    } catch {
      this.discrepancies.push({
        kind: 'TRANSACTION_MISSING',
        transactionId,
        message: `transaction ${transactionId} is not on the ledger of this peer`,
      });
      return undefined;
    }
    // Use the block as fetched by number, so the hash-chain walk covers the very bytes checked.
    const block = await this.#block(located.number);
    const index = transactionIndex(block, transactionId);
    if (index < 0) {
      this.discrepancies.push({
        kind: 'TRANSACTION_MISSING',
        transactionId,
        blockNumber: Number(block.number),
        message: `transaction ${transactionId} is not in block ${block.number}`,
      });
      return undefined;
    }
    return { block, index };
  }

  /** Decodes and checks one located transaction; call in ledger order. */
  async check(block: LedgerBlock, index: number): Promise<void> {
    const transaction = decodeTransaction(block, index);
    const { transactionId } = transaction;
    const blockNumber = Number(block.number);
    const organisations = await this.#organisations(block);
    const actions = transaction.actions.filter((a) => a.chaincodeName === this.#context.chaincode);
    const checks = actions.flatMap((action) =>
      action.endorsements.map((e) =>
        checkEndorsement(action.proposalResponsePayload, e, organisations),
      ),
    );
    this.evidence.set(transactionId, evidenceOf(transaction, blockNumber, checks, actions));
    if (transaction.validationCodeName !== 'VALID') {
      this.discrepancies.push({
        kind: 'NOT_VALID',
        transactionId,
        blockNumber,
        message: `transaction ${transactionId} committed as ${transaction.validationCodeName}`,
      });
      return;
    }
    for (const check of checks.filter((c) => c.problem !== undefined)) {
      this.discrepancies.push({
        kind: 'ENDORSEMENT_INVALID',
        transactionId,
        blockNumber,
        message: `${check.mspId}: ${check.problem ?? ''}`,
      });
    }
    const endorsingOrgs = new Set(
      checks.filter((c) => c.problem === undefined).map((c) => c.mspId),
    );
    const missing = this.#missingEndorsers(transaction, endorsingOrgs);
    if (actions.length === 0 || endorsingOrgs.size < this.#required || missing.length > 0) {
      this.discrepancies.push({
        kind: 'ENDORSEMENT_POLICY',
        transactionId,
        blockNumber,
        message: `transaction ${transactionId} has valid endorsements from ${[...endorsingOrgs].join(', ') || 'no organisation'}; needs ${this.#required} organisation(s)${missing.length > 0 ? ` including ${missing.join(', ')} (shipment key-level policy)` : ''}`,
      });
    }
    this.written.add(block.number, transaction, this.#context.chaincode);
  }

  /**
   * Organisations the key-level policy of each shipment this transaction writes requires: the
   * `endorsingMspIds` of the shipment's previous version, which is what the committing peers
   * validated against.
   */
  #missingEndorsers(transaction: LedgerTransaction, endorsingOrgs: ReadonlySet<string>): string[] {
    const required = new Set<string>();
    for (const action of transaction.actions) {
      for (const write of action.writes) {
        const value = shipmentIdOfWrite(write.value);
        const previous =
          value !== undefined ? this.written.latest((v) => isShipmentValue(v, value)) : undefined;
        const ids = previous?.value.endorsingMspIds;
        if (Array.isArray(ids)) {
          ids
            .filter((id): id is string => typeof id === 'string')
            .forEach((id) => required.add(id));
        }
      }
    }
    return [...required].filter((id) => !endorsingOrgs.has(id)).sort();
  }

  checkHistoryTimes(history: readonly ShipmentEvent[]): void {
    for (const event of history) {
      const evidence = this.evidence.get(event.txId);
      if (evidence !== undefined && evidence.timestampMs !== event.timestampMs) {
        this.discrepancies.push({
          kind: 'TIMESTAMP_MISMATCH',
          transactionId: event.txId,
          blockNumber: evidence.blockNumber,
          message: `history reports ${event.type} at ${event.timestampMs}, transaction timestamp is ${evidence.timestampMs}`,
        });
      }
    }
  }

  checkValue(
    what: string,
    reported: unknown,
    matches: (value: Record<string, unknown>) => boolean,
  ): void {
    const problem = compareWritten(what, reported, this.written.latest(matches));
    if (problem !== undefined) {
      this.discrepancies.push({ kind: 'VALUE_MISMATCH', message: problem });
    }
  }

  /**
   * Stored temperatures by shipment, sensor and time, from the chaincode's reading buckets as the
   * verified transactions last wrote them. The bucket layout (`readings` key prefix, `rows` of
   * [timestampMs, milliC, ...]) is the chaincode's storage format observed on the ledger, not part
   * of docs/chaincode-api.md; readings it does not cover are counted as unmatched, not flagged.
   */
  #storedReadings(): Map<string, number> {
    const latestByKey = new Map<string, Record<string, unknown>>();
    for (const object of this.written.all()) {
      if (object.key.startsWith('\u0000readings\u0000') && Array.isArray(object.value.rows)) {
        latestByKey.set(object.key, object.value);
      }
    }
    const stored = new Map<string, number>();
    for (const [key, value] of latestByKey) {
      const [, , shipmentId, sensorId] = key.split('\u0000');
      for (const row of value.rows as unknown[]) {
        if (Array.isArray(row) && typeof row[0] === 'number' && typeof row[1] === 'number') {
          stored.set(`${shipmentId ?? ''}\u0000${sensorId ?? ''}\u0000${row[0]}`, row[1]);
        }
      }
    }
    return stored;
  }

  /** Compares readings with the values the verified transactions wrote; returns matches. */
  checkReadings(readings: readonly SensorReading[]): number {
    const stored = this.#storedReadings();
    let matched = 0;
    for (const reading of readings) {
      const milliC = stored.get(
        `${reading.shipmentId}\u0000${reading.sensorId}\u0000${reading.timestampMs}`,
      );
      if (milliC === undefined) {
        continue;
      }
      if (milliC === reading.milliC) {
        matched++;
      } else {
        this.discrepancies.push({
          kind: 'VALUE_MISMATCH',
          message: `reading ${reading.sensorId}@${reading.timestampMs}: query reports ${reading.milliC}, ledger has ${milliC}`,
        });
      }
    }
    return matched;
  }

  /** Walks every block from the earliest one involved to the tip, checking the hash chain. */
  async checkChain(firstBlock: bigint): Promise<ProvenanceReport['ledger']> {
    const info = await this.#context.ledger.chainInfo();
    const maxBlocks = BigInt(this.#options.maxBlocks ?? 10_000);
    const start = info.height - firstBlock > maxBlocks ? info.height - maxBlocks : firstBlock;
    const blocks: LedgerBlock[] = [];
    for (let n = start; n < info.height; n++) {
      blocks.push(await this.#block(n));
    }
    for (const broken of checkHashChain(blocks, info.currentBlockHash)) {
      this.discrepancies.push({
        kind: broken.kind,
        blockNumber: broken.blockNumber,
        message: broken.message,
      });
    }
    const tip = blocks.at(-1);
    return {
      height: Number(info.height),
      tipHash: tip !== undefined ? blockHeaderHash(tip).toString('hex') : '',
      firstBlockChecked: Number(start),
      blocksChecked: blocks.length,
    };
  }
}

/** Every transaction the shipment's state and history point at. */
function isShipmentValue(value: Record<string, unknown>, shipmentId: string): boolean {
  return value.shipmentId === shipmentId && 'handovers' in value && 'endorsingMspIds' in value;
}

function shipmentIdOfWrite(bytes: Uint8Array): string | undefined {
  const value = tryParseJson(bytes);
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const record = value as Record<string, unknown>;
  return typeof record.shipmentId === 'string' && isShipmentValue(record, record.shipmentId)
    ? record.shipmentId
    : undefined;
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

function shipmentTransactionIds(facts: ShipmentFacts): string[] {
  const { shipment } = facts;
  const handovers = [
    ...shipment.handovers,
    ...(shipment.pendingHandover ? [shipment.pendingHandover] : []),
  ];
  return [
    ...facts.history.map((e) => e.txId),
    ...handovers.flatMap((h) => [
      h.offeredTxId,
      ...(h.acceptedTxId !== null ? [h.acceptedTxId] : []),
    ]),
    ...facts.alerts.flatMap((a) => [
      a.raisedTxId,
      a.updatedTxId,
      ...(a.acknowledgement ? [a.acknowledgement.txId] : []),
    ]),
    ...(shipment.disposition ? [shipment.disposition.txId] : []),
  ];
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
    readings: summariseReadings(facts.readings, shipment, matchedReadings),
    excursions: facts.alerts,
    acknowledgements: facts.alerts.filter((a) => a.acknowledgement !== null),
    dispositions: facts.history.filter((e) => e.type === 'DISPOSED'),
    ...(shipment.disposition ? { disposition: shipment.disposition } : {}),
  };
}

class ProvenanceVerifierImpl implements ProvenanceVerifier {
  readonly #context: ProvenanceContext;
  readonly #options: Readonly<ProvenanceOptions>;

  constructor(context: ProvenanceContext, options: Readonly<ProvenanceOptions>) {
    this.#context = context;
    this.#options = options;
  }

  async verifyShipment(shipmentId: string): Promise<ProvenanceReport> {
    const verification = new Verification(this.#context, this.#options);
    const facts = await verification.shipmentFacts(shipmentId);
    return this.#verify(verification, { kind: 'shipment', id: shipmentId }, [facts], [], undefined);
  }

  async verifyLot(lotId: string): Promise<ProvenanceReport> {
    const verification = new Verification(this.#context, this.#options);
    const { submitter } = this.#context;
    const rawLot = JsonReader.fromBytes(await submitter.evaluate('GetLot', [lotId]), 'Lot');
    const history = await collect(
      allPages(async (bookmark) =>
        readLotHistoryPage(
          JsonReader.fromBytes(
            await submitter.evaluate('GetLotHistory', [lotId, '1000', bookmark]),
            'LotHistoryPage',
          ),
        ),
      ),
    );
    const shipmentIds = [...new Set(history.map((e) => e.shipmentId))];
    const facts: ShipmentFacts[] = [];
    for (const shipmentId of shipmentIds) {
      facts.push(await verification.shipmentFacts(shipmentId));
    }
    const lot = { raw: rawLot.raw, lot: readLot(rawLot) };
    const lotTransactions = [lot.lot.txId, ...history.map((e) => e.txId)];
    return this.#verify(verification, { kind: 'lot', id: lotId }, facts, lotTransactions, lot);
  }

  async #verify(
    verification: Verification,
    subject: ProvenanceReport['subject'],
    shipments: readonly ShipmentFacts[],
    extraTransactionIds: readonly string[],
    lot: { raw: unknown; lot: Lot } | undefined,
  ): Promise<ProvenanceReport> {
    const transactionIds = [
      ...new Set([...extraTransactionIds, ...shipments.flatMap(shipmentTransactionIds)]),
    ];
    const located: { block: LedgerBlock; index: number }[] = [];
    for (const transactionId of transactionIds) {
      const found = await verification.locate(transactionId);
      if (found !== undefined) {
        located.push(found);
      }
    }
    // Ledger order, so each shipment write is checked against the policy of the version before it.
    located.sort((a, b) =>
      a.block.number === b.block.number
        ? a.index - b.index
        : a.block.number < b.block.number
          ? -1
          : 1,
    );
    for (const { block, index } of located) {
      await verification.check(block, index);
    }
    const firstBlock = located[0]?.block.number;
    const matchedReadings: number[] = [];
    for (const facts of shipments) {
      const id = facts.shipment.shipmentId;
      verification.checkHistoryTimes(facts.history);
      verification.checkValue(`shipment ${id}`, facts.raw, (v) => isShipmentValue(v, id));
      facts.rawAlerts.forEach((raw, i) => {
        const alertId = facts.alerts[i]?.alertId;
        verification.checkValue(`alert ${alertId ?? String(i)}`, raw, (v) => v.alertId === alertId);
      });
      matchedReadings.push(verification.checkReadings(facts.readings));
    }
    if (lot !== undefined) {
      verification.checkValue(
        `lot ${lot.lot.lotId}`,
        lot.raw,
        (v) => v.lotId === lot.lot.lotId && 'gtin' in v && !('shipmentId' in v),
      );
    }
    const ledger = await verification.checkChain(firstBlock ?? 0n);
    const { channel, chaincode, mspId } = this.#context;
    return {
      schema: 'coldtrace.provenance/v1',
      subject,
      verdict: verification.discrepancies.length === 0 ? 'VERIFIED' : 'DISCREPANCIES',
      generatedAtMs: (this.#options.now ?? Date.now)(),
      channel,
      chaincode,
      verifiedOnMspId: mspId,
      ledger,
      requiredEndorsingOrganisations: verification.required,
      ...(lot !== undefined ? { lot: lot.lot } : {}),
      shipments: shipments.map((facts, i) => provenanceOf(facts, matchedReadings[i] ?? 0)),
      transactions: [...verification.evidence.values()].sort(
        (a, b) => a.blockNumber - b.blockNumber || a.index - b.index,
      ),
      discrepancies: verification.discrepancies,
    };
  }
}

export function newProvenanceVerifier(
  context: ProvenanceContext,
  options: Readonly<ProvenanceOptions> = {},
): ProvenanceVerifier {
  return new ProvenanceVerifierImpl(context, options);
}
