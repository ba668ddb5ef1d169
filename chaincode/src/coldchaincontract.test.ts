import type { ReadingsReceipt } from '@coldtrace/protocol';
import { KeyEndorsementPolicy } from 'fabric-shim';
import type { ExcursionAlert } from './excursionalert';
import { TestIdentity } from './testing/inmemoryledger';
import type { Shipment } from './shipment';
import {
  alertsJson,
  allPages,
  auditor,
  batchJson,
  dispatcher,
  expectError,
  gtin,
  lotId,
  qa,
  sensorGateway,
  shipmentInTransit,
  shipper,
  startMs,
} from './testing/testfixtures';

const minute = 60_000;

function readingsEvery5Min(sensorId: string, celsius: readonly number[], fromMs = startMs) {
  return celsius.map((c, i) => ({ sensorId, ms: fromMs + i * 5 * minute, celsius: c }));
}

function policyOrgs(bytes: Uint8Array | undefined): string[] {
  return new KeyEndorsementPolicy(bytes).listOrgs().sort();
}

describe('ColdChainContract lifecycle', () => {
  it('moves custody in two steps and lets the key-level policy follow custody', async () => {
    const ledger = await shipmentInTransit();
    const shipment = JSON.parse(await ledger.invoke(auditor, 'GetShipment', 'SHP-1')) as Shipment;
    expect(shipment).toMatchObject({
      status: 'IN_TRANSIT',
      custodianMspId: 'LogisticsMSP',
      transitStartedAtMs: startMs,
    });
    expect(shipment.handovers[0]).toMatchObject({
      fromMspId: 'PharmaMSP',
      toMspId: 'LogisticsMSP',
      acceptedAtMs: startMs,
    });
    expect(shipment.endorsingMspIds).toEqual(['LogisticsMSP', 'PharmaMSP']);
    const key = [...ledger.validationParameters.keys()].find((k) => k.includes('shipment'));
    expect(policyOrgs(ledger.validationParameters.get(key!))).toEqual([
      'LogisticsMSP',
      'PharmaMSP',
    ]);

    await ledger.invoke(dispatcher, 'OfferCustody', 'SHP-1', 'PharmaMSP');
    await ledger.invoke(shipper, 'AcceptCustody', 'SHP-1');
    expect(policyOrgs(ledger.validationParameters.get(key!))).toEqual(['AuditorMSP', 'PharmaMSP']);
    const delivered = JSON.parse(
      await ledger.invoke(shipper, 'ConfirmDelivery', 'SHP-1'),
    ) as Shipment;
    expect(delivered.status).toBe('DELIVERED');
  });

  it("pages a lot's history across the boundary between its shipments", async () => {
    const ledger = await shipmentInTransit();
    for (const shipmentId of ['SHP-2', 'SHP-3']) {
      await ledger.invoke(
        shipper,
        'CreateShipment',
        JSON.stringify({
          shipmentId,
          lots: [{ lotId, quantity: 1 }],
          origin: { name: 'A' },
          destination: { name: 'B' },
        }),
      );
    }
    const onePage = JSON.parse(await ledger.invoke(qa, 'GetLotHistory', lotId, '100', '')) as {
      items: { shipmentId: string; seq: number }[];
    };
    const events = (items: { shipmentId: string; seq: number }[]) =>
      items.map((e) => `${e.shipmentId}#${e.seq}`);
    expect(events(onePage.items)).toEqual(['SHP-1#1', 'SHP-1#2', 'SHP-1#3', 'SHP-2#1', 'SHP-3#1']);

    const paged: string[] = [];
    let bookmark = '';
    do {
      const page = JSON.parse(await ledger.invoke(qa, 'GetLotHistory', lotId, '2', bookmark)) as {
        items: { shipmentId: string; seq: number }[];
        bookmark: string;
      };
      paged.push(...events(page.items));
      bookmark = page.bookmark;
    } while (bookmark !== '' && paged.length < 20);

    expect(paged).toEqual(events(onePage.items));
  });

  it('sets the owner-plus-auditor policy when the shipment is created', async () => {
    const ledger = await shipmentInTransit();
    // Before custody moved, the policy was Pharma + Auditor: check from a fresh shipment.
    await ledger.invoke(
      shipper,
      'CreateShipment',
      JSON.stringify({
        shipmentId: 'SHP-2',
        lots: [{ lotId, quantity: 1 }],
        origin: { name: 'A' },
        destination: { name: 'B' },
      }),
    );
    const key = [...ledger.validationParameters.keys()].find((k) => k.includes('SHP-2'));
    expect(policyOrgs(ledger.validationParameters.get(key!))).toEqual(['AuditorMSP', 'PharmaMSP']);
  });

  it('quarantines on a CRITICAL alert in the same transaction, emits one event, and needs QA to release', async () => {
    const ledger = await shipmentInTransit();
    ledger.timeMs = startMs + 15 * minute;
    const receipt = JSON.parse(
      await ledger.invoke(
        sensorGateway,
        'SubmitReadings',
        'SHP-1',
        batchJson('B1', readingsEvery5Min('S1', [5, -0.5, 5])),
      ),
    ) as ReadingsReceipt;
    expect(receipt).toMatchObject({ stored: 3, shipmentStatus: 'QUARANTINED' });
    // CRITICAL first: what quarantined the shipment leads the receipt.
    expect(receipt.alerts).toEqual([
      {
        alertId: `HARD_LIMIT:freezing:S1:${startMs + 5 * minute}`,
        change: 'RAISED',
        type: 'HARD_LIMIT',
        severity: 'CRITICAL',
        status: 'OPEN',
      },
      {
        alertId: `OUT_OF_RANGE:range:S1:${startMs + 5 * minute}`,
        change: 'RAISED',
        type: 'OUT_OF_RANGE',
        severity: 'WARNING',
        status: 'OPEN',
      },
    ]);
    expect(receipt.alertCounts).toEqual({ raised: 2, changed: 0, withdrawn: 0 });
    const event = ledger.events.at(-1)!;
    expect(event.name).toBe('coldtrace.alerts');
    const payload = JSON.parse(event.payload) as {
      schema: string;
      txId: string;
      alerts: ExcursionAlert[];
    };
    expect(payload.schema).toBe('coldtrace.alerts/v1');
    expect(payload.txId).toBe(event.txId);
    expect(payload.alerts.map((a) => a.alertId)).toEqual(receipt.alerts.map((a) => a.alertId));
    expect(payload.alerts[0]).toMatchObject({
      custodianMspId: 'LogisticsMSP',
      lotIds: [lotId],
      status: 'OPEN',
    });

    await expectError(ledger.invoke(shipper, 'DisposeShipment', 'SHP-1', 'RELEASE', 'checked'), {
      code: 'ACCESS_DENIED',
    });
    const released = JSON.parse(
      await ledger.invoke(qa, 'DisposeShipment', 'SHP-1', 'RELEASE', 'stability data ok'),
    ) as Shipment;
    expect(released).toMatchObject({
      status: 'IN_TRANSIT',
      statusBeforeQuarantine: 'IN_TRANSIT',
      quarantinedAtMs: startMs + 15 * minute,
      disposition: { decision: 'RELEASE', reason: 'stability data ok' },
    });
  });

  it('returns a delivered shipment released from quarantine to DELIVERED: it cannot move again', async () => {
    const ledger = await shipmentInTransit();
    const deliveredAtMs = ledger.timeMs;
    await ledger.invoke(dispatcher, 'ConfirmDelivery', 'SHP-1');
    // The logger's transit readings arrive after delivery, one of them frozen.
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B1', readingsEvery5Min('S1', [5, -0.5, 5])),
    );
    const quarantined = JSON.parse(await ledger.invoke(qa, 'GetShipment', 'SHP-1')) as Shipment;
    expect(quarantined).toMatchObject({
      status: 'QUARANTINED',
      statusBeforeQuarantine: 'DELIVERED',
    });

    const released = JSON.parse(
      await ledger.invoke(qa, 'DisposeShipment', 'SHP-1', 'RELEASE', 'freeze indicator intact'),
    ) as Shipment;
    await expectError(ledger.invoke(dispatcher, 'OfferCustody', 'SHP-1', 'PharmaMSP'), {
      code: 'INVALID_STATE',
      field: 'status',
      rule: 'active',
    });
    expect(released).toMatchObject({
      status: 'DELIVERED',
      deliveredAtMs,
      disposition: { decision: 'RELEASE', reason: 'freeze indicator intact' },
    });
    await expectError(ledger.invoke(dispatcher, 'ConfirmDelivery', 'SHP-1'), {
      code: 'INVALID_STATE',
      rule: 'deliverable',
    });
    const history = JSON.parse(
      await ledger.invoke(auditor, 'GetShipmentHistory', 'SHP-1', '100', ''),
    ) as { items: { type: string; status: string; summary: string }[] };
    expect(history.items.at(-1)).toMatchObject({
      type: 'DISPOSED',
      status: 'DELIVERED',
      summary: 'RELEASE: freeze indicator intact',
    });
  });

  it('records delivery of a quarantined shipment, which QA then releases as delivered', async () => {
    const ledger = await shipmentInTransit();
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B1', readingsEvery5Min('S1', [5, -0.5, 5])),
    );
    const delivered = JSON.parse(
      await ledger.invoke(dispatcher, 'ConfirmDelivery', 'SHP-1'),
    ) as Shipment;
    expect(delivered).toMatchObject({
      status: 'QUARANTINED',
      statusBeforeQuarantine: 'DELIVERED',
      deliveredAtMs: ledger.timeMs,
    });
    const released = JSON.parse(
      await ledger.invoke(qa, 'DisposeShipment', 'SHP-1', 'RELEASE', 'within stability budget'),
    ) as Shipment;
    expect(released.status).toBe('DELIVERED');
  });

  it('clears the previous decision when a released shipment is quarantined again', async () => {
    const ledger = await shipmentInTransit();
    ledger.timeMs = startMs + 15 * minute;
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B1', readingsEvery5Min('S1', [5, -0.5, 5])),
    );
    await ledger.invoke(qa, 'DisposeShipment', 'SHP-1', 'RELEASE', 'first excursion accepted');
    ledger.timeMs = startMs + 30 * minute;
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B2', readingsEvery5Min('S1', [5, 30, 5], startMs + 15 * minute)),
    );
    const again = JSON.parse(await ledger.invoke(qa, 'GetShipment', 'SHP-1')) as Shipment;
    expect(again).toMatchObject({
      status: 'QUARANTINED',
      statusBeforeQuarantine: 'IN_TRANSIT',
      quarantinedAtMs: startMs + 30 * minute,
      disposition: null,
    });
    const rejected = JSON.parse(
      await ledger.invoke(qa, 'DisposeShipment', 'SHP-1', 'REJECT', 'second excursion'),
    ) as Shipment;
    expect(rejected).toMatchObject({ status: 'REJECTED', disposition: { decision: 'REJECT' } });
  });

  it('acknowledges an alert with a comment and drops it from the open alerts', async () => {
    const ledger = await shipmentInTransit();
    ledger.timeMs = startMs + 15 * minute;
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B1', readingsEvery5Min('S1', [5, 9, 5])),
    );
    const open = JSON.parse(await ledger.invoke(auditor, 'GetOpenAlerts', '10', '')) as {
      items: ExcursionAlert[];
    };
    expect(open.items).toHaveLength(1);
    const alertId = open.items[0]!.alertId;
    await expectError(ledger.invoke(dispatcher, 'AcknowledgeAlert', 'SHP-1', alertId, ''), {
      code: 'VALIDATION_FAILED',
      field: 'comment',
      rule: 'non-empty',
    });
    await expectError(ledger.invoke(shipper, 'AcknowledgeAlert', 'SHP-1', alertId, 'seen'), {
      code: 'CUSTODY_VIOLATION',
    });
    const acked = JSON.parse(
      await ledger.invoke(dispatcher, 'AcknowledgeAlert', 'SHP-1', alertId, 'door left open'),
    ) as ExcursionAlert;
    expect(acked).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgement: { comment: 'door left open' },
    });
    const after = JSON.parse(await ledger.invoke(auditor, 'GetOpenAlerts', '10', '')) as {
      items: unknown[];
    };
    expect(after.items).toEqual([]);
  });

  it('keeps the shipment quarantined when late data withdraws the CRITICAL alert', async () => {
    const ledger = await shipmentInTransit('who-pqs-e006-shipping');
    ledger.timeMs = startMs + 85 * minute;
    // ≥ 45 °C at 0, 20, 40, 60, 80 min: 80 min beyond, with no readings in between yet.
    const hot = [0, 20, 40, 60, 80].map((m) => ({
      sensorId: 'S1',
      ms: startMs + m * minute,
      celsius: 46,
    }));
    // With 10-minute logging the 20-minute steps are gaps: no stretch, only DATA_GAPs.
    await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batchJson('B1', hot));
    const fill = [10, 30, 50, 70].map((m) => ({
      sensorId: 'S1',
      ms: startMs + m * minute,
      celsius: 46,
    }));
    await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batchJson('B2', fill));
    let alerts = JSON.parse(await alertsJson(ledger, auditor, 'SHP-1')) as ExcursionAlert[];
    expect(alerts.filter((a) => a.type === 'DATA_GAP').every((a) => a.status === 'WITHDRAWN')).toBe(
      true,
    );
    expect(alerts.find((a) => a.type === 'CONTINUOUS')).toMatchObject({
      status: 'OPEN',
      durationMs: 80 * minute,
    });
    // A late in-range reading splits the stretch: the CONTINUOUS alert is withdrawn...
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B3', [{ sensorId: 'S1', ms: startMs + 35 * minute, celsius: 20 }]),
    );
    alerts = JSON.parse(await alertsJson(ledger, auditor, 'SHP-1')) as ExcursionAlert[];
    expect(alerts.filter((a) => a.type === 'CONTINUOUS').map((a) => a.status)).toEqual([
      'WITHDRAWN',
    ]);
    // ...but quarantine is a safety action and stays until QA disposition.
    const shipment = JSON.parse(await ledger.invoke(auditor, 'GetShipment', 'SHP-1')) as Shipment;
    expect(shipment.status).toBe('QUARANTINED');
  });

  it('ignores a replayed batch entirely: no writes, no event', async () => {
    const ledger = await shipmentInTransit();
    const batch = batchJson('B1', readingsEvery5Min('S1', [5, 9, 5]));
    await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batch);
    const events = ledger.events.length;
    const receipt = JSON.parse(
      await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batch),
    ) as ReadingsReceipt;
    expect(receipt).toMatchObject({ stored: 0, duplicates: 3, conflicts: [], alerts: [] });
    expect(ledger.calls.at(-1)!.writes).toBe(0);
    expect(ledger.events.length).toBe(events);
  });

  it('keeps a 500-reading in-order batch to a handful of state calls', async () => {
    const ledger = await shipmentInTransit();
    const readings = readingsEvery5Min('S1', Array<number>(500).fill(5), startMs);
    ledger.timeMs = startMs + 250 * 5 * minute;
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B1', readings.slice(0, 250)),
    );
    ledger.timeMs = startMs + 500 * 5 * minute;
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B2', readings.slice(250)),
    );
    const last = ledger.calls.at(-1)!;
    // shipment, sensor track, 1-2 day chunks; writes: chunks, track, shipment, event.
    expect(last.reads).toBeLessThanOrEqual(5);
    expect(last.writes).toBeLessThanOrEqual(6);
  });
});

