import type { Gateway, Network } from '@hyperledger/fabric-gateway';
import { type Alerts, newAlerts } from './alerts';
import { type Custody, newCustody } from './custody';
import { type LedgerReader, newQsccLedgerReader } from './ledgerreader';
import { type Lots, newLots } from './lots';
import {
  type ProvenanceOptions,
  type ProvenanceVerifier,
  newProvenanceVerifier,
} from './provenanceverifier';
import { type Readings, newReadings } from './readings';
import { type Shipments, newShipments } from './shipments';
import { newContractSubmitter } from './transactionsubmitter';

/**
 * A connection to coldtrace as one organisation's user. Which methods succeed depends on the
 * user's MSP and `role` (docs/chaincode-api.md); others throw `AccessDeniedError`.
 */
export interface ColdtraceClient {
  readonly mspId: string;
  readonly channel: string;
  readonly chaincode: string;
  readonly lots: Lots;
  readonly shipments: Shipments;
  readonly custody: Custody;
  readonly readings: Readings;
  readonly alerts: Alerts;
  /** Auditor checks on this organisation's own peer. */
  provenance(options?: Readonly<ProvenanceOptions>): ProvenanceVerifier;
  /** Read access to this organisation's peer ledger through qscc. */
  readonly ledger: LedgerReader;
  /** The fabric-gateway network, for anything this library does not wrap. */
  readonly network: Network;
  /** Closes the gateway (and the gRPC connection if this library opened it); safe twice. */
  close(): void;
}

export interface ColdtraceClientOptions {
  readonly gateway: Gateway;
  readonly mspId: string;
  readonly channel: string;
  readonly chaincode: string;
  /** Releases the gateway and any connection the client owns. */
  readonly release: () => void;
}

export function newColdtraceClient(options: Readonly<ColdtraceClientOptions>): ColdtraceClient {
  const network = options.gateway.getNetwork(options.channel);
  const submitter = newContractSubmitter(network.getContract(options.chaincode));
  const ledger = newQsccLedgerReader(network, options.mspId);
  let closed = false;
  return {
    mspId: options.mspId,
    channel: options.channel,
    chaincode: options.chaincode,
    lots: newLots(submitter),
    shipments: newShipments(submitter),
    custody: newCustody(submitter),
    readings: newReadings(submitter),
    alerts: newAlerts(submitter, {
      events: (eventOptions) => network.getChaincodeEvents(options.chaincode, eventOptions),
      ledgerHeight: async () => (await ledger.chainInfo()).height,
    }),
    provenance(provenanceOptions = {}) {
      // Queries too go to this organisation's peer, so reported values are its own view.
      const ownPeer = newContractSubmitter(network.getContract(options.chaincode), {
        evaluateOn: [options.mspId],
      });
      return newProvenanceVerifier(
        {
          submitter: ownPeer,
          ledger,
          channel: options.channel,
          chaincode: options.chaincode,
          mspId: options.mspId,
        },
        provenanceOptions,
      );
    },
    ledger,
    network,
    close() {
      if (!closed) {
        closed = true;
        options.release();
      }
    },
  };
}
