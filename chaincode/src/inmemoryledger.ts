import { ColdChainContext } from './coldchaincontext';
import { ColdChainContract } from './coldchaincontract';
import type { ChaincodeStub, ClientIdentity } from './stub';

/**
 * Test double of the peer: a Map-backed subset of ChaincodeStub with Fabric's semantics where
 * they matter (reads see committed state only, a failed transaction writes nothing, one event
 * per transaction, key-level endorsement parameters), and a ClientIdentity with attributes.
 */
export class InMemoryLedger {
  readonly state = new Map<string, Uint8Array>();
  readonly validationParameters = new Map<string, Uint8Array>();
  readonly events: { txId: string; name: string; payload: string }[] = [];
  /** Per committed transaction: how many getState/putState calls it made. */
  readonly calls: { txId: string; fcn: string; reads: number; writes: number }[] = [];
  #txCounter = 0;
  timeMs = Date.UTC(2026, 10, 23, 12, 0, 0);

  async invoke(identity: TestIdentity, fcn: string, ...args: string[]): Promise<string> {
    this.#txCounter += 1;
    const stub = new InMemoryStub(
      this,
      `tx${String(this.#txCounter).padStart(6, '0')}`,
      this.timeMs,
      fcn,
      args,
    );
    const contract = new ColdChainContract();
    const ctx = contract.createContext();
    Object.assign(ctx, {
      stub: stub as unknown as ChaincodeStub,
      clientIdentity: identity.asClientIdentity(),
    });
    // The hooks fabric-contract-api's dispatch calls, so the contract's error boundary runs.
    if (typeof (contract as unknown as Record<string, unknown>)[fcn] !== 'function') {
      await contract.unknownTransaction(ctx);
    }
    await contract.beforeTransaction(ctx);
    const around = contract.aroundTransaction.bind(contract) as unknown as (
      c: ColdChainContext,
      fn: string,
      parameters: string[],
    ) => Promise<unknown>;
    const result = (await around(ctx, fcn, args)) as string;
    stub.commit();
    return result;
  }
}

interface KV {
  key: string;
  value: Uint8Array;
}

const maxRune = '\u{10ffff}';

class InMemoryStub {
  readonly #ledger: InMemoryLedger;
  readonly #txId: string;
  readonly #timeMs: number;
  readonly #fcn: string;
  readonly #args: string[];
  readonly #writes = new Map<string, Uint8Array | null>();
  readonly #parameters = new Map<string, Uint8Array>();
  #event: { name: string; payload: string } | undefined;
  #reads = 0;
  #writeCount = 0;

  constructor(ledger: InMemoryLedger, txId: string, timeMs: number, fcn: string, args: string[]) {
    this.#ledger = ledger;
    this.#txId = txId;
    this.#timeMs = timeMs;
    this.#fcn = fcn;
    this.#args = args;
  }

  getTxID(): string {
    return this.#txId;
  }

  getTxTimestamp(): { seconds: { toNumber(): number }; nanos: number } {
    const seconds = Math.floor(this.#timeMs / 1000);
    return {
      seconds: { toNumber: () => seconds, toString: () => String(seconds) } as unknown as {
        toNumber(): number;
      },
      nanos: (this.#timeMs % 1000) * 1_000_000,
    };
  }

  getFunctionAndParameters(): { fcn: string; params: string[] } {
    return { fcn: this.#fcn, params: this.#args };
  }

  getState(key: string): Promise<Uint8Array> {
    this.#reads += 1;
    return Promise.resolve(this.#ledger.state.get(key) ?? new Uint8Array());
  }

  putState(key: string, value: Uint8Array): Promise<void> {
    this.#writeCount += 1;
    this.#writes.set(key, value);
    return Promise.resolve();
  }

  deleteState(key: string): Promise<void> {
    this.#writeCount += 1;
    this.#writes.set(key, null);
    return Promise.resolve();
  }

  setEvent(name: string, payload: Uint8Array): void {
    // Fabric keeps only the last event a transaction sets.
    this.#event = { name, payload: Buffer.from(payload).toString('utf8') };
  }

  setStateValidationParameter(key: string, policy: Uint8Array): Promise<void> {
    this.#parameters.set(key, policy);
    return Promise.resolve();
  }

  getStateValidationParameter(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.#ledger.validationParameters.get(key) ?? new Uint8Array());
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
    if (this.#writeCount > 0) {
      throw new Error('pagination is only supported in read-only transactions');
    }
    const prefix = this.createCompositeKey(objectType, attributes);
    const entries = this.#range(prefix, bookmark === '' ? undefined : bookmark, pageSize + 1);
    const page = entries.slice(0, pageSize);
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

  // Committed state only: like a peer, a range query does not see this transaction's writes.
  #range(prefix: string, startKey: string | undefined, limit: number): KV[] {
    this.#reads += 1;
    const from = startKey ?? prefix;
    return [...this.#ledger.state.keys()]
      .filter((key) => key.startsWith(prefix) && key >= from)
      .sort()
      .slice(0, limit)
      .map((key) => ({ key, value: this.#ledger.state.get(key) ?? new Uint8Array() }));
  }

  commit(): void {
    for (const [key, value] of this.#writes) {
      if (value === null) {
        this.#ledger.state.delete(key);
      } else {
        this.#ledger.state.set(key, value);
      }
    }
    for (const [key, policy] of this.#parameters) {
      this.#ledger.validationParameters.set(key, policy);
    }
    if (this.#event !== undefined) {
      this.#ledger.events.push({ txId: this.#txId, ...this.#event });
    }
    this.#ledger.calls.push({
      txId: this.#txId,
      fcn: this.#fcn,
      reads: this.#reads,
      writes: this.#writeCount,
    });
  }
}

/** A caller: MSP ID, certificate id and attributes (`role`). */
export class TestIdentity {
  constructor(
    readonly mspId: string,
    readonly role: string | null,
    readonly name = role ?? 'anonymous',
  ) {}

  asClientIdentity(): ClientIdentity {
    return {
      getMSPID: () => this.mspId,
      getID: () => `x509::CN=${this.name},OU=client::CN=ca.${this.mspId.toLowerCase()}`,
      getAttributeValue: (attribute: string) => (attribute === 'role' ? this.role : null),
      assertAttributeValue: (attribute: string, value: string) =>
        attribute === 'role' && this.role === value,
      getIDBytes: () => new Uint8Array(),
      getX509Certificate: () => undefined,
    } as unknown as ClientIdentity;
  }
}
