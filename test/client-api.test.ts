// Every public method of ColdtraceClient against the live network, through
// @coldtrace/gateway-client imported from the package root: one lot, a shipment that goes from
// creation to delivery with readings and an acknowledged alert, and a second shipment of the same
// lot that is quarantined and rejected. The steps share state and run in order.
import {
  AccessDeniedError,
  type ColdtraceClient,
  ConfigurationError,
  ConflictError,
  connect,
  CustodyError,
  defaultOldReadingWindowMs,
  type ExcursionAlert,
  type Lot,
  NotFoundError,
  type ProvenanceSink,
  type SensorReadingInput,
  type ShipmentEvent,
  type ShipmentProvenance,
  type TransactionEvidence,
} from '@coldtrace/gateway-client';
import { readFileSync } from 'node:fs';
import {
  closeParties,
  collect,
  connectParties,
  connectUser,
  type Parties,
  peersInSync,
  profileOf,
  readingsAt,
  registerLot,
} from './support/coldtrace';
import { uniqueId } from './support/network';

interface ProfileJson {
  mspId: string;
  peer: { endpoint: string; hostAlias?: string; tlsCACertPath: string };
  users: Record<string, { certPath: string; keyPath: string }>;
}

/** A sink keeping what a verification of a small subject reports, for the assertions. */
function collectingSink() {
  const detail = {
    history: [] as ShipmentEvent[],
    alerts: [] as ExcursionAlert[],
    summaries: [] as ShipmentProvenance[],
    transactions: [] as TransactionEvidence[],
  };
  const sink: ProvenanceSink = {
    history: (events) => {
      detail.history.push(...events);
    },
    alerts: (alerts) => {
      detail.alerts.push(...alerts);
    },
    shipmentSummary: (summary) => {
      detail.summaries.push(summary);
    },
    transactions: (evidence) => {
      detail.transactions.push(...evidence);
    },
  };
  return { ...detail, sink };
}

function readingKey(sensorId: string, timestampMs: number): string {
  return `${sensorId}@${timestampMs}`;
}

function expectedReadings(
  inputs: readonly SensorReadingInput[],
): { key: string; milliC: number }[] {
  return inputs
    .map((r) => ({
      key: readingKey(r.sensorId, Date.parse(r.timestamp)),
      sensorId: r.sensorId,
      ms: Date.parse(r.timestamp),
      milliC: Math.round(r.value * 1000),
    }))
    .sort((a, b) => a.sensorId.localeCompare(b.sensorId) || a.ms - b.ms)
    .map(({ key, milliC }) => ({ key, milliC }));
}

