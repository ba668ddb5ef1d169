import { type Contract, JSONSerializer } from 'fabric-contract-api';
import ChaincodeFromContract from 'fabric-shim/lib/contract-spi/chaincodefromcontract';
import { contracts as coldtraceContracts } from '../index';
import { testCertificate } from './testcertificate';

/**
 * Test double of a channel with two endorsing peers, a Map-backed world state and Fabric's
 * semantics where they matter:
 * - every call goes through fabric-contract-api's own router (`ChaincodeFromContract.Invoke`,
 *   as `fabric-chaincode-node` runs it): argument counts, unknown transactions, the
 *   `beforeTransaction`/`unknownTransaction` hooks, result serialisation, and a `ClientIdentity`
 *   parsed from an X.509 certificate;
 * - every transaction is endorsed twice, by two chaincode instances whose clocks differ, and
 *   fails with `EndorsementMismatchError` on any difference in result, read set, write set,
 *   key-level policies or event, as the gateway would refuse mismatched endorsements;
 * - reads see committed state only, a failed transaction writes nothing, a transaction keeps
 *   only its last event, and writing an empty value deletes the key (the peer's rule);
 * - paged queries (`...WithPagination`) follow the peer's rule both ways (no write after one,
 *   none after a write) and, more strictly than the peer, are allowed only in evaluated
 *   transactions, while an evaluated transaction may not write or set an event: a breach fails
 *   with `UnsupportedTransactionError` even if the chaincode caught the error.
 */
export class InMemoryLedger {
  readonly state = new Map<string, Uint8Array>();
  readonly validationParameters = new Map<string, Uint8Array>();
  readonly events: { txId: string; name: string; payload: string }[] = [];
  /**
   * Per transaction: how many state reads (gets and range queries) and writes it made, and how
   * many entries its range queries returned.
   */
  readonly calls: {
    txId: string;
    fcn: string;
    reads: number;
    writes: number;
    entries: number;
  }[] = [];
  timeMs = Date.UTC(2026, 10, 23, 12, 0, 0);
  readonly #peers: readonly [ChaincodeFromContract, ChaincodeFromContract];
  #txCounter = 0;

  constructor(options: Readonly<InMemoryLedgerOptions> = {}) {
    const classes = options.contracts ?? coldtraceContracts;
    this.#peers = [newChaincode(classes), newChaincode(classes)];
  }

  /** Submits or evaluates `fcn` as a Gateway client would: by its `@Transaction` tag. */
  async invoke(identity: TestIdentity, fcn: string, ...args: string[]): Promise<string> {
    return this.#run(this.modeOf(fcn), identity, fcn, args);
  }

  async submit(identity: TestIdentity, fcn: string, ...args: string[]): Promise<string> {
    return this.#run('submit', identity, fcn, args);
  }

  async evaluate(identity: TestIdentity, fcn: string, ...args: string[]): Promise<string> {
    return this.#run('evaluate', identity, fcn, args);
  }

  /** `evaluate` for transactions tagged `@Transaction(false)`, otherwise `submit`. */
  modeOf(fcn: string): InvocationMode {
    const [peer] = this.#peers;
    const separator = fcn.lastIndexOf(':');
    const contract = separator < 0 ? peer.defaultContractName : fcn.slice(0, separator);
    const name = fcn.slice(separator + 1);
    const descriptor = peer.metadata.contracts[contract]?.transactions.find(
      (transaction) => transaction.name === name,
    );
    return descriptor?.tag?.includes('EVALUATE') === true ? 'evaluate' : 'submit';
  }

