// Verification catches a record tampered with on the Auditor's own peer storage: one digit of a
// stored reading is changed in the peer's block file (same length, so every offset stays valid)
// while the peer is stopped. The auditor's report then names the transaction whose endorsed
// write set no longer matches its signatures. The original bytes are always written back, after
// which the same shipment verifies clean again. Runs last (support/sequencer.js): it restarts a
// peer.
import { decodeTransaction, type ProvenanceReport } from '@coldtrace/gateway-client';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  closeParties,
  connectParties,
  type Parties,
  peersInSync,
  readingsAt,
  registerLot,
  shipmentInTransit,
} from './support/coldtrace';
import { ledgerDir, networkUp, stopNode } from './support/nodes';

const auditorPeer = 'peer0.auditor';
const chainDir = path.join(ledgerDir(auditorPeer), 'ledgersData', 'chains', 'chains', 'coldchain');

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

interface Located {
  readonly file: string;
  readonly offset: number;
}

/** The single place in the peer's block files where `needle` is stored. */
function locateOnce(needle: Buffer): Located {
  const found: Located[] = [];
  for (const name of readdirSync(chainDir).filter((n) => n.startsWith('blockfile_'))) {
    const file = path.join(chainDir, name);
    const content = readFileSync(file);
    for (let at = content.indexOf(needle); at >= 0; at = content.indexOf(needle, at + 1)) {
      found.push({ file, offset: at });
    }
  }
  if (found.length !== 1) throw new Error(`write found ${found.length} times in the block files`);
  return found[0]!;
}

function writeByte(at: Located, offset: number, value: number): void {
  const content = readFileSync(at.file);
  content[offset] = value;
  writeFileSync(at.file, content);
}

describe("verification on the Auditor's peer", () => {
  let parties: Parties;

  beforeAll(async () => {
    parties = await connectParties();
  });

  afterAll(() => {
    closeParties(parties);
  });

  it('reports the transaction whose stored reading was altered, and verifies once restored', async () => {
    const lot = await registerLot(parties.shipper);
    const shipmentId = await shipmentInTransit(parties, lot.lotId);
    const [batch] = await parties.carrier.readings
      .newIngestion()
      .enqueue(shipmentId, readingsAt('SEAL-1', Date.now() + 1000, [5.0, 5.4, 5.2, 4.9]));
    expect(batch?.outcome).toBe('committed');
    const tampered = batch!.transactionId!;
    await peersInSync(parties);
    const verifier = parties.auditor.provenance();
    expect((await verifier.verifyShipment(shipmentId)).verdict).toBe('VERIFIED');

    // The readings bucket as written by that transaction, found as key + value in the KVWrite.
    const block = await parties.auditor.ledger.blockByTransactionId(tampered);
    const transaction = block.data
      .map((_, index) => decodeTransaction(block, index))
      .find((t) => t.transactionId === tampered)!;
    const write = transaction.actions
      .flatMap((a) => a.writes)
      .find((w) => w.key.startsWith(`\u0000readings\u0000${shipmentId}\u0000`))!;
    const value = Buffer.from(write.value);
    const stored = locateOnce(
      Buffer.concat([Buffer.from(write.key), Buffer.from([0x1a]), varint(value.length), value]),
    );
    const digitInValue = value.indexOf(',5000,') + 1;
    expect(digitInValue).toBeGreaterThan(0);
    const digitOffset = stored.offset + valueStart(write.key, value) + digitInValue;
    const original = readFileSync(stored.file)[digitOffset]!;
    expect(String.fromCharCode(original)).toBe('5');

    let report: ProvenanceReport | undefined;
    await stopNode(auditorPeer);
    try {
      writeByte(stored, digitOffset, '6'.charCodeAt(0));
      await networkUp();
      report = await verifier.verifyShipment(shipmentId);
    } finally {
      await stopNode(auditorPeer, { ifRunning: true });
      writeByte(stored, digitOffset, original);
      await networkUp();
    }

    expect(report.verdict).toBe('DISCREPANCIES');
    expect(report.discrepancies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ENDORSEMENT_INVALID', transactionId: tampered }),
        expect.objectContaining({
          kind: 'VALUE_MISMATCH',
          message: expect.stringContaining('ledger has 6000') as unknown,
        }),
      ]),
    );
    const restored = await verifier.verifyShipment(shipmentId);
    expect(restored.discrepancies).toEqual([]);
    expect(restored.verdict).toBe('VERIFIED');
  });
});

/** Bytes from the start of the KVWrite needle (its key) to the start of its value. */
function valueStart(key: string, value: Buffer): number {
  return Buffer.byteLength(key) + 1 + varint(value.length).length;
}
