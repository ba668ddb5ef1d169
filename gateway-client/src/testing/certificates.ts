import { type KeyObject, X509Certificate, generateKeyPairSync, sign } from 'node:crypto';
import { bitString, integer, oid, sequence, set, tlv, utcTime, utf8 } from './der';

/** A key pair with a certificate, for signing test endorsements. */
export interface TestCredentials {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
  readonly pem: string;
}

const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));

function name(commonName: string): Buffer {
  return sequence(set(sequence(oid('2.5.4.3'), utf8(commonName))));
}

let serial = 1;

/**
 * Builds an X.509 v3 certificate for `subject`, signed by `issuer` (or self-signed), with
 * node:crypto keys: no fixtures, so tests exercise real signatures.
 */
export function newCredentials(subject: string, issuer?: TestCredentials): TestCredentials {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const issuerName =
    issuer !== undefined ? issuer.certificate.subject.replace(/^CN=/, '') : subject;
  const caExtension = tlv(
    0xa3,
    sequence(
      sequence(
        oid('2.5.29.19'),
        tlv(0x01, Buffer.from([0xff])),
        tlv(0x04, sequence(tlv(0x01, Buffer.from([0xff])))),
      ),
    ),
  );
  const tbs = sequence(
    tlv(0xa0, integer(2)),
    integer(serial++),
    ecdsaWithSha256,
    name(issuerName),
    sequence(utcTime('250101000000Z'), utcTime('350101000000Z')),
    name(subject),
    publicKey.export({ type: 'spki', format: 'der' }),
    ...(issuer === undefined ? [caExtension] : []),
  );
  const signingKey = issuer?.privateKey ?? privateKey;
  const signature = sign('sha256', tbs, signingKey);
  const der = sequence(tbs, ecdsaWithSha256, bitString(signature));
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  return { privateKey, certificate: new X509Certificate(pem), pem };
}
