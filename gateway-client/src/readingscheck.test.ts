import {
  type SensorReading,
  type Shipment,
  readSensorReading,
  JsonReader,
} from '@coldtrace/protocol';
import { type CheckedDay, ReadingsCheck } from './readingscheck';
import type { LedgerReader } from './ledgerreader';
import {
  manifest,
  newRecordedLedger,
  recordedAnswer,
  recordedTransactions,
} from './testing/recordedledger';
import { WrittenState } from './writtenstate';

const shipment = recordedAnswer('GetShipment') as Shipment;
const recorded = (recordedAnswer('GetReadings') as { items: unknown[] }).items.map((item) =>
  readSensorReading(new JsonReader(item, 'reading')),
);

function writtenState(tampered = false): WrittenState {
  const written = new WrittenState();
  for (const { block, transaction } of recordedTransactions(tampered)) {
    written.add(block.number, transaction, manifest.chaincode);
  }
  return written;
}

/** Checks `readings` in query order; returns every completed day and the blocks read back. */
async function check(
  readings: readonly SensorReading[],
  written: WrittenState,
  ledger: LedgerReader = newRecordedLedger(),
): Promise<{ days: CheckedDay[]; blockReads: number }> {
  let blockReads = 0;
  const counting: LedgerReader = {
    ...ledger,
    blockByNumber: (n) => {
      blockReads++;
      return ledger.blockByNumber(n);
    },
  };
  const readingsCheck = new ReadingsCheck(
    manifest.shipmentId,
    shipment.profile,
    written,
    counting,
    manifest.chaincode,
  );
  const days: CheckedDay[] = [];
  for (const reading of readings) {
    const day = await readingsCheck.add(reading);
    if (day !== undefined) days.push(day);
  }
  const last = await readingsCheck.finish();
  if (last !== undefined) days.push(last);
  return { days, blockReads };
}

describe('ReadingsCheck over the recorded readings', () => {
  it('matches a day whose rebuilt rows are the stored value, without reading a block', async () => {
    const { days, blockReads } = await check(recorded, writtenState());
    expect(days).toEqual([
      {
        day: expect.objectContaining({
          sensorId: 'SEAL-1',
          count: 4,
          outOfRange: 1,
          matchedOnLedger: 4,
          maxMilliC: 9500,
        }) as unknown,
        discrepancies: [],
      },
    ]);
    expect(blockReads).toBe(0);
  });

  it('names the reading whose stored row was altered, reading the block back', async () => {
    const { days, blockReads } = await check(
      recorded,
      writtenState(true),
      newRecordedLedger({ tampered: true }),
    );
    expect(days[0]?.day.matchedOnLedger).toBe(3);
    expect(days[0]?.discrepancies).toEqual([
      expect.objectContaining({
        kind: 'VALUE_MISMATCH',
        transactionId: manifest.transactions.submitReadings,
        message: expect.stringMatching(/query reports 5000, ledger has 6000$/) as unknown,
      }),
    ]);
    expect(blockReads).toBe(1);
  });

  it('names humidity, location, a reading the ledger lacks and one the query left out', async () => {
    const [first, second, third] = recorded;
    const readings = [
      { ...first!, humidityPct: 41.5 },
      { ...second!, location: { lat: 1, lon: 2 } },
      { ...third!, timestampMs: third!.timestampMs + 1 },
    ];
    const { days } = await check(readings, writtenState());
    expect(days[0]?.day.matchedOnLedger).toBe(0);
    expect(days[0]?.discrepancies.map((d) => d.message)).toEqual([
      expect.stringContaining('humidity 41.5, ledger has null'),
      expect.stringContaining('another location'),
      expect.stringContaining('not on the ledger'),
      expect.stringContaining(
        `@${third!.timestampMs}: on the ledger, but the query did not report it`,
      ),
      expect.stringContaining(
        `@${recorded[3]!.timestampMs}: on the ledger, but the query did not report it`,
      ),
    ]);
  });

  it('flags a day no verified transaction wrote: its readings are not on the ledger', async () => {
    // Every readings transaction is in the shipment's history, so an unwritten day was invented.
    const { days } = await check(recorded, new WrittenState());
    expect(days[0]).toEqual({
      day: expect.objectContaining({ count: 4, matchedOnLedger: 0 }) as unknown,
      discrepancies: [
        expect.objectContaining({
          kind: 'VALUE_MISMATCH',
          message: expect.stringContaining('no verified transaction stored any') as unknown,
        }),
      ],
    });
  });

  it('flags readings the query attributes to another shipment, even when the rows match', async () => {
    const { days } = await check(
      recorded.map((reading) => ({ ...reading, shipmentId: 'SHP-OTHER' })),
      writtenState(),
    );
    expect(days[0]?.discrepancies.map((d) => d.message)).toEqual(
      recorded.map(() => expect.stringContaining('query reports shipment SHP-OTHER') as unknown),
    );
  });

  it('completes one day per sensor and UTC day, in query order', async () => {
    const base = recorded[0]!;
    const dayMs = 86_400_000;
    const readings = [
      { ...base, sensorId: 'A', timestampMs: 5 * dayMs - 1 },
      { ...base, sensorId: 'A', timestampMs: 5 * dayMs },
      { ...base, sensorId: 'A', timestampMs: 5 * dayMs + 1 },
      { ...base, sensorId: 'B', timestampMs: 5 * dayMs },
    ];
    const { days } = await check(readings, new WrittenState());
    expect(days.map((d) => [d.day.sensorId, d.day.day, d.day.count])).toEqual([
      ['A', '1970-01-05', 1],
      ['A', '1970-01-06', 2],
      ['B', '1970-01-06', 1],
    ]);
  });
});