describe('access rules', () => {
  const cases: [string, TestIdentity, string, string[]][] = [
    ['no role attribute', new TestIdentity('PharmaMSP', null), 'GetShipment', ['SHP-1']],
    ['auditor submitting', auditor, 'SubmitReadings', ['SHP-1', '{}']],
    ['logistics creating a shipment', dispatcher, 'CreateShipment', ['{}']],
    [
      'pharma posing as sensor gateway',
      new TestIdentity('PharmaMSP', 'sensor-gateway'),
      'SubmitReadings',
      ['SHP-1', '{}'],
    ],
    ['unknown role', new TestIdentity('AuditorMSP', 'admin'), 'GetShipment', ['SHP-1']],
    [
      'qa of another org disposing',
      new TestIdentity('LogisticsMSP', 'qa'),
      'DisposeShipment',
      ['SHP-1', 'REJECT', 'x'],
    ],
  ];

  it.each(cases)('denies %s', async (_label, identity, fcn, args) => {
    const ledger = await shipmentInTransit();
    const before = new Map(ledger.state);
    await expectError(ledger.invoke(identity, fcn, ...args), { code: 'ACCESS_DENIED' });
    expect(ledger.state).toEqual(before);
  });

  it('lets only the current custodian submit readings or hand over', async () => {
    const ledger = await shipmentInTransit();
    await ledger.invoke(dispatcher, 'OfferCustody', 'SHP-1', 'PharmaMSP');
    await ledger.invoke(shipper, 'AcceptCustody', 'SHP-1');
    await expectError(
      ledger.invoke(
        sensorGateway,
        'SubmitReadings',
        'SHP-1',
        batchJson('B', readingsEvery5Min('S1', [5])),
      ),
      {
        code: 'CUSTODY_VIOLATION',
        rule: 'current-custodian',
      },
    );
    await expectError(ledger.invoke(dispatcher, 'OfferCustody', 'SHP-1', 'PharmaMSP'), {
      code: 'CUSTODY_VIOLATION',
    });
  });

  it('lets only the receiving organisation accept', async () => {
    const ledger = await shipmentInTransit();
    await ledger.invoke(dispatcher, 'OfferCustody', 'SHP-1', 'PharmaMSP');
    await expectError(ledger.invoke(dispatcher, 'AcceptCustody', 'SHP-1'), {
      code: 'CUSTODY_VIOLATION',
      rule: 'offered-to-caller',
    });
  });
});

