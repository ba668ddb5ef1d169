import type { LedgerTransaction, StateWrite } from './ledgerblock';
import { compositeKey, stateKeys } from '@coldtrace/protocol';
import { shipmentKey } from './statekey';
import { WrittenState, compareWritten, jsonDigest } from './writtenstate';

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
  it('digests a day of readings on its rows only: its conflict evidence is not reported by queries', () => {
    const key = compositeKey(stateKeys.readings('SHP-1', 'S1', 20_000));
    const rows = [[1_728_000_000_000, 5000, null, null, null]];
    const conflicts = [[1_728_000_000_000, 5300, null, null, null]];
    const state = new WrittenState();
    state.add(3n, transaction('t1', 0, [write(key, { rows, conflicts })]), chaincode);
    expect(state.latestAt(key)?.digest).toBe(jsonDigest({ rows }));
    state.add(4n, transaction('t2', 0, [write('other', { rows, conflicts })]), chaincode);
    expect(state.latestAt('other')?.digest).toBe(jsonDigest({ rows, conflicts }));
  });

  it('keeps the last write in commit order whatever order transactions are added in', () => {
    const state = new WrittenState();
    state.add(5n, transaction('t3', 0, [write('k', { v: 3 })]), chaincode);
    state.add(7n, transaction('t4', 0, [write('k', { v: 4 })]), chaincode);
    state.add(2n, transaction('t2', 1, [write('k', { v: 2 })]), chaincode);
    expect(state.latestAt('k')).toMatchObject({
      transactionId: 't4',
      blockNumber: 7n,
      digest: jsonDigest({ v: 4 }),
    });
  });

  it('keeps the key-level policy of the last shipment value written', () => {
    const state = new WrittenState();
    const key = shipmentKey('SHP-1');
    state.add(1n, transaction('t1', 0, [write(key, { endorsingMspIds: ['A', 'B'] })]), chaincode);
    state.add(
      2n,
      transaction('t2', 0, [write(key, { endorsingMspIds: ['B', 'C', 7] })]),
      chaincode,
    );
    expect(state.endorsingMspIdsAt(key)).toEqual(['B', 'C']);
    expect(state.endorsingMspIdsAt(shipmentKey('SHP-2'))).toBeUndefined();
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
    expect(['a', 'b', 'c', 'd', 'e'].filter((k) => state.latestAt(k) !== undefined)).toEqual(['a']);
    expect(state.size).toBe(1);
  });

  it('grows with the keys written, not with the writes: 50 000 rewrites of 100 keys', () => {
    const state = new WrittenState();
    for (let n = 0; n < 50_000; n++) {
      state.add(BigInt(n), transaction(`t${n}`, 0, [write(`k${n % 100}`, { n })]), chaincode);
    }
    expect(state.size).toBe(100);
    expect(state.latestAt('k99')).toMatchObject({ transactionId: 't49999' });
    expect(state.latestAt('k99')?.digest).toBe(jsonDigest({ n: 49_999 }));
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
