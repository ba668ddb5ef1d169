import {
  fetchLotFacts,
  fetchShipmentFacts,
  lotTransactionIds,
  shipmentTransactionIds,
} from './provenancequeries';
import { manifest, newRecordedSubmitter, recordedAnswer } from './testing/recordedledger';
import type { TransactionSubmitter } from './transactionsubmitter';

describe('fetchShipmentFacts', () => {
  it('reads the recorded shipment, its history, readings and alerts, raw and parsed', async () => {
    const facts = await fetchShipmentFacts(newRecordedSubmitter(), manifest.shipmentId);
    expect(facts.shipment.shipmentId).toBe(manifest.shipmentId);
    expect(facts.history.map((e) => e.type)).toEqual([
      'CREATED',
      'CUSTODY_OFFERED',
      'CUSTODY_ACCEPTED',
      'READINGS_SUBMITTED',
      'ALERT_ACKNOWLEDGED',
    ]);
    expect(facts.rawHistory).toEqual((recordedAnswer('GetShipmentHistory') as { items: [] }).items);
    expect(facts.readings).toHaveLength(4);
    expect(facts.alerts.map((a) => a.alertId)).toEqual([manifest.alertId]);
    expect(facts.rawAlerts).toEqual(recordedAnswer('GetAlertsByShipment'));
  });

  it('follows bookmarks through every page of the history', async () => {
    const recorded = newRecordedSubmitter();
    const { items } = recordedAnswer('GetShipmentHistory') as { items: unknown[] };
    const calls: string[][] = [];
    const paged: TransactionSubmitter = {
      ...recorded,
      evaluate(name, args) {
        if (name !== 'GetShipmentHistory') {
          return recorded.evaluate(name, args);
        }
        calls.push([...args]);
        const page =
          args[2] === ''
            ? { items: items.slice(0, 2), bookmark: 'b1' }
            : args[2] === 'b1'
              ? { items: items.slice(2, 4), bookmark: 'b2' }
              : { items: items.slice(4), bookmark: '' };
        return Promise.resolve(Buffer.from(JSON.stringify(page)));
      },
    };
    const facts = await fetchShipmentFacts(paged, manifest.shipmentId);
    expect(facts.history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toEqual([
      [manifest.shipmentId, '1000', ''],
      [manifest.shipmentId, '1000', 'b1'],
      [manifest.shipmentId, '1000', 'b2'],
    ]);
  });

  it('passes a failed query on', async () => {
    const failure = new Error('unavailable');
    const failing: TransactionSubmitter = {
      ...newRecordedSubmitter(),
      evaluate: (name, args) =>
        name === 'GetReadings'
          ? Promise.reject(failure)
          : newRecordedSubmitter().evaluate(name, args),
    };
    await expect(fetchShipmentFacts(failing, manifest.shipmentId)).rejects.toBe(failure);
  });
});

describe('transaction ids', () => {
  it('are every transaction the shipment names, each handover and alert step included', async () => {
    const facts = await fetchShipmentFacts(newRecordedSubmitter(), manifest.shipmentId);
    const ids = new Set(shipmentTransactionIds(facts));
    const { registerLot, ...shipmentTransactions } = manifest.transactions;
    expect([...ids]).toEqual(expect.arrayContaining(Object.values(shipmentTransactions)));
    expect(ids.has(registerLot)).toBe(false);
    expect(ids.size).toBe(5);
  });

  it('of a lot start with its registration and cover its shipments', async () => {
    const lot = await fetchLotFacts(newRecordedSubmitter(), manifest.lotId);
    expect(lot.shipmentIds).toEqual([manifest.shipmentId]);
    expect(lotTransactionIds(lot)[0]).toBe(manifest.transactions.registerLot);
    expect(lotTransactionIds(lot)).toHaveLength(6);
  });
});
