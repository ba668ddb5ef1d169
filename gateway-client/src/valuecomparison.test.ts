import type { TransactionEvidence } from './provenancereport';
import { type ShipmentFacts, fetchLotFacts, fetchShipmentFacts } from './provenancequeries';
import { manifest, newRecordedSubmitter, recordedTransactions } from './testing/recordedledger';
import {
  compareHistoryTimes,
  compareLot,
  compareReadings,
  compareShipment,
} from './valuecomparison';
import { WrittenState } from './writtenstate';

function writtenState(tampered = false): WrittenState {
  const written = new WrittenState();
  for (const { block, transaction } of recordedTransactions(tampered)) {
    written.add(block.number, transaction, manifest.chaincode);
  }
  return written;
}

const withRaw = (raw: unknown, change: Record<string, unknown>): unknown => ({
  ...(raw as Record<string, unknown>),
  ...change,
});

describe('value comparison at the keys of the state layout', () => {
  let facts: ShipmentFacts;
  const written = writtenState();

  beforeAll(async () => {
    facts = await fetchShipmentFacts(newRecordedSubmitter(), manifest.shipmentId);
  });

  it('finds the recorded shipment, its events and its alert as written', () => {
    expect(compareShipment(facts, written)).toEqual([]);
  });

  it('names the shipment when the query reports another status than was written', () => {
    const altered = { ...facts, raw: withRaw(facts.raw, { status: 'DELIVERED' }) };
    expect(compareShipment(altered, written)).toEqual([
      {
        kind: 'VALUE_MISMATCH',
        message: expect.stringContaining(
          `shipment ${manifest.shipmentId}: query result differs`,
        ) as unknown,
      },
    ]);
  });

  it('names a history event and an alert that differ from their writes', () => {
    const altered: ShipmentFacts = {
      ...facts,
      rawHistory: facts.rawHistory.map((raw, i) =>
        i === 1 ? withRaw(raw, { summary: 'x' }) : raw,
      ),
      rawAlerts: facts.rawAlerts.map((raw) => withRaw(raw, { severity: 'CRITICAL' })),
    };
    const messages = compareShipment(altered, written).map((d) => d.message);
    expect(messages).toEqual([
      expect.stringContaining(`shipment ${manifest.shipmentId} event 2:`),
      expect.stringContaining(`alert ${manifest.alertId}:`),
    ]);
  });

  it('reports a value with no write at its key among the verified transactions', () => {
    expect(compareShipment(facts, new WrittenState())[0]?.message).toMatch(/no write of it/);
  });

  it('finds the lot as written', async () => {
    const lot = await fetchLotFacts(newRecordedSubmitter(), manifest.lotId);
    expect(compareLot(lot, written)).toEqual([]);
    expect(
      compareLot({ ...lot, raw: withRaw(lot.raw, { expiry: '2030-01-01' }) }, written),
    ).toHaveLength(1);
  });

  it('matches every recorded reading with its stored row', () => {
    expect(compareReadings(facts.readings, written)).toEqual({ matched: 4, discrepancies: [] });
  });

  it('names a reading whose stored row was altered', () => {
    const { matched, discrepancies } = compareReadings(facts.readings, writtenState(true));
    expect(matched).toBe(3);
    expect(discrepancies).toEqual([
      expect.objectContaining({
        kind: 'VALUE_MISMATCH',
        message: expect.stringMatching(/query reports 5000, ledger has 6000$/) as unknown,
      }),
    ]);
  });

  it('compares humidity and location as stored, and leaves readings with no row unmatched', () => {
    const [first, ...rest] = facts.readings;
    const readings = [
      { ...first!, humidityPct: 41.5 },
      { ...rest[0]!, location: { lat: 1, lon: 2 } },
      { ...rest[1]!, timestampMs: 1 },
    ];
    const { matched, discrepancies } = compareReadings(readings, written);
    expect(matched).toBe(0);
    expect(discrepancies.map((d) => d.message)).toEqual([
      expect.stringContaining('humidity 41.5, ledger has null'),
      expect.stringContaining('another location'),
    ]);
  });

  it("reports a history event whose time is not its transaction's", () => {
    const event = facts.history[0]!;
    const evidence = new Map<string, TransactionEvidence>([
      [
        event.txId,
        {
          transactionId: event.txId,
          blockNumber: 6,
          index: 0,
          timestampMs: event.timestampMs,
          creatorMspId: 'PharmaMSP',
          validationCode: 'VALID',
          endorsements: [],
          writtenKeys: 1,
        },
      ],
    ]);
    expect(compareHistoryTimes(facts.history, evidence)).toEqual([]);
    const late = new Map([[event.txId, { ...evidence.get(event.txId)!, timestampMs: 1 }]]);
    expect(compareHistoryTimes(facts.history, late)).toEqual([
      expect.objectContaining({
        kind: 'TIMESTAMP_MISMATCH',
        transactionId: event.txId,
        blockNumber: 6,
      }),
    ]);
  });
});