  async #run(
    mode: InvocationMode,
    identity: TestIdentity,
    fcn: string,
    args: readonly string[],
  ): Promise<string> {
    this.#txCounter += 1;
    const proposal: Proposal = {
      txId: `tx${String(this.#txCounter).padStart(6, '0')}`,
      timeMs: this.timeMs,
      mode,
      fcn,
      args,
      creator: identity.creator(),
    };
    const [peerA, peerB] = this.#peers;
    const first = await endorse(peerA, new InMemoryStub(this, proposal));
    // Peer B's wall clock is an hour ahead: code that reads it, not the transaction time, differs.
    const second = await onSkewedClock(3_600_000, () =>
      endorse(peerB, new InMemoryStub(this, proposal)),
    );
    compareEndorsements(proposal, first, second);
    if (first.violation !== null) {
      throw new UnsupportedTransactionError(first.violation);
    }
    if (first.status !== 200) {
      throw new Error(first.message);
    }
    this.#commit(proposal, first);
    return first.payload;
  }

  #commit(proposal: Proposal, endorsement: Endorsement): void {
    for (const [key, value] of endorsement.writes) {
      if (value === null) {
        this.state.delete(key);
      } else {
        this.state.set(key, Buffer.from(value, 'base64'));
      }
    }
    for (const [key, policy] of endorsement.parameters) {
      this.validationParameters.set(key, Buffer.from(policy, 'base64'));
    }
    if (endorsement.event !== null) {
      this.events.push({ txId: proposal.txId, ...endorsement.event });
    }
    this.calls.push({ txId: proposal.txId, fcn: proposal.fcn, ...endorsement.counts });
  }
}

export type InvocationMode = 'submit' | 'evaluate';

export interface InMemoryLedgerOptions {
  /** The chaincode's contracts, as its `index.ts` exports them; coldtrace's by default. */
  readonly contracts?: readonly (new () => Contract)[];
}

/** The two endorsements of one transaction differ: the chaincode is not deterministic. */
export class EndorsementMismatchError extends Error {
  override readonly name = 'EndorsementMismatchError';
}

/** The transaction did what a peer refuses (or, for queries, silently discards). */
export class UnsupportedTransactionError extends Error {
  override readonly name = 'UnsupportedTransactionError';
}

interface Proposal {
  readonly txId: string;
  readonly timeMs: number;
  readonly mode: InvocationMode;
  readonly fcn: string;
  readonly args: readonly string[];
  readonly creator: { readonly mspid: string; readonly idBytes: Uint8Array };
}

/** What a peer returns for a proposal, in a form two endorsements can be compared in. */
interface Endorsement {
  readonly status: number;
  readonly message: string;
  readonly payload: string;
  readonly reads: readonly string[];
  readonly rangeQueries: readonly string[];
  readonly writes: readonly (readonly [string, string | null])[];
  readonly parameters: readonly (readonly [string, string])[];
  readonly event: { readonly name: string; readonly payload: string } | null;
  readonly violation: string | null;
  readonly counts: { readonly reads: number; readonly writes: number; readonly entries: number };
}

function newChaincode(classes: readonly (new () => Contract)[]): ChaincodeFromContract {
  // The serialisation fabric-chaincode-node's bootstrap sets up when the chaincode names none.
  return new ChaincodeFromContract([...classes], {
    transaction: 'jsonSerializer',
    serializers: { jsonSerializer: JSONSerializer },
  });
}

async function endorse(chaincode: ChaincodeFromContract, stub: InMemoryStub): Promise<Endorsement> {
  const response = await chaincode.Invoke(stub);
  return stub.endorsement(response);
}

function compareEndorsements(proposal: Proposal, first: Endorsement, second: Endorsement): void {
  const differences = (Object.keys(first) as (keyof Endorsement)[]).filter(
    (part) => JSON.stringify(first[part]) !== JSON.stringify(second[part]),
  );
  if (differences.length > 0) {
    const shown = differences
      .map(
        (part) =>
          `${part}:\n  peer A ${JSON.stringify(first[part]).slice(0, 400)}\n  peer B ${JSON.stringify(second[part]).slice(0, 400)}`,
      )
      .join('\n');
    throw new EndorsementMismatchError(
      `${proposal.fcn} (${proposal.txId}): the endorsements differ in ${differences.join(', ')}\n${shown}`,
    );
  }
}

/** Runs `action` with `Date` (`new Date()`, `Date()`, `Date.now()`) `skewMs` ahead. */
async function onSkewedClock<T>(skewMs: number, action: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const now = () => RealDate.now() + skewMs;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) =>
      property === 'now' ? now : (Reflect.get(target, property, receiver) as unknown),
  });
  try {
    return await action();
  } finally {
    globalThis.Date = RealDate;
  }
}

interface KV {
  key: string;
  value: Uint8Array;
}

const maxRune = '\u{10ffff}';

