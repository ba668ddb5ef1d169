import type { ChaincodeStub } from './stub';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { auditorMsp } from './actor';

/**
 * The organisations whose peers must endorse every write to a shipment: the custodian and one
 * other, so no organisation alone can write it. While the owner holds custody, the auditor is
 * the other one.
 */
export function endorsingMspIds(ownerMspId: string, custodianMspId: string): string[] {
  const other = custodianMspId === ownerMspId ? auditorMsp : ownerMspId;
  return [custodianMspId, other].sort();
}

/** Key-level policy on the shipment record, which every shipment transaction writes. */
export async function applyEndorsementPolicy(
  stub: ChaincodeStub,
  key: string,
  mspIds: readonly string[],
): Promise<void> {
  const policy = new KeyEndorsementPolicy();
  policy.addOrgs('PEER', ...mspIds);
  await stub.setStateValidationParameter(key, policy.getPolicy());
}
