import { writeFile } from 'node:fs/promises';
import { renderProvenanceHtml } from '@coldtrace/gateway-client';
import type { Command } from './commandregistry';
import { UsageError } from './usageerror';
import { formatTable } from './table';

export const auditVerify: Command = {
  path: ['audit', 'verify'],
  summary: "verify a shipment's or lot's provenance on your own peer's ledger",
  roles: 'auditor',
  options: [
    { name: 'shipment', description: 'shipment to verify' },
    { name: 'lot', description: 'lot to verify (every shipment that carried it)' },
    { name: 'report', description: 'write a self-contained HTML report to this file' },
    { name: 'report-json', description: 'write the JSON report to this file' },
  ],
  async run(context) {
    const shipmentId = context.optionalOption('shipment');
    const lotId = context.optionalOption('lot');
    if ((shipmentId === undefined) === (lotId === undefined)) {
      throw new UsageError('give exactly one of --shipment or --lot');
    }
    const verifier = (await context.client()).provenance();
    const report =
      shipmentId !== undefined
        ? await verifier.verifyShipment(shipmentId)
        : await verifier.verifyLot(lotId ?? '');
    const htmlPath = context.optionalOption('report');
    if (htmlPath !== undefined) {
      await writeFile(htmlPath, renderProvenanceHtml(report));
    }
    const jsonPath = context.optionalOption('report-json');
    if (jsonPath !== undefined) {
      await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    }
    if (context.json) {
      context.out(JSON.stringify(report, null, 2));
    } else {
      context.out(
        `${report.verdict}: ${report.transactions.length} transaction(s) in blocks up to ${report.ledger.height - 1}, ${report.discrepancies.length} discrepancy(ies)`,
      );
      if (report.discrepancies.length > 0) {
        context.out(
          formatTable(
            ['Kind', 'Block', 'Transaction', 'Detail'],
            report.discrepancies.map((d) => [
              d.kind,
              d.blockNumber?.toString() ?? '',
              d.transactionId ?? '',
              d.message,
            ]),
          ),
        );
      }
    }
    return report.verdict === 'VERIFIED' ? 0 : 1;
  },
};
