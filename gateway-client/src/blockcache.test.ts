import { newBlockCache } from './blockcache';
import type { LedgerBlock } from './ledgerblock';
import type { LedgerReader } from './ledgerreader';
import { manifest, newRecordedLedger, readingsBlockNumber } from './testing/recordedledger';

const numbers = manifest.blocks.map(BigInt);

/** The recorded ledger, counting reads by number; `serve` may swap the block served. */
function countingLedger(serve?: (block: LedgerBlock, read: number) => Promise<LedgerBlock>): {
  ledger: LedgerReader;
  reads: bigint[];
} {
  const recorded = newRecordedLedger();
  const reads: bigint[] = [];
  return {
    reads,
    ledger: {
      ...recorded,
      blockByNumber: async (n) => {
        reads.push(n);
        const block = await recorded.blockByNumber(n);
        return serve === undefined ? block : serve(block, reads.filter((r) => r === n).length);
      },
    },
  };
}

const sizeOf = (block: LedgerBlock): number =>
  block.data.reduce((total, envelope) => total + envelope.length, 0);

describe('newBlockCache', () => {
  it('reads each block once while they fit its budget', async () => {
    const { ledger, reads } = countingLedger();
    const cache = newBlockCache(ledger);
    for (const n of [...numbers, ...numbers]) {
      expect((await cache.blockByNumber(n)).number).toBe(n);
    }
    expect(reads).toEqual(numbers);
  });

  it('evicts the least recently used block past its byte budget', async () => {
    const recorded = newRecordedLedger();
    const [a, b, c] = numbers as [bigint, bigint, bigint];
    const sizes = await Promise.all(
      [a, b, c].map(async (n) => sizeOf(await recorded.blockByNumber(n))),
    );
    // Room for a and b, not for c as well.
    const budget = sizes[0]! + sizes[1]! + Math.min(...sizes) - 1;
    const { ledger, reads } = countingLedger();
    const cache = newBlockCache(ledger, { maxBytes: budget });
    await cache.blockByNumber(a);
    await cache.blockByNumber(b);
    await cache.blockByNumber(a); // a is now the most recently used
    await cache.blockByNumber(c); // evicts b
    await cache.blockByNumber(a);
    await cache.blockByNumber(b);
    expect(reads).toEqual([a, b, c, b]);
  });

  it('keeps a block larger than its whole budget until the next one', async () => {
    const { ledger, reads } = countingLedger();
    const cache = newBlockCache(ledger, { maxBytes: 1 });
    const [a, b] = numbers as [bigint, bigint];
    await cache.blockByNumber(a);
    await cache.blockByNumber(a);
    await cache.blockByNumber(b);
    await cache.blockByNumber(a);
    expect(reads).toEqual([a, b, a]);
    expect(cache.changedBlocks()).toEqual([]);
  });

  it('lists a block the peer serves differently when it is read again', async () => {
    const target = BigInt(readingsBlockNumber!);
    // On the second read the peer serves its tampered copy of the readings block.
    const tampered = newRecordedLedger({ tampered: true });
    const { ledger } = countingLedger((block, read) =>
      block.number === target && read > 1 ? tampered.blockByNumber(target) : Promise.resolve(block),
    );
    const cache = newBlockCache(ledger, { maxBytes: 1 });
    for (const n of [...numbers, ...numbers]) {
      await cache.blockByNumber(n);
    }
    expect(cache.changedBlocks()).toEqual([target]);
  });

  it('keeps a block read by transaction id, so reading it by number asks the peer nothing', async () => {
    const { ledger, reads } = countingLedger();
    const cache = newBlockCache(ledger);
    const block = await cache.blockByTransactionId(manifest.transactions.submitReadings);
    expect(block.number).toBe(BigInt(readingsBlockNumber!));
    expect(await cache.blockByNumber(block.number)).toBe(block);
    expect(reads).toEqual([]);
    expect(cache.changedBlocks()).toEqual([]);
  });

  it('finds a transaction in a kept block that holds it as VALID, without asking the peer', async () => {
    const recorded = newRecordedLedger();
    const askedById: string[] = [];
    const cache = newBlockCache({
      ...recorded,
      blockByTransactionId: (id) => {
        askedById.push(id);
        return recorded.blockByTransactionId(id);
      },
    });
    const target = BigInt(readingsBlockNumber!);
    const block = await cache.blockByNumber(target);
    expect(await cache.blockByTransactionId(manifest.transactions.submitReadings)).toBe(block);
    expect(askedById).toEqual([]);
    // One the kept blocks do not hold is asked of the peer.
    await cache.blockByTransactionId(manifest.transactions.registerLot);
    expect(askedById).toEqual([manifest.transactions.registerLot]);
  });

  it('asks the peer for a transaction a kept block holds only as not VALID', async () => {
    const recorded = newRecordedLedger();
    const target = BigInt(readingsBlockNumber!);
    const askedById: string[] = [];
    const cache = newBlockCache({
      ...recorded,
      // By number, the block's transaction is marked DUPLICATE_TXID (code 9), as a later
      // resubmission of the same envelope would be.
      blockByNumber: async (n) => {
        const block = await recorded.blockByNumber(n);
        return n === target ? { ...block, transactionFilter: Uint8Array.of(9) } : block;
      },
      blockByTransactionId: (id) => {
        askedById.push(id);
        return recorded.blockByTransactionId(id);
      },
    });
    await cache.blockByNumber(target);
    await cache.blockByTransactionId(manifest.transactions.submitReadings);
    expect(askedById).toEqual([manifest.transactions.submitReadings]);
  });

  it('lists a block whose copy by number differs from the one read by transaction id', async () => {
    const target = BigInt(readingsBlockNumber!);
    const tampered = newRecordedLedger({ tampered: true });
    const { ledger, reads } = countingLedger((block) =>
      block.number === target ? tampered.blockByNumber(target) : Promise.resolve(block),
    );
    const cache = newBlockCache(ledger, { maxBytes: 1 });
    await cache.blockByTransactionId(manifest.transactions.submitReadings);
    await cache.blockByTransactionId(manifest.transactions.registerLot); // evicts it
    await cache.blockByNumber(target);
    expect(reads).toEqual([target]);
    expect(cache.changedBlocks()).toEqual([target]);
  });

  it('asks again after a failed read', async () => {
    let failures = 1;
    const recorded = newRecordedLedger();
    const cache = newBlockCache({
      ...recorded,
      blockByNumber: (n) =>
        failures-- > 0 ? Promise.reject(new Error('timeout')) : recorded.blockByNumber(n),
    });
    const number = numbers[0]!;
    await expect(cache.blockByNumber(number)).rejects.toThrow('timeout');
    expect((await cache.blockByNumber(number)).number).toBe(number);
  });
});
