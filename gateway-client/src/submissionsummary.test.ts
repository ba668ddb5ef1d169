import type { ReadingsReceipt, ReceiptAlert } from '@coldtrace/protocol';
import { summariseShipments } from './submissionsummary';

const value = (milliC: number) => ({ milliC, humidityPct: null, location: null });

function receipt(overrides: Partial<ReadingsReceipt>): ReadingsReceipt {
  const alerts = overrides.alerts ?? [];
  const count = (change: ReceiptAlert['change']) =>
    alerts.filter((a) => a.change === change).length;
  return {
    shipmentId: 'SHP-1',
    batchId: 'B',
    stored: 0,
    duplicates: 0,
    conflicts: [],
    oldReadings: 0,
    earliestOldReadingMs: null,
    alerts,
    alertCounts: {
      raised: count('RAISED'),
      changed: count('CHANGED'),
      withdrawn: count('WITHDRAWN'),
    },
    shipmentStatus: 'IN_TRANSIT',
    readingCount: 0,
    ...overrides,
  };
}

function alert(
  alertId: string,
  change: ReceiptAlert['change'],
  severity: ReceiptAlert['severity'] = 'WARNING',
): ReceiptAlert {
  return {
    alertId,
    change,
    type: severity === 'CRITICAL' ? 'CONTINUOUS' : 'OUT_OF_RANGE',
    severity,
    status: change === 'WITHDRAWN' ? 'WITHDRAWN' : 'OPEN',
  };
}

describe('summariseShipments', () => {
  it('sums a shipment’s receipts in batch order: totals, every conflict, each alert once', () => {
    const conflict = {
      sensorId: 'S1',
      timestampMs: 1,
      stored: value(5000),
      submitted: value(6000),
    };
    const [summary] = summariseShipments([
      {
        shipmentId: 'SHP-1',
        receipt: receipt({
          stored: 498,
          duplicates: 1,
          conflicts: [conflict],
          oldReadings: 2,
          earliestOldReadingMs: 500,
          alerts: [alert('A', 'RAISED'), alert('B', 'RAISED'), alert('C', 'CHANGED')],
          readingCount: 498,
        }),
      },
      {
        shipmentId: 'SHP-1',
        receipt: receipt({
          stored: 300,
          duplicates: 2,
          conflicts: [conflict],
          oldReadings: 1,
          earliestOldReadingMs: 200,
          alerts: [
            alert('A', 'CHANGED'),
            alert('B', 'WITHDRAWN'),
            alert('D', 'RAISED', 'CRITICAL'),
          ],
          shipmentStatus: 'QUARANTINED',
          readingCount: 798,
        }),
      },
    ]);
    expect(summary).toEqual({
      shipmentId: 'SHP-1',
      receipts: 2,
      stored: 798,
      duplicates: 3,
      conflicts: [conflict, conflict],
      oldReadings: 3,
      earliestOldReadingMs: 200,
      alerts: [
        alert('D', 'RAISED', 'CRITICAL'),
        alert('A', 'RAISED'),
        alert('C', 'CHANGED'),
        alert('B', 'WITHDRAWN'),
      ],
      alertsComplete: true,
      shipmentStatus: 'QUARANTINED',
      readingCount: 798,
    });
  });

  it('keeps shipments apart, lists one without a receipt, and says when a receipt was cut short', () => {
    const cut = receipt({ shipmentId: 'SHP-2', alerts: [alert('A', 'RAISED')] });
    const summaries = summariseShipments([
      {
        shipmentId: 'SHP-2',
        receipt: { ...cut, alertCounts: { raised: 1001, changed: 0, withdrawn: 0 } },
      },
      { shipmentId: 'SHP-3' },
    ]);
    expect(
      summaries.map((s) => [s.shipmentId, s.receipts, s.alertsComplete, s.shipmentStatus]),
    ).toEqual([
      ['SHP-2', 1, false, 'IN_TRANSIT'],
      ['SHP-3', 0, true, null],
    ]);
  });
});
