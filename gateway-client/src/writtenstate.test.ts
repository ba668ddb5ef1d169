import type { LedgerTransaction, StateWrite } from './ledgerblock';
import { WrittenState, compareWritten } from './writtenstate';

const chaincode = 'coldtrace';

function transaction(id: string, index: number, writes: readonly StateWrite[]): LedgerTransaction {
  return {
    index,
    transactionId: id,
    channelId: 'coldchain',
    type: 3,
    timestampMs: 0,
    validationCode: 0,
    validationCodeName: 'VALID',
    creatorMspId: 'PharmaMSP',
    actions: [
      {
        chaincodeName: chaincode,
        proposalResponsePayload: new Uint8Array(),
        endorsements: [],
        writes,
      },
    ],
  };
}

function write(key: string, value: unknown, namespace = chaincode): StateWrite {
  return { namespace, key, isDelete: false, value: Buffer.from(JSON.stringify(value)) };
}

describe('WrittenState', () => {
  it('keeps commit order whatever order transactions are added in', () => {
    const state = new WrittenState();
    state.add(5n, transaction('t3', 0, [write('k', { v: 3 })]), chaincode);
    state.add(2n, transaction('t2', 1, [write('k', { v: 2 })]), chaincode);
    state.add(2n, transaction('t1', 0, [write('k', { v: 1 })]), chaincode);
    state.add(7n, transaction('t4', 0, [write('k', { v: 4 })]), chaincode);
    expect(state.all().map((o) => o.transactionId)).toEqual(['t1', 't2', 't3', 't4']);
    expect(state.latestAt('k')?.transactionId).toBe('t4');
    expect(state.latest((v) => v.v === 2)?.transactionId).toBe('t2');
  });

  it('takes JSON objects of the chaincode only, not deletes, other namespaces or non-objects', () => {
    const state = new WrittenState();
    state.add(
      1n,
      transaction('t1', 0, [
        write('a', { ok: true }),
        write('b', { other: true }, 'lscc'),
        write('c', [1, 2]),
        { namespace: chaincode, key: 'd', isDelete: true, value: new Uint8Array() },
        { namespace: chaincode, key: 'e', isDelete: false, value: Buffer.from('not json') },
      ]),
      chaincode,
    );
    expect(state.all().map((o) => o.key)).toEqual(['a']);
    expect(state.writtenBy('t1')).toHaveLength(1);
  });

  it('adds 50 000 transactions without re-sorting what it holds (the old add was quadratic)', () => {
    const state = new WrittenState();
    const count = 50_000;
    // Counted, not timed: a timing bound would flake on a loaded machine.
    const sort = jest.spyOn(Array.prototype, 'sort');
    try {
      for (let n = 0; n < count; n++) {
        state.add(BigInt(n), transaction(`t${n}`, 0, [write(`k${n % 100}`, { n })]), chaincode);
      }
      expect(sort).not.toHaveBeenCalled();
    } finally {
      sort.mockRestore();
    }
    expect(state.all()).toHaveLength(count);
    expect(state.latestAt('k99')?.value).toEqual({ n: count - 1 });
  });
});

describe('compareWritten', () => {
  const state = new WrittenState();
  state.add(1n, transaction('t1', 0, [write('k', { b: 1, a: [1, { d: 2, c: 3 }] })]), chaincode);

  it('accepts an equal value whatever its key order', () => {
    expect(compareWritten('x', { a: [1, { c: 3, d: 2 }], b: 1 }, state.latestAt('k'))).toBe(
      undefined,
    );
  });

  it('names the transaction whose write differs, and a value never written', () => {
    expect(compareWritten('x', { a: [], b: 1 }, state.latestAt('k'))).toMatch(/written by t1/);
    expect(compareWritten('x', {}, undefined)).toMatch(/no write/);
  });
});
