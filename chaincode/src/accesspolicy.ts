import type { ClientIdentity } from './stub';
import { type Actor, auditorMsp, logisticsMsp, pharmaMsp } from './actor';
import { accessDenied } from './chaincodeerror';

type Grant = readonly [mspId: string, role: string];

const shipper: Grant = [pharmaMsp, 'shipper'];
const qa: Grant = [pharmaMsp, 'qa'];
const dispatcher: Grant = [logisticsMsp, 'dispatcher'];
const sensorGateway: Grant = [logisticsMsp, 'sensor-gateway'];
const auditor: Grant = [auditorMsp, 'auditor'];
const everyRole: readonly Grant[] = [shipper, qa, dispatcher, sensorGateway, auditor];

/**
 * Who may call what: the one place where MSP ID and `role` attribute are checked
 * (docs/chaincode-api.md, Identities). Transactions missing here are denied to everyone.
 */
export const accessPolicy: Readonly<Record<string, readonly Grant[]>> = {
  RegisterLot: [shipper, qa],
  CreateShipment: [shipper],
  OfferCustody: [shipper, dispatcher],
  AcceptCustody: [shipper, dispatcher],
  ConfirmDelivery: [shipper, dispatcher],
  SubmitReadings: [sensorGateway],
  AcknowledgeAlert: [qa, shipper, dispatcher],
  DisposeShipment: [qa],
  GetLot: everyRole,
  GetShipment: everyRole,
  GetShipmentHistory: everyRole,
  GetReadings: everyRole,
  GetAlertsByShipment: everyRole,
  GetAlertsByLot: everyRole,
  GetOpenAlerts: everyRole,
  GetLotHistory: everyRole,
  ListProfilePresets: everyRole,
};

/** `fcn` may carry a `Contract:` prefix. */
export function transactionName(fcn: string): string {
  return fcn.slice(fcn.lastIndexOf(':') + 1);
}

export function authorize(fcn: string, identity: ClientIdentity): Actor {
  const name = transactionName(fcn);
  const mspId = identity.getMSPID();
  const role = identity.getAttributeValue('role');
  if (role === null || role === '') {
    throw accessDenied('role-required', 'the caller has no role attribute');
  }
  const grants = accessPolicy[name] ?? [];
  if (!grants.some(([msp, granted]) => msp === mspId && granted === role)) {
    throw accessDenied('role', `${mspId} ${role} may not call ${name}`);
  }
  return { mspId, id: identity.getID(), role };
}
