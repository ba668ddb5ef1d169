import type { ColdtraceClient } from '@coldtrace/gateway-client';

export interface VerificationResult {
  readonly shipmentIds: readonly string[];
  /** Transactions verified: every transaction the shipments' histories and state name. */
  readonly transactions: number;
  readonly readings: number;
  readonly blocksChecked: number;
  readonly totalMs: number;
  readonly msPer1000Transactions: number;
  readonly verdicts: readonly string[];
  readonly discrepancies: number;
}

/**
 * Times the auditor's provenance verification on its own peer (endorsements, write sets against
 * queries, hash chain) over the given shipments, and scales it to 1,000 transactions.
 */
export async function benchVerification(
  auditor: ColdtraceClient,
  shipmentIds: readonly string[],
): Promise<VerificationResult> {
  const verifier = auditor.provenance();
  let transactions = 0;
  let readings = 0;
  let blocksChecked = 0;
  let discrepancies = 0;
  const verdicts: string[] = [];
  const started = performance.now();
  for (const shipmentId of shipmentIds) {
    const report = await verifier.verifyShipment(shipmentId, {
      sink: {
        shipmentSummary: (shipment) => {
          readings += shipment.readings.count;
        },
      },
    });
    transactions += report.transactionCount;
    blocksChecked += report.ledger.blocksChecked;
    discrepancies += report.discrepancyCount;
    verdicts.push(report.verdict);
  }
  const totalMs = Math.round(performance.now() - started);
  return {
    shipmentIds,
    transactions,
    readings,
    blocksChecked,
    totalMs,
    msPer1000Transactions: transactions > 0 ? Math.round((totalMs * 1000) / transactions) : 0,
    verdicts,
    discrepancies,
  };
}