describe('bad input changes nothing and names the field and rule', () => {
  const reading = { sensorId: 'S1', timestamp: '2026-11-23T12:00:00Z', value: 5, unit: 'CEL' };
  const batch = (readings: unknown[]) => JSON.stringify({ batchId: 'B1', readings });
  const cases: [string, string, string[], { code: string; field?: string; rule?: string }][] = [
    [
      'non-finite temperature',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, value: '1e999' }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].value', rule: 'type' },
    ],
    [
      'implausible temperature',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, value: 150 }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].value', rule: 'plausible' },
    ],
    [
      'implausible kelvin',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, value: 5, unit: 'K' }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].value', rule: 'plausible' },
    ],
    [
      'unknown unit',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, unit: 'C' }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].unit', rule: 'enum' },
    ],
    [
      'timestamp without zone',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, timestamp: '2026-11-23T12:00:00' }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].timestamp', rule: 'rfc3339' },
    ],
    [
      'impossible date',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, timestamp: '2026-02-30T12:00:00Z' }])],
      { code: 'VALIDATION_FAILED', rule: 'rfc3339' },
    ],
    [
      'far-future timestamp',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, timestamp: '2027-01-01T00:00:00Z' }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].timestamp', rule: 'not-future' },
    ],
    [
      'timestamp before 2000',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, timestamp: '1999-12-31T23:59:59Z' }])],
      { code: 'VALIDATION_FAILED', rule: 'not-before-2000' },
    ],
    [
      'empty batch',
      'SubmitReadings',
      ['SHP-1', batch([])],
      { code: 'VALIDATION_FAILED', field: 'readings', rule: 'min-items' },
    ],
    [
      'oversized batch',
      'SubmitReadings',
      ['SHP-1', batch(Array<unknown>(1001).fill(reading))],
      { code: 'VALIDATION_FAILED', field: 'readings', rule: 'max-items' },
    ],
    [
      'unknown shipment',
      'SubmitReadings',
      ['SHP-9', batch([reading])],
      { code: 'NOT_FOUND', field: 'shipmentId' },
    ],
    [
      'id with separator',
      'SubmitReadings',
      ['SHP\u00001', batch([reading])],
      { code: 'VALIDATION_FAILED', field: 'shipmentId', rule: 'id-format' },
    ],
    [
      'sensor id with control char',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, sensorId: 'S\n1' }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].sensorId', rule: 'id-format' },
    ],
    [
      'wrong type',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, humidity: '50' }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].humidity', rule: 'type' },
    ],
    [
      'unknown field',
      'SubmitReadings',
      ['SHP-1', batch([{ ...reading, temp: 5 }])],
      { code: 'VALIDATION_FAILED', field: 'readings[0].temp', rule: 'unknown-field' },
    ],
    [
      'not JSON',
      'SubmitReadings',
      ['SHP-1', '{'],
      { code: 'VALIDATION_FAILED', field: 'batchJson', rule: 'json' },
    ],
    [
      'invalid GTIN',
      'RegisterLot',
      [
        JSON.stringify({
          gtin: '09506000134353',
          lotNumber: 'L2',
          expiry: '2027-01-01',
          productName: 'X',
          profile: 'crt-15-25',
        }),
      ],
      { code: 'VALIDATION_FAILED', field: 'lotJson.gtin', rule: 'gtin-check-digit' },
    ],
    [
      'unknown preset',
      'RegisterLot',
      [
        JSON.stringify({
          gtin,
          lotNumber: 'L2',
          expiry: '2027-01-01',
          productName: 'X',
          profile: 'warm',
        }),
      ],
      { code: 'VALIDATION_FAILED', field: 'lotJson.profile', rule: 'preset' },
    ],
    [
      'duplicate lot',
      'RegisterLot',
      [
        JSON.stringify({
          gtin,
          lotNumber: 'L1',
          expiry: '2027-01-01',
          productName: 'X',
          profile: 'crt-15-25',
        }),
      ],
      { code: 'ALREADY_EXISTS' },
    ],
    [
      'bad decision',
      'DisposeShipment',
      ['SHP-1', 'MAYBE', 'x'],
      { code: 'VALIDATION_FAILED', field: 'decision', rule: 'enum' },
    ],
    [
      'dispose when not quarantined',
      'DisposeShipment',
      ['SHP-1', 'REJECT', 'x'],
      { code: 'INVALID_STATE' },
    ],
    [
      'bad page size',
      'GetShipmentHistory',
      ['SHP-1', '0', ''],
      { code: 'VALIDATION_FAILED', field: 'pageSize' },
    ],
    [
      'foreign bookmark',
      'GetShipmentHistory',
      ['SHP-1', '5', 'bm90LWEta2V5'],
      { code: 'VALIDATION_FAILED', field: 'bookmark' },
    ],
  ];

  it.each(cases)('%s', async (_label, fcn, args, expected) => {
    const ledger = await shipmentInTransit();
    const identity =
      fcn === 'SubmitReadings'
        ? sensorGateway
        : fcn === 'DisposeShipment' || fcn === 'GetShipmentHistory'
          ? qa
          : shipper;
    const before = new Map(ledger.state);
    await expectError(ledger.invoke(identity, fcn, ...args), expected);
    expect(ledger.state).toEqual(before);
  });

  it('accepts °F and K and EPCIS codes, converting to milli-°C', async () => {
    const ledger = await shipmentInTransit();
    const readings = [
      { sensorId: 'S1', timestamp: '2026-11-23T12:00:00Z', value: 41, unit: 'FAH' },
      { sensorId: 'S1', timestamp: '2026-11-23T12:05:00Z', value: 278.65, unit: 'K' },
      {
        sensorId: 'S1',
        timestamp: '2026-11-23T13:10:00+01:00',
        value: 5.5,
        unit: '°C',
        humidity: 41.55,
        location: { lat: 1.5, lon: -2.25 },
      },
    ];
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      JSON.stringify({ batchId: 'B1', readings }),
    );
    const page = JSON.parse(
      await ledger.invoke(
        auditor,
        'GetReadings',
        'SHP-1',
        '0',
        String(startMs + 86_400_000),
        '10',
        '',
      ),
    ) as {
      items: { milliC: number; humidityPct: number | null; location: unknown }[];
    };
    expect(page.items.map((r) => r.milliC)).toEqual([5000, 5500, 5500]);
    expect(page.items[2]).toMatchObject({ humidityPct: 41.6, location: { lat: 1.5, lon: -2.25 } });
  });
});

