import { createHash } from 'node:crypto';

/** The three fields of a Fabric block header that its hash covers. */
export interface BlockHeaderFields {
  readonly number: bigint;
  readonly previousHash: Uint8Array;
  readonly dataHash: Uint8Array;
}

function derLength(length: number): Buffer {
  if (length < 0x80) {
    return Buffer.from([length]);
  }
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function derElement(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** Minimal two's-complement big-endian encoding of a non-negative integer, as ASN.1 requires. */
function derUnsignedInteger(value: bigint): Buffer {
  if (value < 0n) {
    throw new RangeError('block number must not be negative');
  }
  let hex = value.toString(16);
  if (hex.length % 2 === 1) {
    hex = `0${hex}`;
  }
  const bytes = Buffer.from(hex, 'hex');
  // A leading 1 bit would make the integer negative; prefix a zero byte.
  const first = bytes[0] ?? 0;
  return first >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

/**
 * ASN.1 DER encoding of a block header as Fabric hashes it (protoutil.BlockHeaderBytes):
 * SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash }.
 */
export function blockHeaderDer(header: BlockHeaderFields): Buffer {
  const body = Buffer.concat([
    derElement(0x02, derUnsignedInteger(header.number)),
    derElement(0x04, header.previousHash),
    derElement(0x04, header.dataHash),
  ]);
  return derElement(0x30, body);
}

/** SHA-256 of the header's DER encoding: the value the next block carries as previous_hash. */
export function blockHeaderHash(header: BlockHeaderFields): Buffer {
  return createHash('sha256').update(blockHeaderDer(header)).digest();
}

// A verified block's data is hashed by the block cache's fingerprint and again by the hash-chain
// walk: up to megabytes a block, so the digest is kept while the decoded block lives.
const dataHashes = new WeakMap<readonly Uint8Array[], Buffer>();

/**
 * SHA-256 over the concatenated envelopes of a block: what its header's data_hash must be.
 * Computed once per data array (decoded blocks are never modified); do not modify the result.
 */
export function blockDataHash(data: readonly Uint8Array[]): Buffer {
  let digest = dataHashes.get(data);
  if (digest === undefined) {
    const hash = createHash('sha256');
    for (const envelope of data) {
      hash.update(envelope);
    }
    digest = hash.digest();
    dataHashes.set(data, digest);
  }
  return digest;
}
