import { createHash } from 'node:crypto';
import { blockDataHash, blockHeaderHash } from './blockhash';
import { checkHashChain } from './hashchain';
import type { LedgerBlock } from './ledgerblock';

function chain(length: number): LedgerBlock[] {
  const blocks: LedgerBlock[] = [];
  let previousHash: Uint8Array = new Uint8Array();
  for (let n = 0; n < length; n++) {
    const data = [Buffer.from(`envelope ${n}`), createHash('sha256').update(String(n)).digest()];
    const block: LedgerBlock = {
      number: BigInt(n),
      previousHash,
      dataHash: blockDataHash(data),
      data,
      lastConfigBlock: 0n,
      transactionFilter: new Uint8Array(data.length),
    };
    blocks.push(block);
    previousHash = blockHeaderHash(block);
  }
  return blocks;
}

describe('checkHashChain', () => {
  it('accepts an intact chain ending at the reported tip', () => {
    const blocks = chain(5);
    expect(checkHashChain(blocks, blockHeaderHash(blocks[4]!))).toEqual([]);
  });

  it('detects tampered block data', () => {
    const blocks = chain(4);
    blocks[2] = { ...blocks[2]!, data: [Buffer.from('forged')] };
    expect(checkHashChain(blocks).map((b) => [b.blockNumber, b.kind])).toEqual([[2, 'DATA_HASH']]);
  });

  it('detects a rewritten header by the next block previous_hash', () => {
    const blocks = chain(4);
    const forgedData = [Buffer.from('forged')];
    blocks[1] = { ...blocks[1]!, data: forgedData, dataHash: blockDataHash(forgedData) };
    expect(checkHashChain(blocks).map((b) => [b.blockNumber, b.kind])).toEqual([
      [2, 'PREVIOUS_HASH'],
    ]);
  });

  it('detects a wrong tip hash and gaps', () => {
    const blocks = chain(4);
    expect(checkHashChain(blocks, Buffer.alloc(32)).map((b) => b.kind)).toEqual(['TIP_HASH']);
    expect(checkHashChain([blocks[0]!, blocks[2]!]).map((b) => b.kind)).toEqual(['GAP']);
  });
});
