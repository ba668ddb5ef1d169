import { EndorsementError } from './coldtraceerror';
import type { LedgerReader } from './ledgerreader';
import { manifest, newRecordedLedger } from './testing/recordedledger';
import { locateTransactions } from './transactionlocator';

const { registerLot, offerCustody, acceptCustody, submitReadings } = manifest.transactions;

describe('locateTransactions', () => {
  it('finds each recorded transaction and returns them in ledger order', async () => {
    const { located, missing } = await locateTransactions(newRecordedLedger(), [
      submitReadings,
      registerLot,
      acceptCustody,
      offerCustody,
      registerLot,
    ]);
    expect(missing).toEqual([]);
    expect(located.map((l) => l.transactionId)).toEqual([
      registerLot,
      offerCustody,
      acceptCustody,
      submitReadings,
    ]);
    expect(located.map((l) => Number(l.blockNumber))).toEqual([
      manifest.blocks[0],
      manifest.blocks[2],
      manifest.blocks[3],
      manifest.blocks[4],
    ]);
  });

  it('reports a transaction the peer does not have as TRANSACTION_MISSING', async () => {
    const { located, missing } = await locateTransactions(newRecordedLedger(), [
      registerLot,
      'f00d',
    ]);
    expect(located).toHaveLength(1);
    expect(missing).toEqual([
      expect.objectContaining({ kind: 'TRANSACTION_MISSING', transactionId: 'f00d' }),
    ]);
  });

  it('reports a transaction absent from the block the peer names for it', async () => {
    const recorded = newRecordedLedger();
    const ledger: LedgerReader = {
      ...recorded,
      // The index points at the lot's block, which does not hold the readings transaction.
      blockByTransactionId: (id) =>
        recorded.blockByTransactionId(id === submitReadings ? registerLot : id),
    };
    const { missing } = await locateTransactions(ledger, [submitReadings]);
    expect(missing).toEqual([
      expect.objectContaining({
        kind: 'TRANSACTION_MISSING',
        transactionId: submitReadings,
        blockNumber: manifest.blocks[0],
      }),
    ]);
  });

  it('throws when the peer cannot be asked', async () => {
    const unavailable = new EndorsementError({ message: 'unavailable', retryable: true });
    const ledger: LedgerReader = {
      ...newRecordedLedger(),
      blockByTransactionId: () => Promise.reject(unavailable),
    };
    await expect(locateTransactions(ledger, [registerLot])).rejects.toBe(unavailable);
  });

  it('maps a failure that is not a ColdtraceError to one', async () => {
    const ledger: LedgerReader = {
      ...newRecordedLedger(),
      blockByTransactionId: () => Promise.reject(new Error('socket hang up')),
    };
    await expect(locateTransactions(ledger, [registerLot])).rejects.toMatchObject({
      name: 'ColdtraceError',
      message: 'socket hang up',
    });
  });
});
