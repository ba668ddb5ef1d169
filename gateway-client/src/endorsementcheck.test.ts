import { sign } from 'node:crypto';
import { msp } from '@hyperledger/fabric-protos';
import { checkEndorsement } from './endorsementcheck';
import type { OrganisationCertificates } from './organisationcertificates';
import { type TestCredentials, newCredentials } from './testing/certificates';

const pharmaCa = newCredentials('ca.pharma');
const otherCa = newCredentials('ca.rogue');
const pharmaPeer = newCredentials('peer0.pharma', pharmaCa);
const roguePeer = newCredentials('peer0.rogue', otherCa);

const organisations = new Map<string, OrganisationCertificates>([
  ['PharmaMSP', { mspId: 'PharmaMSP', rootCerts: [pharmaCa.certificate], intermediateCerts: [] }],
]);

function serializedIdentity(mspId: string, credentials: TestCredentials): Uint8Array {
  const identity = new msp.SerializedIdentity();
  identity.setMspid(mspId);
  identity.setIdBytes(Buffer.from(credentials.pem));
  return identity.serializeBinary();
}

function endorse(payload: Buffer, mspId: string, credentials: TestCredentials) {
  const endorser = serializedIdentity(mspId, credentials);
  const signature = sign('sha256', Buffer.concat([payload, endorser]), credentials.privateKey);
  return { endorser, signature };
}

const payload = Buffer.from('proposal response payload');

describe('checkEndorsement', () => {
  it('accepts a signature by a certificate of the claimed organisation', () => {
    const check = checkEndorsement(
      payload,
      endorse(payload, 'PharmaMSP', pharmaPeer),
      organisations,
    );
    expect(check).toMatchObject({
      mspId: 'PharmaMSP',
      signatureValid: true,
      certificateTrusted: true,
    });
    expect(check.problem).toBeUndefined();
  });

  it('rejects a signature over a different payload', () => {
    const endorsement = endorse(Buffer.from('other payload'), 'PharmaMSP', pharmaPeer);
    const check = checkEndorsement(payload, endorsement, organisations);
    expect(check.signatureValid).toBe(false);
    expect(check.problem).toMatch(/signature/);
  });

  it('rejects a certificate that claims an organisation whose CA did not issue it', () => {
    const check = checkEndorsement(
      payload,
      endorse(payload, 'PharmaMSP', roguePeer),
      organisations,
    );
    expect(check.signatureValid).toBe(true);
    expect(check.certificateTrusted).toBe(false);
  });

  it('rejects an organisation missing from the channel configuration', () => {
    const check = checkEndorsement(payload, endorse(payload, 'RogueMSP', roguePeer), organisations);
    expect(check.certificateTrusted).toBe(false);
  });

  it('accepts a chain through an intermediate CA', () => {
    const intermediate = newCredentials('ica.pharma', pharmaCa);
    const peer = newCredentials('peer1.pharma', intermediate);
    const withIntermediate = new Map([
      [
        'PharmaMSP',
        {
          mspId: 'PharmaMSP',
          rootCerts: [pharmaCa.certificate],
          intermediateCerts: [intermediate.certificate],
        },
      ],
    ]);
    expect(
      checkEndorsement(payload, endorse(payload, 'PharmaMSP', peer), withIntermediate)
        .certificateTrusted,
    ).toBe(true);
    expect(
      checkEndorsement(payload, endorse(payload, 'PharmaMSP', peer), organisations)
        .certificateTrusted,
    ).toBe(false);
  });
});
