import {
  alertPages,
  fetchLot,
  fetchShipment,
  historyPages,
  lotShipmentIds,
  readingPages,
  shipmentStateTransactionIds,
} from './provenancequeries';
import { manifest, newRecordedSubmitter, recordedAnswer } from './testing/recordedledger';
import type { TransactionSubmitter } from './transactionsubmitter';

async function collect<T>(pages: AsyncIterable<readonly T[]>): Promise<T[][]> {
  const result: T[][] = [];
  for await (const page of pages) result.push([...page]);
  return result;
}

/** The recorded submitter, answering `name` from `pages` by bookmark instead. */
function pagedAnswer(name: string, pages: Record<string, unknown>, calls: string[][]) {
  const recorded = newRecordedSubmitter();
  const paged: TransactionSubmitter = {
    ...recorded,
    evaluate(queryName, args) {
      if (queryName !== name) return recorded.evaluate(queryName, args);
      calls.push([...args]);
      return Promise.resolve(Buffer.from(JSON.stringify(pages[args.at(-1) ?? ''])));
    },
  };
  return paged;
}

describe('provenance queries, page by page', () => {
  it('read the recorded shipment, its history, readings and alerts, raw and parsed', async () => {
    const submitter = newRecordedSubmitter();
    const shipment = await fetchShipment(submitter, manifest.shipmentId);
    expect(shipment.value.shipmentId).toBe(manifest.shipmentId);
    expect(shipment.raw).toEqual(recordedAnswer('GetShipment'));
    const [history] = await collect(historyPages(submitter, manifest.shipmentId));
    expect(history?.map((e) => e.value.type)).toEqual([
      'CREATED',
      'CUSTODY_OFFERED',
      'CUSTODY_ACCEPTED',
      'READINGS_SUBMITTED',
      'ALERT_ACKNOWLEDGED',
    ]);
    expect(history?.map((e) => e.raw)).toEqual(
      (recordedAnswer('GetShipmentHistory') as { items: [] }).items,
    );
    expect((await collect(readingPages(submitter, manifest.shipmentId))).flat()).toHaveLength(4);
    const alerts = (await collect(alertPages(submitter, manifest.shipmentId))).flat();
    expect(alerts.map((a) => a.value.alertId)).toEqual([manifest.alertId]);
    expect(alerts.map((a) => a.raw)).toEqual(
      (recordedAnswer('GetAlertsByShipment') as { items: [] }).items,
    );
    expect((await fetchLot(submitter, manifest.lotId)).value.lotId).toBe(manifest.lotId);
  });

  it('follow bookmarks through every page, one page at a time, with the largest page size', async () => {
    const { items } = recordedAnswer('GetShipmentHistory') as { items: unknown[] };
    const calls: string[][] = [];
    const submitter = pagedAnswer(
      'GetShipmentHistory',
      {
        '': { items: items.slice(0, 2), bookmark: 'b1' },
        b1: { items: items.slice(2, 4), bookmark: 'b2' },
        b2: { items: items.slice(4), bookmark: '' },
      },
      calls,
    );
    const pages = await collect(historyPages(submitter, manifest.shipmentId));
    expect(pages.map((page) => page.map((e) => e.value.seq))).toEqual([[1, 2], [3, 4], [5]]);
    expect(calls).toEqual([
      [manifest.shipmentId, '1000', ''],
      [manifest.shipmentId, '1000', 'b1'],
      [manifest.shipmentId, '1000', 'b2'],
    ]);
  });

  it("name each of the lot's shipments once, though its events span pages", async () => {
    const page = recordedAnswer('GetLotHistory') as { items: { shipmentId: string }[] };
    const other = { ...page.items[0]!, shipmentId: 'SHP-OTHER' };
    const calls: string[][] = [];
    const submitter = pagedAnswer(
      'GetLotHistory',
      {
        '': {
          ...page,
          items: page.items.slice(0, 2),
          shipmentIds: [manifest.shipmentId],
          bookmark: 'b1',
        },
        b1: {
          ...page,
          items: [...page.items.slice(2), other],
          shipmentIds: [manifest.shipmentId, 'SHP-OTHER'],
          bookmark: '',
        },
      },
      calls,
    );
    expect(await lotShipmentIds(submitter, manifest.lotId)).toEqual([
      manifest.shipmentId,
      'SHP-OTHER',
    ]);
    expect(calls).toHaveLength(2);
  });

  it('pass a failed query on', async () => {
    const failure = new Error('unavailable');
    const failing: TransactionSubmitter = {
      ...newRecordedSubmitter(),
      evaluate: (name, args) =>
        name === 'GetReadings'
          ? Promise.reject(failure)
          : newRecordedSubmitter().evaluate(name, args),
    };
    await expect(collect(readingPages(failing, manifest.shipmentId))).rejects.toBe(failure);
  });

  it("name the custody chain's transactions of the shipment state", async () => {
    const shipment = await fetchShipment(newRecordedSubmitter(), manifest.shipmentId);
    expect(shipmentStateTransactionIds(shipment.value)).toEqual([
      manifest.transactions.offerCustody,
      manifest.transactions.acceptCustody,
    ]);
  });
});
