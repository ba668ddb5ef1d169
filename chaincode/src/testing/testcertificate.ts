import { type KeyObject, createHash, generateKeyPairSync, sign } from 'node:crypto';

/**
 * X.509 enrolment certificates as Fabric CA issues them (attributes in extension
 * 1.2.3.4.5.6.7.8.1), for the test double's callers: fabric-shim's own `ClientIdentity` parses
 * them, so MSP ID, `getID()` and `role` reach the contract exactly as on a peer.
 */
export interface TestCertificateRequest {
  readonly mspId: string;
  readonly commonName: string;
  /** Fabric CA attributes; `role` is the one coldtrace reads. */
  readonly attributes: Readonly<Record<string, string>>;
}

const fabricAttributesOid = '1.2.3.4.5.6.7.8.1';
const ecdsaWithSha256Oid = '1.2.840.10045.4.3.2';
const commonNameOid = '2.5.4.3';
const organizationalUnitOid = '2.5.4.11';
const organizationOid = '2.5.4.10';

const caKeys = new Map<string, KeyObject>();

/** A PEM certificate for `request`, signed by a per-MSP test CA. */
export function testCertificate(request: TestCertificateRequest): string {
  const issuer = distinguishedName([
    [organizationOid, request.mspId],
    [commonNameOid, `ca.${request.mspId.toLowerCase()}`],
  ]);
  const subject = distinguishedName([
    [organizationalUnitOid, 'client'],
    [commonNameOid, request.commonName],
  ]);
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const attributes = Buffer.from(JSON.stringify({ attrs: request.attributes }), 'utf8');
  // Serial numbers only need to differ between certificates: a digest of the subject does.
  const serial = createHash('sha256')
    .update(`${request.mspId}\u0000${request.commonName}`)
    .digest()
    .subarray(0, 8);
  const tbs = sequence(
    der(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    sequence(objectId(ecdsaWithSha256Oid)),
    issuer,
    sequence(utcTime('200101000000Z'), utcTime('491231235959Z')),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, sequence(sequence(objectId(fabricAttributesOid), der(0x04, attributes)))),
  );
  const signature = sign('sha256', tbs, caKey(request.mspId));
  const certificate = sequence(
    tbs,
    sequence(objectId(ecdsaWithSha256Oid)),
    der(0x03, Buffer.concat([Buffer.from([0]), signature])),
  );
  const body = certificate.toString('base64').replace(/.{64}/gu, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

function caKey(mspId: string): KeyObject {
  let key = caKeys.get(mspId);
  if (key === undefined) {
    key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    caKeys.set(mspId, key);
  }
  return key;
}

function distinguishedName(parts: readonly (readonly [string, string])[]): Buffer {
  return sequence(
    ...parts.map(([oid, value]) =>
      der(0x31, sequence(objectId(oid), der(0x0c, Buffer.from(value, 'utf8')))),
    ),
  );
}

function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  const header =
    length < 0x80
      ? [tag, length]
      : length < 0x100
        ? [tag, 0x81, length]
        : [tag, 0x82, length >> 8, length & 0xff];
  if (length > 0xffff) {
    throw new RangeError('DER content too long for a test certificate');
  }
  return Buffer.concat([Buffer.from(header), content]);
}

function sequence(...items: Buffer[]): Buffer {
  return der(0x30, Buffer.concat(items));
}

/** A non-negative INTEGER from big-endian bytes. */
function integer(bytes: Buffer): Buffer {
  const first = bytes[0] ?? 0;
  return der(0x02, first >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * first + second];
  for (const arc of rest) {
    const groups = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) {
      groups.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...groups);
  }
  return der(0x06, Buffer.from(bytes));
}

function utcTime(text: string): Buffer {
  return der(0x17, Buffer.from(text, 'ascii'));
}
