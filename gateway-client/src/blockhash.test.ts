import { createHash } from 'node:crypto';
import { blockDataHash, blockHeaderDer, blockHeaderHash } from './blockhash';

/** Reference DER writer built from the X.690 rules independently of the implementation. */
function referenceDer(number: bigint, previousHash: Buffer, dataHash: Buffer): Buffer {
  const tlv = (tag: number, content: Buffer): Buffer => {
    const len =
      content.length < 128
        ? Buffer.from([content.length])
        : content.length < 256
          ? Buffer.from([0x81, content.length])
          : Buffer.from([0x82, content.length >> 8, content.length & 0xff]);
    return Buffer.concat([Buffer.from([tag]), len, content]);
  };
  let hex = number.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let integer = Buffer.from(hex, 'hex');
  if (integer[0]! & 0x80) integer = Buffer.concat([Buffer.from([0]), integer]);
  return tlv(
    0x30,
    Buffer.concat([tlv(0x02, integer), tlv(0x04, previousHash), tlv(0x04, dataHash)]),
  );
}

const sha = (text: string): Buffer => createHash('sha256').update(text).digest();

describe('blockHeaderDer', () => {
  it('encodes the genesis header with an empty previous hash', () => {
    const der = blockHeaderDer({ number: 0n, previousHash: Buffer.alloc(0), dataHash: sha('d') });
    expect(der.subarray(0, 7)).toEqual(Buffer.from([0x30, 0x27, 0x02, 0x01, 0x00, 0x04, 0x00]));
    expect(der.length).toBe(41);
  });

  it.each([1n, 127n, 128n, 255n, 256n, 65535n, 2n ** 40n + 3n])(
    'matches the reference encoding for block %s',
    (number) => {
      const previousHash = sha(`p${number}`);
      const dataHash = sha(`d${number}`);
      expect(blockHeaderDer({ number, previousHash, dataHash })).toEqual(
        referenceDer(number, previousHash, dataHash),
      );
    },
  );

  it('uses long-form lengths for long contents', () => {
    const long = Buffer.alloc(200, 7);
    const der = blockHeaderDer({ number: 1n, previousHash: long, dataHash: long });
    expect(der).toEqual(referenceDer(1n, long, long));
    expect(der[1]).toBe(0x82);
  });
});

describe('blockHeaderHash', () => {
  it('is the SHA-256 of the DER header and changes with any field', () => {
    const header = { number: 5n, previousHash: sha('a'), dataHash: sha('b') };
    const expected = createHash('sha256')
      .update(referenceDer(5n, sha('a'), sha('b')))
      .digest();
    expect(blockHeaderHash(header)).toEqual(expected);
    expect(blockHeaderHash({ ...header, number: 6n })).not.toEqual(expected);
    expect(blockHeaderHash({ ...header, dataHash: sha('c') })).not.toEqual(expected);
  });
});

describe('blockDataHash', () => {
  it('hashes the concatenated envelopes', () => {
    const data = [Buffer.from('one'), Buffer.from('two')];
    expect(blockDataHash(data)).toEqual(sha('onetwo'));
  });

  it('hashes a block data array once, and another array of its own', () => {
    const data = [Buffer.from('one'), Buffer.from('two')];
    const first = blockDataHash(data);
    expect(blockDataHash(data)).toBe(first);
    const forged = [Buffer.from('one'), Buffer.from('twO')];
    expect(blockDataHash(forged)).toEqual(sha('onetwO'));
  });
});