/** One peer's simulation of one transaction: the subset of ChaincodeStub coldtrace uses. */
class InMemoryStub {
  readonly #ledger: InMemoryLedger;
  readonly #proposal: Proposal;
  readonly #reads = new Set<string>();
  readonly #rangeQueries: string[] = [];
  readonly #writes = new Map<string, Uint8Array | null>();
  readonly #parameters = new Map<string, Uint8Array>();
  #event: { name: string; payload: string } | null = null;
  #violation: string | null = null;
  #pagedQueries = 0;
  #readCount = 0;
  #writeCount = 0;
  #entryCount = 0;

  constructor(ledger: InMemoryLedger, proposal: Proposal) {
    this.#ledger = ledger;
    this.#proposal = proposal;
  }

  getTxID(): string {
    return this.#proposal.txId;
  }

  getChannelID(): string {
    return 'coldchain';
  }

  getCreator(): { mspid: string; idBytes: Uint8Array } {
    return this.#proposal.creator;
  }

  getBufferArgs(): Buffer[] {
    return [this.#proposal.fcn, ...this.#proposal.args].map((arg) => Buffer.from(arg, 'utf8'));
  }

  getTxTimestamp(): { seconds: { toNumber(): number }; nanos: number } {
    const timeMs = this.#proposal.timeMs;
    const seconds = Math.floor(timeMs / 1000);
    return {
      seconds: { toNumber: () => seconds, toString: () => String(seconds) } as unknown as {
        toNumber(): number;
      },
      nanos: (timeMs % 1000) * 1_000_000,
    };
  }

  getFunctionAndParameters(): { fcn: string; params: string[] } {
    return { fcn: this.#proposal.fcn, params: [...this.#proposal.args] };
  }

  getState(key: string): Promise<Uint8Array> {
    this.#readCount += 1;
    this.#reads.add(key);
    // A copy, as the shim returns: the chaincode cannot change the committed state in place.
    return Promise.resolve(Buffer.from(this.#ledger.state.get(key) ?? new Uint8Array()));
  }

  putState(key: string, value: Uint8Array): Promise<void> {
    this.#beforeWrite('putState');
    // The peer records an empty value as a delete.
    this.#writes.set(key, value.length === 0 ? null : Buffer.from(value));
    return Promise.resolve();
  }

  deleteState(key: string): Promise<void> {
    this.#beforeWrite('deleteState');
    this.#writes.set(key, null);
    return Promise.resolve();
  }

  setEvent(name: string, payload: Uint8Array): void {
    if (name === '') {
      // fabric-shim's own check.
      throw new Error('Event name must be a non-empty string');
    }
    if (this.#proposal.mode === 'evaluate') {
      this.#violate('an evaluated transaction set an event, which is never emitted');
    }
    // Fabric keeps only the last event a transaction sets.
    this.#event = { name, payload: Buffer.from(payload).toString('utf8') };
  }

  setStateValidationParameter(key: string, policy: Uint8Array): Promise<void> {
    // The peer treats a key-level policy as a write (SetStateMetadata).
    this.#beforeWrite('setStateValidationParameter');
    this.#parameters.set(key, Buffer.from(policy));
    return Promise.resolve();
  }

  getStateValidationParameter(key: string): Promise<Uint8Array> {
    this.#reads.add(`metadata:${key}`);
    return Promise.resolve(
      Buffer.from(this.#ledger.validationParameters.get(key) ?? new Uint8Array()),
    );
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    for (const part of [objectType, ...attributes]) {
      if (part.includes('\u0000') || part.includes(maxRune)) {
        throw new Error('composite key part holds U+0000 or U+10FFFF');
      }
    }
    return `\u0000${objectType}\u0000${attributes.map((a) => `${a}\u0000`).join('')}`;
  }

  splitCompositeKey(key: string): { objectType: string; attributes: string[] } {
    const parts = key.slice(1, -1).split('\u0000');
    return { objectType: parts[0] ?? '', attributes: parts.slice(1) };
  }

  getStateByPartialCompositeKey(objectType: string, attributes: string[]): AsyncIterable<KV> {
    const entries = this.#range(
      this.createCompositeKey(objectType, attributes),
      undefined,
      Infinity,
    );
    this.#entryCount += entries.length;
    return {
      [Symbol.asyncIterator]: async function* () {
        yield* entries;
        await Promise.resolve();
      },
    };
  }

  getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark: string,
  ): Promise<{
    iterator: { next(): Promise<{ done: boolean; value: KV }>; close(): Promise<void> };
    metadata: { bookmark: string };
  }> {
    this.#beforePagedQuery();
    const prefix = this.createCompositeKey(objectType, attributes);
    const entries = this.#range(prefix, bookmark === '' ? undefined : bookmark, pageSize + 1);
    const page = entries.slice(0, pageSize);
    this.#entryCount += page.length;
    let index = 0;
    return Promise.resolve({
      iterator: {
        next: () => {
          const value = page[index];
          index += 1;
          return Promise.resolve(
            value === undefined
              ? { done: true, value: { key: '', value: new Uint8Array() } }
              : { done: false, value },
          );
        },
        close: () => Promise.resolve(),
      },
      metadata: { bookmark: entries[pageSize]?.key ?? '' },
    });
  }

  /** What this peer endorses: the response and the simulation's read and write sets. */
  endorsement(response: { status: number; message?: string; payload?: Uint8Array }): Endorsement {
    const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    return {
      status: response.status,
      message: response.message ?? '',
      payload: Buffer.from(response.payload ?? new Uint8Array()).toString('utf8'),
      reads: [...this.#reads].sort(),
      rangeQueries: this.#rangeQueries,
      writes: [...this.#writes]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, value]) => [key, value === null ? null : base64(value)] as const),
      parameters: [...this.#parameters]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, policy]) => [key, base64(policy)] as const),
      event: this.#event,
      violation: this.#violation,
      counts: { reads: this.#readCount, writes: this.#writeCount, entries: this.#entryCount },
    };
  }

  #beforeWrite(call: string): void {
    if (this.#pagedQueries > 0) {
      this.#violate('Transaction has already performed a paginated query. Writes are not allowed');
    }
    if (this.#proposal.mode === 'evaluate') {
      this.#violate(`an evaluated transaction called ${call}; the peer discards its writes`);
    }
    this.#writeCount += 1;
  }

  #beforePagedQuery(): void {
    if (this.#writeCount > 0) {
      this.#violate('Paginated queries are supported only in a read-only transaction');
    }
    if (this.#proposal.mode === 'submit') {
      this.#violate('a submitted transaction used a paginated query; page only in queries');
    }
    this.#pagedQueries += 1;
  }

  #violate(rule: string): never {
    const message = `txid [${this.#proposal.txId}]: unsupported transaction. ${rule}`;
    this.#violation ??= message;
    throw new Error(message);
  }

  // Committed state only: like a peer, a range query does not see this transaction's writes.
  #range(prefix: string, startKey: string | undefined, limit: number): KV[] {
    this.#readCount += 1;
    this.#rangeQueries.push(`${JSON.stringify(prefix)} from ${JSON.stringify(startKey)} ${limit}`);
    const from = startKey ?? prefix;
    return [...this.#ledger.state.keys()]
      .filter((key) => key.startsWith(prefix) && key >= from)
      .sort()
      .slice(0, limit)
      .map((key) => ({ key, value: Buffer.from(this.#ledger.state.get(key) ?? new Uint8Array()) }));
  }
}

/** A caller: MSP ID, common name and the Fabric CA attribute `role`, in an X.509 certificate. */
export class TestIdentity {
  #creator: { mspid: string; idBytes: Uint8Array } | undefined;

  constructor(
    readonly mspId: string,
    readonly role: string | null,
    readonly name = role ?? 'anonymous',
  ) {}

  /** The serialized identity a peer takes from the signed proposal. */
  creator(): { mspid: string; idBytes: Uint8Array } {
    this.#creator ??= {
      mspid: this.mspId,
      idBytes: Buffer.from(
        testCertificate({
          mspId: this.mspId,
          commonName: this.name,
          attributes: {
            'hf.EnrollmentID': this.name,
            'hf.Type': 'client',
            ...(this.role === null ? {} : { role: this.role }),
          },
        }),
        'utf8',
      ),
    };
    return this.#creator;
  }
}
