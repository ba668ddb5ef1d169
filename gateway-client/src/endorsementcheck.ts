import { X509Certificate, verify } from 'node:crypto';
import { msp } from '@hyperledger/fabric-protos';
import { type OrganisationCertificates, chainsToOrganisation } from './organisationcertificates';

/** One endorsement as carried in a transaction: endorser identity bytes and its signature. */
export interface EndorsementInput {
  /** Serialized `msp.SerializedIdentity` of the endorsing peer. */
  readonly endorser: Uint8Array;
  readonly signature: Uint8Array;
}

/** The verdict on one endorsement. */
export interface EndorsementCheck {
  readonly mspId: string;
  /** Subject of the endorser's certificate, when it could be parsed. */
  readonly subject?: string;
  /** ECDSA/EdDSA signature over proposal_response_payload || endorser verified. */
  readonly signatureValid: boolean;
  /** The certificate was issued by a CA of `mspId` in the channel configuration. */
  readonly certificateTrusted: boolean;
  readonly problem?: string;
}

function failed(mspId: string, problem: string, subject?: string): EndorsementCheck {
  return {
    mspId,
    ...(subject !== undefined ? { subject } : {}),
    signatureValid: false,
    certificateTrusted: false,
    problem,
  };
}

/**
 * Verifies an endorsement the way a committing peer does: the signature is over the proposal
 * response payload followed by the endorser's serialized identity, and the endorser's certificate
 * must chain to a CA of the organisation it claims.
 */
export function checkEndorsement(
  proposalResponsePayload: Uint8Array,
  endorsement: EndorsementInput,
  organisations: ReadonlyMap<string, OrganisationCertificates>,
): EndorsementCheck {
  let identity: msp.SerializedIdentity;
  try {
    identity = msp.SerializedIdentity.deserializeBinary(endorsement.endorser);
  } catch {
    return failed('', 'endorser identity cannot be decoded');
  }
  const mspId = identity.getMspid();
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(identity.getIdBytes_asU8()));
  } catch {
    return failed(mspId, 'endorser certificate cannot be parsed');
  }
  const subject = certificate.subject;
  const signed = Buffer.concat([proposalResponsePayload, endorsement.endorser]);
  let signatureValid: boolean;
  try {
    signatureValid = verify('sha256', signed, certificate.publicKey, endorsement.signature);
  } catch {
    signatureValid = false;
  }
  const organisation = organisations.get(mspId);
  const certificateTrusted =
    organisation !== undefined && chainsToOrganisation(certificate, organisation);
  const problem = !signatureValid
    ? 'endorsement signature does not verify'
    : !certificateTrusted
      ? `endorser certificate is not issued by a CA of ${mspId} in the channel configuration`
      : undefined;
  return {
    mspId,
    subject,
    signatureValid,
    certificateTrusted,
    ...(problem !== undefined ? { problem } : {}),
  };
}
