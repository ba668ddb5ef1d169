import 'reflect-metadata';
import {
  type TransactionName,
  alertEventName,
  parseAlertEventPayload,
  parseErrorEnvelope,
  splitCompositeKey,
  stateKeyAttributes,
  transactions,
  utf8Bytes,
} from '@coldtrace/protocol';
import { ColdChainContract } from './coldchaincontract';
import {
  batchJson,
  dispatcher,
  lotId,
  qa,
  sensorGateway,
  shipmentInTransit,
  shipper,
  startMs,
} from './testing/testfixtures';

/**
 * The contract between chaincode and client, tested from both ends: what the chaincode returns,
 * emits and stores goes through the readers the client library uses (`@coldtrace/protocol`'s
 * transaction table). A field one side adds, drops, renames or re-types fails here.
 */
const minuteMs = 60_000;
const results = new Map<TransactionName, string>();

async function scenario(): Promise<Awaited<ReturnType<typeof shipmentInTransit>>> {
  const ledger = await shipmentInTransit();
  const call = async (identity: typeof shipper, name: TransactionName, ...args: string[]) => {
    const text = await ledger.invoke(identity, name, ...args);
    results.set(name, text);
    return text;
  };
  // The fixture ran these for SHP-1 already; a second lot and shipment record their results.
  await call(
    shipper,
    'RegisterLot',
    JSON.stringify({
      gtin: '09506000134352',
      lotNumber: 'L2',
      expiry: '2027-06-30',
      productName: 'Vaccine X',
      profile: 'refrigerated-2-8',
    }),
  );
  await call(
    shipper,
    'CreateShipment',
    JSON.stringify({
      shipmentId: 'SHP-2',
      lots: [{ lotId, quantity: 5 }],
      origin: { name: 'Basel DC' },
      destination: { gln: '9506000134352', name: 'Nairobi CMS' },
    }),
  );
  await call(shipper, 'OfferCustody', 'SHP-2', 'LogisticsMSP');
  await call(dispatcher, 'AcceptCustody', 'SHP-2');
  const readings = JSON.parse(
    batchJson('B1', [
      { sensorId: 'L7', ms: startMs + minuteMs, celsius: 5 },
      { sensorId: 'L7', ms: startMs + 10 * minuteMs, celsius: 30 },
      { sensorId: 'L7', ms: startMs + 20 * minuteMs, celsius: 5 },
    ]),
  ) as { batchId: string; readings: Record<string, unknown>[] };
  readings.readings[0] = { ...readings.readings[0], humidity: 41.5, location: { lat: 1, lon: 2 } };
  await call(sensorGateway, 'SubmitReadings', 'SHP-1', JSON.stringify(readings));
  const alerts = (
    JSON.parse(await call(qa, 'GetAlertsByShipment', 'SHP-1', '10', '')) as {
      items: { alertId: string }[];
    }
  ).items;
  await call(qa, 'AcknowledgeAlert', 'SHP-1', alerts[0]?.alertId ?? '', 'checked');
  await call(qa, 'DisposeShipment', 'SHP-1', 'RELEASE', 'stability data cover it');
  await call(dispatcher, 'ConfirmDelivery', 'SHP-1');
  await call(qa, 'GetLot', lotId);
  await call(qa, 'GetShipment', 'SHP-1');
  await call(qa, 'GetShipmentHistory', 'SHP-1', '3', '');
  await call(qa, 'GetReadings', 'SHP-1', '0', String(Number.MAX_SAFE_INTEGER), '2', '');
  await call(qa, 'GetAlertsByLot', lotId, '10', '');
  await call(qa, 'GetOpenAlerts', '10', '');
  await call(qa, 'GetLotHistory', lotId, '2', '');
  await call(qa, 'ListProfilePresets');
  return ledger;
}

describe('protocol contract: chaincode output read by the client readers', () => {
  let ledger: Awaited<ReturnType<typeof shipmentInTransit>>;
  beforeAll(async () => {
    ledger = await scenario();
  });

  it('the transaction table is the contract metadata: names, arguments, submit or evaluate', () => {
    const metadata = Reflect.getMetadata('fabric:transactions', ColdChainContract.prototype) as {
      name: string;
      tag: string[];
      parameters?: { name: string }[];
    }[];
    const fromContract = metadata
      .map((tx) => ({
        name: tx.name,
        kind: tx.tag[0] === 'SUBMIT' ? 'submit' : 'evaluate',
        args: (tx.parameters ?? []).map((p) => p.name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const fromTable = Object.values(transactions)
      .map(({ name, kind, args }) => ({ name, kind, args: [...args] }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(fromTable).toEqual(fromContract);
  });

  it.each(Object.keys(transactions) as TransactionName[])(
    'reads the result of %s without losing or changing a field',
    (name) => {
      const text = results.get(name);
      expect(text).toBeDefined();
      const read = transactions[name].readResult(utf8Bytes(text ?? ''));
      expect(read).toEqual(JSON.parse(text ?? ''));
    },
  );

  it('reads every alert event payload the chaincode emitted', () => {
    const events = ledger.events.filter((event) => event.name === alertEventName);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const payload = parseAlertEventPayload(utf8Bytes(event.payload));
      expect(payload).toEqual(JSON.parse(event.payload));
      expect(payload.txId).toBe(event.txId);
    }
  });

  it('stores every key in the documented layout', () => {
    for (const key of ledger.state.keys()) {
      const parsed = splitCompositeKey(key);
      expect(parsed).toBeDefined();
      if (parsed !== undefined) {
        expect(parsed.attributes).toHaveLength(stateKeyAttributes[parsed.objectType].length);
      }
    }
  });

  it('fails with an error envelope the client can parse', async () => {
    const error = await ledger.invoke(qa, 'GetShipment', 'NOPE').catch((e: unknown) => e);
    expect(parseErrorEnvelope(error instanceof Error ? error.message : '')).toMatchObject({
      code: 'NOT_FOUND',
      field: 'shipmentId',
      rule: 'exists',
    });
  });
});
