import { X509Certificate } from 'node:crypto';

/** An organisation's certificate authorities, taken from the channel configuration. */
export interface OrganisationCertificates {
  readonly mspId: string;
  readonly rootCerts: readonly X509Certificate[];
  readonly intermediateCerts: readonly X509Certificate[];
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

/**
 * True when `certificate` was signed by one of the organisation's root CAs, directly or through
 * one of its intermediate CAs.
 */
export function chainsToOrganisation(
  certificate: X509Certificate,
  organisation: OrganisationCertificates,
): boolean {
  if (organisation.rootCerts.some((root) => issuedBy(certificate, root))) {
    return true;
  }
  return organisation.intermediateCerts.some(
    (intermediate) =>
      issuedBy(certificate, intermediate) &&
      organisation.rootCerts.some((root) => issuedBy(intermediate, root)),
  );
}
