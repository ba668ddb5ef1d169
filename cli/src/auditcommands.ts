import {
  type ProvenanceReport,
  type ProvenanceReportFile,
  type ProvenanceSink,
  newProvenanceHtmlFile,
  newProvenanceJsonFile,
  teeProvenanceSinks,
} from '@coldtrace/gateway-client';
import type { Command } from './commandregistry';
import { UsageError } from './usageerror';
import { formatTable } from './table';

/** Opens report files in turn; when one cannot be opened, those already opened are removed. */
async function openReportFiles(
  opens: readonly (() => Promise<ProvenanceReportFile>)[],
): Promise<ProvenanceReportFile[]> {
  const files: ProvenanceReportFile[] = [];
  try {
    for (const open of opens) {
      files.push(await open());
    }
  } catch (error) {
    await Promise.all(files.map((file) => file.discard()));
    throw error;
  }
  return files;
}

export const auditVerify: Command = {
  path: ['audit', 'verify'],
  summary: "verify a shipment's or lot's provenance on your own peer's ledger",
  roles: 'auditor',
  options: [
    { name: 'shipment', description: 'shipment to verify' },
    { name: 'lot', description: 'lot to verify (every shipment that carried it)' },
    {
      name: 'report',
      description: 'write a self-contained HTML report to this file (written as it goes)',
    },
    { name: 'report-json', description: 'write the JSON report, with every detail, to this file' },
  ],
  async run(context) {
    const shipmentId = context.optionalOption('shipment');
    const lotId = context.optionalOption('lot');
    if ((shipmentId === undefined) === (lotId === undefined)) {
      throw new UsageError('give exactly one of --shipment or --lot');
    }
    const verifier = (await context.client()).provenance();
    // The detail goes to the report files while it is verified, never into memory whole.
    const htmlPath = context.optionalOption('report');
    const jsonPath = context.optionalOption('report-json');
    const files = await openReportFiles([
      ...(htmlPath !== undefined ? [() => newProvenanceHtmlFile(htmlPath)] : []),
      ...(jsonPath !== undefined ? [() => newProvenanceJsonFile(jsonPath)] : []),
    ]);
    const sink: ProvenanceSink = teeProvenanceSinks(...files.map((file) => file.sink));
    let report: ProvenanceReport;
    try {
      report =
        shipmentId !== undefined
          ? await verifier.verifyShipment(shipmentId, { sink })
          : await verifier.verifyLot(lotId ?? '', { sink });
    } catch (error) {
      await Promise.all(files.map((file) => file.discard()));
      throw error;
    }
    for (const file of files) {
      await file.finish(report);
    }
    if (context.json) {
      context.out(JSON.stringify(report, null, 2));
    } else {
      context.out(
        `${report.verdict}: ${report.transactionCount} transaction(s) of ${report.shipmentCount} shipment(s) in blocks up to ${report.ledger.height - 1}, ${report.discrepancyCount} discrepancy(ies)`,
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
        const unlisted = report.discrepancyCount - report.discrepancies.length;
        if (unlisted > 0) {
          context.out(`(${unlisted} more not listed; the reports count them all)`);
        }
      }
    }
    return report.verdict === 'VERIFIED' ? 0 : 1;
  },
};
