import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NotFoundError } from '../coldtraceerror';
import {
  type LedgerBlock,
  type LedgerTransaction,
  decodeBlockBytes,
  decodeTransaction,
  transactionIndex,
} from '../ledgerblock';
import type { LedgerReader } from '../ledgerreader';
import type { TransactionSubmitter } from '../transactionsubmitter';

/**
 * Blocks and query answers recorded from the live network by
 * test/support/record-verifier-fixtures.js: a lot, a shipment handed to Logistics, a readings
 * batch that raised an OUT_OF_RANGE alert and its acknowledgement, as the Auditor's peer served
 * them. Rerun that script to regenerate.
 */
export interface VerifierFixtureManifest {
  readonly channel: string;
  readonly chaincode: string;
  readonly mspId: string;
  readonly chainInfo: { readonly height: number; readonly currentBlockHash: string };
  /** The configuration block every recorded block points at. */
  readonly configBlock: number;
  /** Consecutive block numbers, from the first scenario block to the tip. */
  readonly blocks: readonly number[];
  readonly lotId: string;
  readonly shipmentId: string;
  readonly alertId: string;
  readonly transactions: {
    readonly registerLot: string;
    readonly offerCustody: string;
    readonly acceptCustody: string;
    readonly submitReadings: string;
  };
  /** The verifier's queries with their exact arguments and the peer's answer as text. */
  readonly queries: readonly {
    readonly name: string;
    readonly args: readonly string[];
    readonly result: string;
  }[];
}

export const fixtureDir = path.join(__dirname, '..', 'testdata', 'verifier');

export const manifest = JSON.parse(
  readFileSync(path.join(fixtureDir, 'manifest.json'), 'utf8'),
) as VerifierFixtureManifest;

/** The block with the SubmitReadings transaction, of which a tampered copy was recorded. */
export const readingsBlockNumber = manifest.blocks.find(
  (n) => transactionIndex(recordedBlock(n), manifest.transactions.submitReadings) >= 0,
);

/** Bytes of a recorded block; `tampered` gives the copy with one reading digit changed. */
export function recordedBlockBytes(number: number, tampered = false): Buffer {
  return readFileSync(path.join(fixtureDir, `block-${number}${tampered ? '-tampered' : ''}.bin`));
}

export function recordedBlock(number: number, tampered = false): LedgerBlock {
  return decodeBlockBytes(recordedBlockBytes(number, tampered));
}

export interface RecordedLedgerOptions {
  /** Serve the tampered copy of the readings block, as a peer with altered storage would. */
  readonly tampered?: boolean;
}

/**
 * A {@link LedgerReader} over the recorded blocks: chain info as recorded, a block by number,
 * and `NotFoundError` for a transaction in none of them, as the qscc reader reports it.
 */
export function newRecordedLedger(options: RecordedLedgerOptions = {}): LedgerReader {
  const numbers = [manifest.configBlock, ...manifest.blocks];
  const blocks = new Map<bigint, LedgerBlock>(
    numbers.map((n) => [
      BigInt(n),
      recordedBlock(n, options.tampered === true && n === readingsBlockNumber),
    ]),
  );
  const byNumber = (number: bigint): LedgerBlock => {
    const block = blocks.get(number);
    if (block === undefined) {
      throw new NotFoundError({ message: `block ${number} was not recorded` });
    }
    return block;
  };
  return {
    chainInfo: () =>
      Promise.resolve({
        height: BigInt(manifest.chainInfo.height),
        currentBlockHash: Buffer.from(manifest.chainInfo.currentBlockHash, 'hex'),
      }),
    blockByNumber: (number) => Promise.resolve().then(() => byNumber(number)),
    blockByTransactionId: (transactionId) =>
      Promise.resolve().then(() => {
        for (const block of blocks.values()) {
          if (transactionIndex(block, transactionId) >= 0) {
            return block;
          }
        }
        throw new NotFoundError({
          message: `transaction ${transactionId} is not on the ledger`,
          transactionId,
        });
      }),
  };
}

/** Answers one query in place of the recording, or undefined to use the recorded answer. */
export type QueryOverride = (name: string, args: readonly string[]) => Uint8Array | undefined;

/** A {@link TransactionSubmitter} that answers the recorded queries; it cannot submit. */
export function newRecordedSubmitter(override?: QueryOverride): TransactionSubmitter {
  return {
    evaluate(name, args) {
      return Promise.resolve().then(() => {
        const overridden = override?.(name, args);
        if (overridden !== undefined) {
          return overridden;
        }
        const recorded = manifest.queries.find(
          (q) => q.name === name && q.args.join('\u0000') === args.join('\u0000'),
        );
        if (recorded === undefined) {
          throw new NotFoundError({ message: `no recorded answer to ${name}(${args.join(', ')})` });
        }
        return Buffer.from(recorded.result);
      });
    },
    submit() {
      return Promise.reject(new Error('the recorded network is read-only'));
    },
  };
}

/** The recorded answer to a query, parsed. */
export function recordedAnswer(name: string): unknown {
  const recorded = manifest.queries.find((q) => q.name === name);
  if (recorded === undefined) {
    throw new Error(`no recorded ${name}`);
  }
  return JSON.parse(recorded.result) as unknown;
}

/** Every recorded transaction, in ledger order, from the recorded (or tampered) blocks. */
export function recordedTransactions(tampered = false): {
  readonly block: LedgerBlock;
  readonly index: number;
  readonly transaction: LedgerTransaction;
}[] {
  return manifest.blocks.flatMap((n) => {
    const block = recordedBlock(n, tampered && n === readingsBlockNumber);
    return block.data.map((_, index) => ({
      block,
      index,
      transaction: decodeTransaction(block, index),
    }));
  });
}
