import type { CustodyHandover, ExcursionAlert, Shipment, ShipmentEvent } from '@coldtrace/protocol';
import type {
  ProvenanceSink,
  ReadingsDay,
  ShipmentProvenance,
  TransactionEvidence,
} from '../provenancereport';

/** What a verification sent its sink, for one shipment. */
export interface CollectedShipment {
  shipment: Shipment;
  custodyChain: readonly CustodyHandover[];
  history: ShipmentEvent[];
  readingsDays: ReadingsDay[];
  alerts: ExcursionAlert[];
  summary?: ShipmentProvenance;
}

/** A sink keeping everything in memory, for tests on small subjects. */
export function collectingSink(): {
  sink: ProvenanceSink;
  shipments: CollectedShipment[];
  transactions: TransactionEvidence[];
} {
  const shipments: CollectedShipment[] = [];
  const transactions: TransactionEvidence[] = [];
  const current = (): CollectedShipment => {
    const last = shipments.at(-1);
    if (last === undefined) throw new Error('detail before its shipment');
    return last;
  };
  return {
    shipments,
    transactions,
    sink: {
      shipment: (shipment, custodyChain) => {
        shipments.push({ shipment, custodyChain, history: [], readingsDays: [], alerts: [] });
      },
      history: (events) => {
        current().history.push(...events);
      },
      readingsDay: (day) => {
        current().readingsDays.push(day);
      },
      alerts: (alerts) => {
        current().alerts.push(...alerts);
      },
      shipmentSummary: (summary) => {
        current().summary = summary;
      },
      transactions: (evidence) => {
        transactions.push(...evidence);
      },
    },
  };
}
