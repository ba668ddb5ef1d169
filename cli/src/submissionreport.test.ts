import type { IngestionSummary, ShipmentSubmission } from '@coldtrace/gateway-client';
import { formatSubmissionReport, submissionWarnings } from './submissionreport';

const t = Date.UTC(2026, 10, 23, 10, 0, 0);

function shipment(overrides: Partial<ShipmentSubmission>): ShipmentSubmission {
  return {
    shipmentId: 'SHP-1',
    receipts: 1,
    stored: 3,
    duplicates: 1,
    conflicts: [],
    oldReadings: 0,
    earliestOldReadingMs: null,
    alerts: [],
    alertsComplete: true,
    shipmentStatus: 'IN_TRANSIT',
    readingCount: 3,
    ...overrides,
  };
}

function summary(shipments: ShipmentSubmission[]): IngestionSummary {
  return {
    batches: [
      {
        shipmentId: 'SHP-1',
        batchId: 'B-1',
        readingCount: 5,
        outcome: 'committed',
        attempts: 1,
        transactionId: 'tx1',
        commitStatus: {
          transactionId: 'tx1',
          blockNumber: 7n,
          code: 0,
          codeName: 'VALID',
          successful: true,
        },
        receipt: {
          shipmentId: 'SHP-1',
          batchId: 'B-1',
          stored: 3,
          duplicates: 1,
          conflicts: shipments[0]?.conflicts ?? [],
          oldReadings: 0,
          earliestOldReadingMs: null,
          alerts: [],
          alertCounts: { raised: 0, changed: 0, withdrawn: 0 },
          shipmentStatus: 'IN_TRANSIT',
          readingCount: 3,
        },
      },
    ],
    committedBatches: 1,
    failedBatches: 0,
    skippedBatches: 0,
    committedReadings: 5,
    shipments,
  };
}

describe('submission report', () => {
  it('states what was stored, each conflict with both values exactly, old readings and alerts', () => {
    const report = formatSubmissionReport(
      summary([
        shipment({
          conflicts: [
            {
              sensorId: 'S1',
              timestampMs: t,
              stored: { milliC: 5250, humidityPct: 40, location: null },
              submitted: { milliC: 5300, humidityPct: null, location: { lat: 1.5, lon: 2 } },
            },
          ],
          oldReadings: 2,
          earliestOldReadingMs: Date.UTC(2019, 2, 1),
          alerts: [
            {
              alertId: 'OUT_OF_RANGE:range:S1:1',
              change: 'RAISED',
              type: 'OUT_OF_RANGE',
              severity: 'WARNING',
              status: 'OPEN',
            },
          ],
        }),
      ]),
    );
    expect(report).toContain(
      'B-1    5         committed  3       1           1          VALID   7      tx1',
    );
    expect(report).toContain(
      'Shipment SHP-1: 3 readings stored, 1 duplicate, 1 conflict, 2 old readings',
    );
    expect(report).toMatch(/S1 +2026-11-23T10:00:00.000Z +5.25 °C, 40 %RH +5.3 °C, 1.5,2/);
    expect(report).toContain('earliest 2019-03-01T00:00:00.000Z');
    expect(report).toMatch(/RAISED +WARNING +OUT_OF_RANGE +OPEN +OUT_OF_RANGE:range:S1:1/);
    expect(report).toContain('Status: IN_TRANSIT');
    expect(report).not.toContain('QUARANTINED');
    expect(submissionWarnings(summary([shipment({})]))).toEqual([]);
  });

  it('shows a quarantine loudly, on its own line in the report and on stderr', () => {
    const quarantined = summary([shipment({ shipmentStatus: 'QUARANTINED' })]);
    const loud =
      'SHIPMENT SHP-1 IS QUARANTINED: A CRITICAL ALERT HOLDS IT UNTIL QA RELEASES OR REJECTS IT';
    expect(formatSubmissionReport(quarantined).split('\n')).toContain(loud);
    expect(submissionWarnings(quarantined)).toEqual([loud]);
  });

  it('lists a bounded number of conflicts and points to --json for the rest', () => {
    const conflicts = Array.from({ length: 25 }, (_, i) => ({
      sensorId: 'S1',
      timestampMs: t + i,
      stored: { milliC: 5000, humidityPct: null, location: null },
      submitted: { milliC: 6000, humidityPct: null, location: null },
    }));
    const report = formatSubmissionReport(summary([shipment({ conflicts })]));
    expect(report.match(/5 °C +6 °C/g)).toHaveLength(20);
    expect(report).toContain('... and 5 more (--json lists them all)');
    expect(submissionWarnings(summary([shipment({ conflicts })]))).toEqual([
      'coldtrace: shipment SHP-1: 25 conflicting readings not stored, another value is stored for the same sensor and time',
    ]);
  });
});