describe('queries', () => {
  it('pages readings and history with opaque bookmarks', async () => {
    const ledger = await shipmentInTransit();
    const readings = [
      ...readingsEvery5Min('S1', Array<number>(400).fill(5)),
      ...readingsEvery5Min('S2', Array<number>(30).fill(6)),
    ];
    await ledger.invoke(sensorGateway, 'SubmitReadings', 'SHP-1', batchJson('B1', readings));
    const seen: number[] = [];
    let bookmark = '';
    let pages = 0;
    do {
      const page = JSON.parse(
        await ledger.invoke(
          auditor,
          'GetReadings',
          'SHP-1',
          String(startMs + 10 * minute),
          String(startMs + 2000 * minute),
          '37',
          bookmark,
        ),
      ) as {
        items: { timestampMs: number; sensorId: string }[];
        bookmark: string;
      };
      seen.push(...page.items.map((r) => r.timestampMs));
      bookmark = page.bookmark;
      pages += 1;
    } while (bookmark !== '' && pages < 100);
    // S1: 5-min steps from +10 min to +1995 min; S2: +10 to +145 min.
    expect(seen).toHaveLength(398 + 28);
    expect(new Set(seen.map((ms, i) => `${i < 398 ? 'S1' : 'S2'}${ms}`)).size).toBe(426);

    const history = JSON.parse(
      await ledger.invoke(auditor, 'GetShipmentHistory', 'SHP-1', '2', ''),
    ) as {
      items: { seq: number; type: string; txId: string }[];
      bookmark: string;
    };
    expect(history.items.map((e) => e.type)).toEqual(['CREATED', 'CUSTODY_OFFERED']);
    const rest = JSON.parse(
      await ledger.invoke(auditor, 'GetShipmentHistory', 'SHP-1', '10', history.bookmark),
    ) as {
      items: { seq: number; type: string }[];
      bookmark: string;
    };
    expect(rest.items.map((e) => e.seq)).toEqual([3, 4]);
    expect(rest.bookmark).toBe('');

    const lotHistory = JSON.parse(await ledger.invoke(qa, 'GetLotHistory', lotId, '10', '')) as {
      shipmentIds: string[];
      items: unknown[];
    };
    expect(lotHistory.shipmentIds).toEqual(['SHP-1']);
    expect(lotHistory.items).toHaveLength(4);
  });

  it('finds alerts by lot and lists the presets', async () => {
    const ledger = await shipmentInTransit();
    ledger.timeMs = startMs + 15 * minute;
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B1', readingsEvery5Min('S1', [5, 9, 5])),
    );
    const byLot = await allPages<ExcursionAlert>(ledger, auditor, 'GetAlertsByLot', [lotId]);
    expect(byLot.map((a) => a.type)).toEqual(['OUT_OF_RANGE']);
    const presets = JSON.parse(await ledger.invoke(auditor, 'ListProfilePresets')) as {
      name: string;
    }[];
    expect(presets.map((p) => p.name)).toEqual([
      'refrigerated-2-8',
      'crt-15-25',
      'frozen-minus25-minus10',
      'who-pqs-e006-shipping',
    ]);
  });
});
