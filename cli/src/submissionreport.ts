import type {
  IngestionSummary,
  ReadingConflict,
  ReadingValue,
  ShipmentSubmission,
} from '@coldtrace/gateway-client';
import { atMost, formatTable, isoTime } from './table';

/** Rows of a list the report prints before pointing to `--json` for the rest. */
const maxListedRows = 20;

/** Exact to the milli-degree the ledger stores: 5.25 and 5.3 must not both read 5.3. */
function formatValue(value: ReadingValue): string {
  const parts = [`${value.milliC / 1000} °C`];
  if (value.humidityPct !== null) {
    parts.push(`${value.humidityPct} %RH`);
  }
  if (value.location !== null) {
    parts.push(`${value.location.lat},${value.location.lon}`);
  }
  return parts.join(', ');
}

function listed<T>(items: readonly T[], table: (shown: readonly T[]) => string): string[] {
  const { shown, more } = atMost(items, maxListedRows);
  return [table(shown), ...more.map((line) => `${line} (--json lists them all)`)];
}

function conflictTable(conflicts: readonly ReadingConflict[]): string {
  return formatTable(
    ['Sensor', 'Time', 'Stored (kept)', 'Submitted (not stored)'],
    conflicts.map((c) => [
      c.sensorId,
      isoTime(c.timestampMs),
      formatValue(c.stored),
      formatValue(c.submitted),
    ]),
  );
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The loud line for a quarantined shipment: its own line, upper case. */
function quarantineLine(shipmentId: string): string {
  return `SHIPMENT ${shipmentId} IS QUARANTINED: A CRITICAL ALERT HOLDS IT UNTIL QA RELEASES OR REJECTS IT`;
}

function shipmentReport(s: ShipmentSubmission): string[] {
  const lines = [
    `Shipment ${s.shipmentId}: ${plural(s.stored, 'reading')} stored, ${plural(s.duplicates, 'duplicate')}, ${plural(s.conflicts.length, 'conflict')}, ${plural(s.oldReadings, 'old reading')}`,
  ];
  if (s.conflicts.length > 0) {
    lines.push(
      '',
      'Conflicts: same sensor and time as a stored reading, another value. The stored value stays.',
      ...listed(s.conflicts, conflictTable),
    );
  }
  if (s.oldReadings > 0) {
    lines.push(
      '',
      `Old readings: ${plural(s.oldReadings, 'reading')} from long before the shipment was created (earliest ${isoTime(s.earliestOldReadingMs)}), stored and flagged on the shipment.`,
    );
  }
  if (s.alerts.length > 0) {
    lines.push(
      '',
      `Alerts raised or changed${s.alertsComplete ? '' : ' (more than the receipts could list)'}:`,
      ...listed(s.alerts, (alerts) =>
        formatTable(
          ['Change', 'Severity', 'Type', 'Status', 'Alert'],
          alerts.map((a) => [a.change, a.severity, a.type, a.status, a.alertId]),
        ),
      ),
    );
  }
  lines.push('', `Status: ${s.shipmentStatus ?? 'unknown (no receipt could be read)'}`);
  if (s.shipmentStatus === 'QUARANTINED') {
    lines.push(quarantineLine(s.shipmentId));
  }
  return lines;
}

/** `readings submit`'s report for people: each batch, then what each shipment's batches did. */
export function formatSubmissionReport(summary: IngestionSummary): string {
  const batches = formatTable(
    [
      'Batch',
      'Readings',
      'Outcome',
      'Stored',
      'Duplicates',
      'Conflicts',
      'Status',
      'Block',
      'Transaction',
    ],
    summary.batches.map((b) => [
      b.batchId,
      String(b.readingCount),
      b.outcome,
      b.receipt !== undefined ? String(b.receipt.stored) : '',
      b.receipt !== undefined ? String(b.receipt.duplicates) : '',
      b.receipt !== undefined ? String(b.receipt.conflicts.length) : '',
      b.commitStatus?.codeName ?? b.error?.code ?? '',
      b.commitStatus?.blockNumber.toString() ?? '',
      b.transactionId ?? '',
    ]),
  );
  return [batches, ...summary.shipments.flatMap((s) => ['', ...shipmentReport(s)])].join('\n');
}

/** Lines for stderr, whatever the output format: quarantines and refused readings. */
export function submissionWarnings(summary: IngestionSummary): string[] {
  return summary.shipments.flatMap((s) => [
    ...(s.conflicts.length > 0
      ? [
          `coldtrace: shipment ${s.shipmentId}: ${plural(s.conflicts.length, 'conflicting reading')} not stored, another value is stored for the same sensor and time`,
        ]
      : []),
    ...(s.shipmentStatus === 'QUARANTINED' ? [quarantineLine(s.shipmentId)] : []),
  ]);
}
