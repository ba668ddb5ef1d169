import {
  type AlertChangeCounts,
  type AlertChangeKind,
  type ReadingsReceipt,
  type ReceiptAlert,
  maxReceiptAlerts,
} from '@coldtrace/protocol';
import type { AlertChange } from './excursionalert';
import type { IngestResult } from './readingsledger';
import type { Shipment } from './shipment';

function changeKind(change: AlertChange): AlertChangeKind {
  if (change.raised) {
    return 'RAISED';
  }
  return change.alert.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'CHANGED';
}

const kindRank: Record<AlertChangeKind, number> = { RAISED: 0, CHANGED: 1, WITHDRAWN: 2 };

/** What matters most first, so a bounded list keeps it: CRITICAL, then raised, changed, withdrawn. */
function byImportance(a: ReceiptAlert, b: ReceiptAlert): number {
  const severity = Number(a.severity !== 'CRITICAL') - Number(b.severity !== 'CRITICAL');
  if (severity !== 0) {
    return severity;
  }
  const kind = kindRank[a.change] - kindRank[b.change];
  if (kind !== 0) {
    return kind;
  }
  return a.alertId < b.alertId ? -1 : a.alertId > b.alertId ? 1 : 0;
}

function countChanges(alerts: readonly ReceiptAlert[]): AlertChangeCounts {
  const count = (kind: AlertChangeKind): number =>
    alerts.filter((alert) => alert.change === kind).length;
  return { raised: count('RAISED'), changed: count('CHANGED'), withdrawn: count('WITHDRAWN') };
}

/** The `SubmitReadings` result: what the batch stored, refused and did to alerts. */
export function readingsReceipt(
  batchId: string,
  result: IngestResult,
  saved: Shipment,
): ReadingsReceipt {
  const alerts = result.changes
    .map((change): ReceiptAlert => ({
      alertId: change.alert.alertId,
      change: changeKind(change),
      type: change.alert.type,
      severity: change.alert.severity,
      status: change.alert.status,
    }))
    .sort(byImportance);
  return {
    shipmentId: saved.shipmentId,
    batchId,
    stored: result.stored,
    duplicates: result.duplicates,
    conflicts: result.conflicts,
    oldReadings: result.flags.oldReadings,
    earliestOldReadingMs: result.flags.earliestOldReadingMs,
    alerts: alerts.slice(0, maxReceiptAlerts),
    alertCounts: countChanges(alerts),
    shipmentStatus: saved.status,
    readingCount: saved.readingCount,
  };
}