describe('ColdtraceClient, every public method on the live network', () => {
  let parties: Parties;
  let lot: Lot;
  let shipmentId: string;
  let quarantinedId: string;
  let readings: SensorReadingInput[];
  let alert: ExcursionAlert;

  beforeAll(async () => {
    parties = await connectParties();
  });

  afterAll(() => {
    closeParties(parties);
  });

  it('connects from a profile path, naming the organisation, channel and chaincode', () => {
    expect(parties.shipper.mspId).toBe('PharmaMSP');
    expect(parties.carrier.mspId).toBe('LogisticsMSP');
    expect(parties.auditor.mspId).toBe('AuditorMSP');
    expect(parties.qa.channel).toBe('coldchain');
    expect(parties.qa.chaincode).toBe('coldtrace');
  });

  it('refuses a user the profile does not list with a ConfigurationError', async () => {
    await expect(connectUser('PharmaMSP', 'nobody')).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('registers a lot and reads it back identically as every organisation', async () => {
    lot = await registerLot(parties.shipper);

    expect(lot.lotId).toBe(`${lot.gtin}:${lot.lotNumber}`);
    expect(lot.registeredBy).toMatchObject({ mspId: 'PharmaMSP', role: 'shipper' });
    expect(lot.profile.name).toBe('refrigerated-2-8');
    for (const reader of [parties.qa, parties.dispatcher, parties.auditor]) {
      expect(await reader.lots.get(lot.lotId)).toEqual(lot);
    }
  });

  it('throws NotFoundError for an unknown lot and AccessDeniedError for an auditor write', async () => {
    await expect(parties.qa.lots.get(`${lot.gtin}:NOPE-${Date.now()}`)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      parties.auditor.lots.register({
        gtin: lot.gtin,
        lotNumber: uniqueId('A').slice(0, 20),
        expiry: '2028-03-31',
        productName: 'not allowed',
        profile: 'refrigerated-2-8',
      }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it('connects with an explicit endpoint, TLS CA, certificate and key; close() is safe twice', async () => {
    const profile = JSON.parse(readFileSync(profileOf('AuditorMSP'), 'utf8')) as ProfileJson;
    const user = profile.users.auditor!;
    const client: ColdtraceClient = await connect({
      connection: {
        endpoint: profile.peer.endpoint,
        ...(profile.peer.hostAlias !== undefined ? { hostAlias: profile.peer.hostAlias } : {}),
        tlsCACert: readFileSync(profile.peer.tlsCACertPath),
        mspId: profile.mspId,
        certificate: readFileSync(user.certPath, 'utf8'),
        privateKey: readFileSync(user.keyPath),
      },
    });

    expect(client.mspId).toBe('AuditorMSP');
    expect(await client.lots.get(lot.lotId)).toEqual(lot);
    client.close();
    expect(() => {
      client.close();
    }).not.toThrow();
    await expect(client.lots.get(lot.lotId)).rejects.toThrow();
  });

  it('creates a shipment; only the custodian offers custody, only the offered party accepts', async () => {
    shipmentId = uniqueId('SHP');
    const created = await parties.shipper.shipments.create({
      shipmentId,
      lots: [{ lotId: lot.lotId, quantity: 240 }],
      origin: { name: 'Pharma DC, Frankfurt' },
      destination: { gln: '0614141000005', name: 'Hospital pharmacy, Porto' },
    });
    expect(created).toMatchObject({
      shipmentId,
      status: 'CREATED',
      ownerMspId: 'PharmaMSP',
      custodianMspId: 'PharmaMSP',
      readingCount: 0,
      oldReadingWindowMs: defaultOldReadingWindowMs,
    });
    // GetShipment adds the reading flags it sums from the sensors (none yet).
    expect(await parties.auditor.shipments.get(shipmentId)).toEqual({
      ...created,
      readingFlags: { oldReadings: 0, earliestOldReadingMs: null, conflicts: 0 },
    });

    await expect(
      parties.dispatcher.custody.offer(shipmentId, 'LogisticsMSP'),
    ).rejects.toBeInstanceOf(CustodyError);
    const offered = await parties.shipper.custody.offer(shipmentId, 'LogisticsMSP');
    await peersInSync(parties);
    expect(offered.pendingHandover).toMatchObject({
      fromMspId: 'PharmaMSP',
      toMspId: 'LogisticsMSP',
    });
    await expect(parties.shipper.custody.accept(shipmentId)).rejects.toBeInstanceOf(CustodyError);

    const accepted = await parties.dispatcher.custody.accept(shipmentId);
    await peersInSync(parties);

    expect(accepted).toMatchObject({ status: 'IN_TRANSIT', custodianMspId: 'LogisticsMSP' });
    expect(accepted.pendingHandover).toBeNull();
    expect(accepted.handovers).toHaveLength(1);
    expect(accepted.handovers[0]?.acceptedBy).toMatchObject({ mspId: 'LogisticsMSP' });
    expect(accepted.transitStartedAtMs).toBeGreaterThan(0);
  });

  it('ingests readings from two loggers and pages through them', async () => {
    // After the acceptance, 10 s apart: the carrier is the custodian for every reading.
    const start = Date.now() + 1000;
    readings = [
      ...readingsAt('LOGGER-A', start, [5.0, 5.5, 9.5, 6.0, 5.8, 5.2]),
      ...readingsAt('LOGGER-B', start + 5000, [4.1, 4.3, 4.2, 4.4, 4.0, 4.6]),
    ];

    const summary = await parties.carrier.readings
      .newIngestion({ maxBatchSize: 5 })
      .ingest([{ shipmentId, readings }]);

    expect(summary).toMatchObject({ committedBatches: 3, failedBatches: 0, committedReadings: 12 });
    await peersInSync(parties);
    expect((await parties.qa.shipments.get(shipmentId)).readingCount).toBe(12);

    const expected = expectedReadings(readings);
    const first = await parties.qa.readings.page(shipmentId, { pageSize: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.bookmark).not.toBe('');
    const second = await parties.qa.readings.page(shipmentId, {
      pageSize: 5,
      bookmark: first.bookmark,
    });
    expect(second.items).toHaveLength(5);
    const all = await collect(parties.auditor.readings.all(shipmentId, { pageSize: 5 }));
    const asRows = all.map((r) => ({
      key: readingKey(r.sensorId, r.timestampMs),
      milliC: r.milliC,
    }));
    expect(asRows).toEqual(expected);
    expect([...first.items, ...second.items].map((r) => r.timestampMs)).toEqual(
      all.slice(0, 10).map((r) => r.timestampMs),
    );

    // Inclusive window: the 2nd to 4th reading of LOGGER-A and the 2nd and 3rd of LOGGER-B.
    const fromMs = start + 10_000;
    const toMs = start + 30_000;
    const windowed = await collect(parties.qa.readings.all(shipmentId, { fromMs, toMs }));
    expect(windowed.map((r) => readingKey(r.sensorId, r.timestampMs))).toEqual([
      readingKey('LOGGER-A', start + 10_000),
      readingKey('LOGGER-A', start + 20_000),
      readingKey('LOGGER-A', start + 30_000),
      readingKey('LOGGER-B', start + 15_000),
      readingKey('LOGGER-B', start + 25_000),
    ]);
  });

  it('finds the excursion by shipment, by lot and among the open alerts, across pages', async () => {
    const byShipment = await collect(parties.qa.alerts.byShipment(shipmentId));
    expect(byShipment).toHaveLength(1);
    expect((await parties.qa.alerts.byShipmentPage(shipmentId, { pageSize: 1 })).items).toEqual(
      byShipment,
    );
    alert = byShipment[0]!;
    expect(alert).toMatchObject({
      type: 'OUT_OF_RANGE',
      severity: 'WARNING',
      status: 'OPEN',
      shipmentId,
      sensorId: 'LOGGER-A',
      peakMilliC: 9500,
      custodianMspId: 'LogisticsMSP',
      lotIds: [lot.lotId],
    });
    expect(await collect(parties.auditor.alerts.byLot(lot.lotId))).toEqual(byShipment);
    expect((await parties.auditor.alerts.byLotPage(lot.lotId)).items).toEqual(byShipment);

    const onePage = await parties.qa.alerts.openPage({ pageSize: 1 });
    expect(onePage.items).toHaveLength(1);
    // Alert ids are unique within a shipment only: a logger file imported into two shipments
    // raises the same ids in both.
    const key = (a: ExcursionAlert): string => `${a.shipmentId}/${a.alertId}`;
    const unpaged = (await collect(parties.qa.alerts.open())).map(key);
    expect(unpaged).toContain(key(alert));
    // Pages of 7 go through the same list; the first 100 of them suffice (a long-lived network
    // holds tens of thousands of open alerts, and 7 at a time would take minutes).
    const paged: string[] = [];
    for await (const open of parties.qa.alerts.open({ pageSize: 7 })) {
      paged.push(key(open));
      if (paged.length === 700) break;
    }
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(unpaged.slice(0, 700));
  });

  it('acknowledges the alert once as QA; the auditor may not, and it leaves the open list', async () => {
    await expect(
      parties.auditor.alerts.acknowledge(shipmentId, alert.alertId, 'seen'),
    ).rejects.toBeInstanceOf(AccessDeniedError);

    const acknowledged = await parties.qa.alerts.acknowledge(
      shipmentId,
      alert.alertId,
      'Door opened at cross-dock; product within stability budget.',
    );

    expect(acknowledged).toMatchObject({ alertId: alert.alertId, status: 'ACKNOWLEDGED' });
    expect(acknowledged.acknowledgement).toMatchObject({
      comment: 'Door opened at cross-dock; product within stability budget.',
      by: { mspId: 'PharmaMSP', role: 'qa' },
    });
    await expect(
      parties.qa.alerts.acknowledge(shipmentId, alert.alertId, 'again'),
    ).rejects.toBeInstanceOf(ConflictError);
    const open = (await collect(parties.qa.alerts.open())).map((a) => a.alertId);
    expect(open).not.toContain(alert.alertId);
  });

  it('confirms delivery by the custodian, once', async () => {
    await peersInSync(parties);
    const delivered = await parties.dispatcher.custody.confirmDelivery(shipmentId);

    expect(delivered.status).toBe('DELIVERED');
    expect(delivered.deliveredAtMs).toBeGreaterThan(0);
    await expect(parties.dispatcher.custody.confirmDelivery(shipmentId)).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("pages through the shipment's history in seq order", async () => {
    const first = await parties.qa.shipments.historyPage(shipmentId, { pageSize: 2 });
    expect(first.items.map((e) => e.seq)).toEqual([1, 2]);
    expect(first.bookmark).not.toBe('');
    const second = await parties.qa.shipments.historyPage(shipmentId, {
      pageSize: 2,
      bookmark: first.bookmark,
    });
    expect(second.items.map((e) => e.seq)).toEqual([3, 4]);

    const all = await collect(parties.auditor.shipments.history(shipmentId, { pageSize: 2 }));

    expect(all.map((e) => e.type)).toEqual([
      'CREATED',
      'CUSTODY_OFFERED',
      'CUSTODY_ACCEPTED',
      'READINGS_SUBMITTED',
      'READINGS_SUBMITTED',
      'READINGS_SUBMITTED',
      'ALERT_ACKNOWLEDGED',
      'DELIVERED',
    ]);
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(all.at(-1)?.status).toBe('DELIVERED');
    expect((await parties.qa.shipments.get(shipmentId)).eventCount).toBe(8);
  });

  it('quarantines a second shipment of the lot on a freezing reading; QA rejects it', async () => {
    quarantinedId = uniqueId('SHP');
    await parties.shipper.shipments.create({
      shipmentId: quarantinedId,
      lots: [{ lotId: lot.lotId, quantity: 60 }],
      origin: { name: 'Pharma DC, Frankfurt' },
      destination: { name: 'Clinic, Braga' },
    });
    await parties.shipper.custody.offer(quarantinedId, 'LogisticsMSP');
    await peersInSync(parties);
    await parties.dispatcher.custody.accept(quarantinedId);
    await peersInSync(parties);
    await parties.carrier.readings
      .newIngestion()
      .ingest([
        { shipmentId: quarantinedId, readings: readingsAt('F-1', Date.now() + 1000, [4, -2]) },
      ]);
    await peersInSync(parties);
    expect((await parties.qa.shipments.get(quarantinedId)).status).toBe('QUARANTINED');

    await expect(
      parties.qa.shipments.dispose(shipmentId, 'RELEASE', 'not quarantined'),
    ).rejects.toBeInstanceOf(ConflictError);
    const rejected = await parties.qa.shipments.dispose(
      quarantinedId,
      'REJECT',
      'Frozen at -2 °C: vaccine spoiled.',
    );

    expect(rejected).toMatchObject({ status: 'REJECTED', statusBeforeQuarantine: 'IN_TRANSIT' });
    expect(rejected.disposition).toMatchObject({
      decision: 'REJECT',
      by: { mspId: 'PharmaMSP', role: 'qa' },
    });
  });

  async function lotEventsByShipment(): Promise<ShipmentEvent[]> {
    const [firstId, secondId] = [shipmentId, quarantinedId].sort();
    return [
      ...(await collect(parties.qa.shipments.history(firstId!))),
      ...(await collect(parties.qa.shipments.history(secondId!))),
    ];
  }

  it("lists the lot's history across both shipments, paging within the first", async () => {
    const first = await parties.qa.lots.historyPage(lot.lotId, { pageSize: 3 });
    expect(first.lot).toEqual(lot);
    // The shipments of this page's events: the first shipment (by id) only.
    expect(first.shipmentIds).toEqual([[shipmentId, quarantinedId].sort()[0]]);
    expect(first.items).toHaveLength(3);
    expect(first.bookmark).not.toBe('');
    const second = await parties.qa.lots.historyPage(lot.lotId, {
      pageSize: 3,
      bookmark: first.bookmark,
    });
    const expected = await lotEventsByShipment();
    expect([...first.items, ...second.items]).toEqual(expected.slice(0, 6));

    const all = await collect(parties.auditor.lots.history(lot.lotId));

    expect(all).toEqual(expected);
    expect(all.filter((e) => e.shipmentId === quarantinedId).map((e) => e.type)).toEqual([
      'CREATED',
      'CUSTODY_OFFERED',
      'CUSTODY_ACCEPTED',
      'READINGS_SUBMITTED',
      'DISPOSED',
    ]);
  });

  it("pages through the lot's history across the boundary between shipments", async () => {
    const all = await collect(parties.auditor.lots.history(lot.lotId, { pageSize: 3 }));

    expect(all).toEqual(await lotEventsByShipment());
  });

  it("verifies the shipment and the lot on the auditor's own peer", async () => {
    const verifier = parties.auditor.provenance();

    const detail = collectingSink();
    const shipmentReport = await verifier.verifyShipment(shipmentId, { sink: detail.sink });

    expect(shipmentReport.discrepancies).toEqual([]);
    expect(shipmentReport.verdict).toBe('VERIFIED');
    expect(shipmentReport.verifiedOnMspId).toBe('AuditorMSP');
    expect(shipmentReport.subject).toEqual({ kind: 'shipment', id: shipmentId });
    const [provenance] = detail.summaries;
    expect(provenance?.readings).toMatchObject({
      count: 12,
      matchedOnLedger: 12,
      outOfRange: 1,
      sensors: ['LOGGER-A', 'LOGGER-B'],
    });
    expect(provenance?.alerts).toMatchObject({ count: 1, acknowledged: 1 });
    expect(detail.alerts.map((a) => a.alertId)).toEqual([alert.alertId]);
    const checked = detail.transactions.map((t) => t.transactionId);
    expect(checked).toEqual(expect.arrayContaining(detail.history.map((e) => e.txId)));
    expect(detail.transactions.every((t) => t.validationCode === 'VALID')).toBe(true);
    expect(shipmentReport.transactionCount).toBe(detail.transactions.length);

    const lotDetail = collectingSink();
    const lotReport = await verifier.verifyLot(lot.lotId, { sink: lotDetail.sink });
    expect(lotReport.discrepancies).toEqual([]);
    expect(lotReport.verdict).toBe('VERIFIED');
    expect(lotReport.lot).toEqual(lot);
    expect(lotDetail.summaries.map((s) => s.shipment.shipmentId)).toEqual(
      [shipmentId, quarantinedId].sort(),
    );
    expect(lotDetail.transactions.map((t) => t.transactionId)).toContain(lot.txId);

    await expect(verifier.verifyShipment(uniqueId('SHP-NONE'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("reads the lot's transaction from the auditor's peer ledger", async () => {
    const info = await parties.auditor.ledger.chainInfo();
    const located = await parties.auditor.ledger.blockByTransactionId(lot.txId);
    const byNumber = await parties.auditor.ledger.blockByNumber(located.number);

    expect(located.number).toBeLessThan(info.height);
    expect(info.currentBlockHash).toHaveLength(32);
    expect(byNumber.number).toBe(located.number);
    expect(Buffer.from(byNumber.dataHash).equals(Buffer.from(located.dataHash))).toBe(true);
    expect(Buffer.concat(byNumber.data.map((d) => Buffer.from(d))).includes(lot.txId)).toBe(true);
  });
});
