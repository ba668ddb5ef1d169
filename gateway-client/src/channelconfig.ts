import { X509Certificate } from 'node:crypto';
import { common, msp } from '@hyperledger/fabric-protos';
import { InvalidResponseError } from './coldtraceerror';
import type { LedgerBlock } from './ledgerblock';
import type { OrganisationCertificates } from './organisationcertificates';

/** The part of google-protobuf's jspb.Map used here; its typings are not a dependency. */
interface ProtoMap<V> {
  get(key: string): V | undefined;
  forEach(callback: (value: V, key: string) => void): void;
}

// jspb.Map resolves to an error type without @types/google-protobuf; the shape above is all we use.
const groupsOf = (group: common.ConfigGroup): ProtoMap<common.ConfigGroup> =>
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  group.getGroupsMap();
const valuesOf = (group: common.ConfigGroup): ProtoMap<common.ConfigValue> =>
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  group.getValuesMap();

function certificates(list: readonly Uint8Array[]): X509Certificate[] {
  return list.map((pem) => new X509Certificate(Buffer.from(pem)));
}

/**
 * The application organisations of a channel and their CA certificates, read from a configuration
 * block (the `MSP` value of each group under `Application`).
 * @throws {@link InvalidResponseError} if the block is not a configuration block.
 */
export function applicationOrganisations(
  configBlock: LedgerBlock,
): Map<string, OrganisationCertificates> {
  const envelopeBytes = configBlock.data[0];
  if (envelopeBytes === undefined) {
    throw new InvalidResponseError({ message: `block ${configBlock.number} is empty` });
  }
  const payload = common.Payload.deserializeBinary(
    common.Envelope.deserializeBinary(envelopeBytes).getPayload_asU8(),
  );
  const config = common.ConfigEnvelope.deserializeBinary(payload.getData_asU8()).getConfig();
  const channelGroup = config?.getChannelGroup();
  const application =
    channelGroup !== undefined ? groupsOf(channelGroup).get('Application') : undefined;
  if (application === undefined) {
    throw new InvalidResponseError({
      message: `block ${configBlock.number} is not a channel configuration block`,
    });
  }
  const organisations = new Map<string, OrganisationCertificates>();
  groupsOf(application).forEach((group) => {
    const mspValue = valuesOf(group).get('MSP');
    if (mspValue === undefined) {
      return;
    }
    const mspConfig = msp.MSPConfig.deserializeBinary(mspValue.getValue_asU8());
    const fabricConfig = msp.FabricMSPConfig.deserializeBinary(mspConfig.getConfig_asU8());
    organisations.set(fabricConfig.getName(), {
      mspId: fabricConfig.getName(),
      rootCerts: certificates(fabricConfig.getRootCertsList_asU8()),
      intermediateCerts: certificates(fabricConfig.getIntermediateCertsList_asU8()),
    });
  });
  return organisations;
}
