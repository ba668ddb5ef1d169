import { type ShipmentEvent, JsonReader, readShipmentEvent } from '@coldtrace/protocol';
import { alertKey, eventKey, lotKey, shipmentKey } from './statekey';
import { manifest, recordedAnswer, recordedTransactions } from './testing/recordedledger';
import { compareHistoryTime, compareValue } from './valuecomparison';
import { WrittenState } from './writtenstate';

function writtenState(): WrittenState {
  const written = new WrittenState();
  for (const { block, transaction } of recordedTransactions()) {
    written.add(block.number, transaction, manifest.chaincode);
  }
  return written;
}

const withRaw = (raw: unknown, change: Record<string, unknown>): unknown => ({
  ...(raw as Record<string, unknown>),
  ...change,
});

describe('value comparison at the keys of the state layout', () => {
  const written = writtenState();
  const shipment = recordedAnswer('GetShipment');
  const history = (recordedAnswer('GetShipmentHistory') as { items: unknown[] }).items;
  const [alert] = (recordedAnswer('GetAlertsByShipment') as { items: unknown[] }).items;
  const lot = recordedAnswer('GetLot');
  const id = manifest.shipmentId;

  it('finds the recorded shipment, its events, its alert and its lot as written', () => {
    expect(compareValue('shipment', shipment, shipmentKey(id), written)).toEqual([]);
    history.forEach((event, i) => {
      expect(compareValue('event', event, eventKey(id, i + 1), written)).toEqual([]);
    });
    expect(compareValue('alert', alert, alertKey(id, manifest.alertId), written)).toEqual([]);
    expect(compareValue('lot', lot, lotKey(manifest.lotId), written)).toEqual([]);
  });

  it('names the value when the query reports another one than was written', () => {
    expect(
      compareValue(
        `shipment ${id}`,
        withRaw(shipment, { status: 'DELIVERED' }),
        shipmentKey(id),
        written,
      ),
    ).toEqual([
      {
        kind: 'VALUE_MISMATCH',
        message: expect.stringContaining(`shipment ${id}: query result differs`) as unknown,
      },
    ]);
    expect(
      compareValue(
        'alert',
        withRaw(alert, { severity: 'CRITICAL' }),
        alertKey(id, manifest.alertId),
        written,
      ),
    ).toHaveLength(1);
  });

  it('reports a value with no write at its key among the verified transactions', () => {
    expect(
      compareValue('shipment', shipment, shipmentKey(id), new WrittenState())[0]?.message,
    ).toMatch(/no write of it/);
  });

  it("reports a history event whose time is not its transaction's", () => {
    const event: ShipmentEvent = readShipmentEvent(new JsonReader(history[0], 'event'));
    const times = new Map([[event.txId, { timestampMs: event.timestampMs, blockNumber: 6 }]]);
    expect(compareHistoryTime(event, times)).toEqual([]);
    expect(
      compareHistoryTime(event, new Map([[event.txId, { timestampMs: 1, blockNumber: 6 }]])),
    ).toEqual([
      expect.objectContaining({
        kind: 'TIMESTAMP_MISMATCH',
        transactionId: event.txId,
        blockNumber: 6,
      }),
    ]);
  });
});
