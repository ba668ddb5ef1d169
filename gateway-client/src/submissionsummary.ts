import type {
  ReadingConflict,
  ReadingsReceipt,
  ReceiptAlert,
  ShipmentStatus,
} from '@coldtrace/protocol';

/** What one submission did to one shipment: its committed batches' receipts, summed. */
export interface ShipmentSubmission {
  readonly shipmentId: string;
  /** Batches whose receipt was read. */
  readonly receipts: number;
  readonly stored: number;
  readonly duplicates: number;
  /** Every conflict each receipt reported, in batch order. */
  readonly conflicts: readonly ReadingConflict[];
  readonly oldReadings: number;
  readonly earliestOldReadingMs: number | null;
  /**
   * One entry per alert in its latest state. `change` is over the whole submission: `RAISED`
   * if a batch raised it and no later one withdrew it, `WITHDRAWN` if the last change withdrew
   * it, `CHANGED` otherwise. Sorted as the receipts sort them: CRITICAL, then by change and id.
   */
  readonly alerts: readonly ReceiptAlert[];
  /** False when a receipt counted more alert changes than it could list. */
  readonly alertsComplete: boolean;
  /** After the last batch whose receipt was read; `null` if there is none. */
  readonly shipmentStatus: ShipmentStatus | null;
  readonly readingCount: number | null;
}

const changeRank = { RAISED: 0, CHANGED: 1, WITHDRAWN: 2 } as const;

function byImportance(a: ReceiptAlert, b: ReceiptAlert): number {
  return (
    Number(a.severity !== 'CRITICAL') - Number(b.severity !== 'CRITICAL') ||
    changeRank[a.change] - changeRank[b.change] ||
    (a.alertId < b.alertId ? -1 : a.alertId > b.alertId ? 1 : 0)
  );
}

/** An alert's later change on top of an earlier one in the same submission. */
function laterChange(earlier: ReceiptAlert | undefined, later: ReceiptAlert): ReceiptAlert {
  return earlier?.change === 'RAISED' && later.change === 'CHANGED'
    ? { ...later, change: 'RAISED' }
    : later;
}

function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

class ShipmentTotals {
  receipts = 0;
  stored = 0;
  duplicates = 0;
  readonly conflicts: ReadingConflict[] = [];
  oldReadings = 0;
  earliestOldReadingMs: number | null = null;
  readonly alerts = new Map<string, ReceiptAlert>();
  alertsComplete = true;
  last: ReadingsReceipt | undefined;

  add(receipt: ReadingsReceipt): void {
    this.receipts++;
    this.stored += receipt.stored;
    this.duplicates += receipt.duplicates;
    for (const conflict of receipt.conflicts) {
      this.conflicts.push(conflict);
    }
    this.oldReadings += receipt.oldReadings;
    this.earliestOldReadingMs = earliest(this.earliestOldReadingMs, receipt.earliestOldReadingMs);
    for (const alert of receipt.alerts) {
      this.alerts.set(alert.alertId, laterChange(this.alerts.get(alert.alertId), alert));
    }
    const { raised, changed, withdrawn } = receipt.alertCounts;
    this.alertsComplete &&= receipt.alerts.length === raised + changed + withdrawn;
    this.last = receipt;
  }
}

/**
 * Sums the batches' receipts shipment by shipment, in batch order: a shipment's batches commit
 * one after another, so its last receipt holds its status after the submission. A shipment none
 * of whose receipts could be read is listed with zero totals and a `null` status.
 */
export function summariseShipments(
  batches: readonly { readonly shipmentId: string; readonly receipt?: ReadingsReceipt }[],
): ShipmentSubmission[] {
  const totals = new Map<string, ShipmentTotals>();
  for (const { shipmentId, receipt } of batches) {
    const shipment = totals.get(shipmentId) ?? new ShipmentTotals();
    totals.set(shipmentId, shipment);
    if (receipt !== undefined) {
      shipment.add(receipt);
    }
  }
  return [...totals].map(([shipmentId, t]) => ({
    shipmentId,
    receipts: t.receipts,
    stored: t.stored,
    duplicates: t.duplicates,
    conflicts: t.conflicts,
    oldReadings: t.oldReadings,
    earliestOldReadingMs: t.earliestOldReadingMs,
    alerts: [...t.alerts.values()].sort(byImportance),
    alertsComplete: t.alertsComplete,
    shipmentStatus: t.last?.shipmentStatus ?? null,
    readingCount: t.last?.readingCount ?? null,
  }));
}
