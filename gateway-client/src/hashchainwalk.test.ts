import { walkHashChain } from './hashchainwalk';
import type { LedgerReader } from './ledgerreader';
import { manifest, newRecordedLedger, readingsBlockNumber } from './testing/recordedledger';

const first = BigInt(manifest.blocks[0]!);

describe('walkHashChain over the recorded blocks', () => {
  it('finds the recorded chain intact up to the tip the peer reported', async () => {
    const walk = await walkHashChain(newRecordedLedger(), first);
    expect(walk.discrepancies).toEqual([]);
    expect(walk.ledger).toEqual({
      height: manifest.chainInfo.height,
      tipHash: manifest.chainInfo.currentBlockHash,
      firstBlockChecked: manifest.blocks[0],
      blocksChecked: manifest.blocks.length,
    });
  });

  it("finds the tampered block's data no longer matching its hash", async () => {
    const walk = await walkHashChain(newRecordedLedger({ tampered: true }), first);
    expect(walk.discrepancies).toEqual([
      expect.objectContaining({ kind: 'DATA_HASH', blockNumber: readingsBlockNumber }),
    ]);
  });

  it('walks at most the last maxBlocks blocks', async () => {
    const walk = await walkHashChain(newRecordedLedger(), first, 2);
    expect(walk.ledger).toMatchObject({
      firstBlockChecked: manifest.chainInfo.height - 2,
      blocksChecked: 2,
    });
  });

  it('reports a tip that is not the hash of the last block', async () => {
    const recorded = newRecordedLedger();
    const ledger: LedgerReader = {
      ...recorded,
      chainInfo: async () => ({
        ...(await recorded.chainInfo()),
        currentBlockHash: Buffer.alloc(32),
      }),
    };
    const walk = await walkHashChain(ledger, first);
    expect(walk.discrepancies.map((d) => d.kind)).toEqual(['TIP_HASH']);
  });
});
