// The EPCIS export: valid against GS1's own schema, read back by the importer to the same readings,
// and written piece by piece from iterables, never as one string.
import type { Actor, SensorReading, Shipment, ShipmentEvent } from '@coldtrace/protocol';
import fc from 'fast-check';
import { type EpcisExportSummary, epcisExport } from './epcisexport';
import { parseEpcisReadings } from './epcisreadings';
import { epcisSchemaViolation } from './epcisschema';

const t0 = Date.parse('2026-11-23T09:30:00Z');
const minuteMs = 60_000;

const actor = (mspId: string, role: string): Actor => ({ mspId, id: `x509::CN=${role}`, role });
const shipper = actor('PharmaMSP', 'shipper');
const dispatcher = actor('LogisticsMSP', 'dispatcher');

const shipment: Shipment = {
  shipmentId: 'SHP-1',
  ownerMspId: 'PharmaMSP',
  lots: [
    { lotId: '09506000134352:L2026/11', quantity: 500 },
    { lotId: '09506000134369:B7', quantity: 20 },
  ],
  origin: { gln: '9506000134307', name: 'Pharma DC' },
  destination: { gln: null, name: 'Hospital pharmacy' },
  profile: {
    name: 'refrigerated-2-8',
    range: { minMilliC: 2000, maxMilliC: 8000 },
    rules: [],
    mkt: null,
    maxLoggingIntervalMs: 900_000,
  },
  status: 'REJECTED',
  statusBeforeQuarantine: 'DELIVERED',
  custodianMspId: 'LogisticsMSP',
  pendingHandover: null,
  handovers: [
    {
      fromMspId: 'PharmaMSP',
      toMspId: 'LogisticsMSP',
      offeredBy: shipper,
      offeredAtMs: t0,
      offeredTxId: 'tx-offer',
      acceptedBy: dispatcher,
      acceptedAtMs: t0 + minuteMs,
      acceptedTxId: 'tx-accept',
    },
  ],
  endorsingMspIds: ['LogisticsMSP', 'PharmaMSP'],
  transitStartedAtMs: t0 + minuteMs,
  deliveredAtMs: t0 + 90 * minuteMs,
  quarantinedAtMs: t0 + 30 * minuteMs,
  disposition: null,
  readingCount: 0,
  oldReadingWindowMs: 30 * 86_400_000,
  readingFlags: { oldReadings: 0, earliestOldReadingMs: null, conflicts: 0 },
  sensorIds: [],
  eventCount: 7,
  createdBy: shipper,
  createdAtMs: t0 - minuteMs,
  updatedAtMs: t0 + 120 * minuteMs,
};

const history: ShipmentEvent[] = (
  [
    ['CREATED', shipper, 'CREATED'],
    ['CUSTODY_OFFERED', shipper, 'CREATED', 'tx-offer'],
    ['CUSTODY_ACCEPTED', dispatcher, 'IN_TRANSIT', 'tx-accept'],
    ['READINGS_SUBMITTED', actor('LogisticsMSP', 'sensor-gateway'), 'QUARANTINED'],
    ['ALERT_ACKNOWLEDGED', actor('PharmaMSP', 'qa'), 'QUARANTINED'],
    ['DELIVERED', dispatcher, 'QUARANTINED'],
    ['DISPOSED', actor('PharmaMSP', 'qa'), 'REJECTED'],
  ] as const
).map(([type, by, status, txId], index) => ({
  shipmentId: 'SHP-1',
  seq: index + 1,
  txId: txId ?? `tx-${index}`,
  timestampMs: t0 + index * 15 * minuteMs,
  type,
  actor: by,
  status,
  summary: type,
}));

function reading(sensorId: string, ms: number, milliC: number, extra = {}): SensorReading {
  return {
    shipmentId: 'SHP-1',
    sensorId,
    timestampMs: ms,
    milliC,
    humidityPct: null,
    location: null,
    ...extra,
  };
}

// As the library's paged iterators do, every item arrives after an await.
async function* iterate<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    yield await Promise.resolve(item);
  }
}

async function exported(
  readings: readonly SensorReading[],
  maxReadingsPerEvent?: number,
): Promise<{ text: string; pieces: number; summary: EpcisExportSummary }> {
  const pieces: string[] = [];
  const generator = epcisExport({
    shipment,
    history: iterate(history),
    readings: iterate(readings),
    createdAtMs: t0 + 200 * minuteMs,
    ...(maxReadingsPerEvent !== undefined ? { maxReadingsPerEvent } : {}),
  });
  for (;;) {
    const next = await generator.next();
    if (next.done === true) {
      return { text: pieces.join(''), pieces: pieces.length, summary: next.value };
    }
    pieces.push(next.value);
  }
}

interface ExportedEvent {
  bizStep: string;
  disposition?: string;
  eventTime: string;
  quantityList: unknown;
  readPoint?: { id: string };
  sourceList?: unknown;
  destinationList?: unknown;
  sensorElementList?: { sensorMetadata: { deviceID: string } }[];
}

function eventsOf(text: string): ExportedEvent[] {
  return (JSON.parse(text) as { epcisBody: { eventList: ExportedEvent[] } }).epcisBody.eventList;
}

/** A reading as the chaincode would store it from the imported input (CEL → milli-degrees). */
function storedFromImport(text: string): Omit<SensorReading, 'shipmentId'>[] {
  return parseEpcisReadings(JSON.parse(text)).readings.map((r) => ({
    sensorId: r.sensorId,
    timestampMs: Date.parse(r.timestamp),
    milliC: Math.round(r.value * 1000),
    humidityPct: r.humidity ?? null,
    location: r.location ?? null,
  }));
}

function withoutShipment(r: SensorReading): Omit<SensorReading, 'shipmentId'> {
  const { sensorId, timestampMs, milliC, humidityPct, location } = r;
  return { sensorId, timestampMs, milliC, humidityPct, location };
}

const sample: SensorReading[] = [
  reading('LOGGER-7', t0, 5250, { humidityPct: 41.5, location: { lat: -1.29, lon: 36.82 } }),
  reading('LOGGER-7', t0 + 10 * minuteMs, 8125),
  reading('LOGGER-7', t0 + 30 * minuteMs, 8126), // 10:00, the next UTC hour: a new event
  reading('urn:epc:id:giai:4000001.111', t0, -1500),
  reading('urn:coldtrace:sensor:odd', t0, 0),
];

describe('epcisExport', () => {
  it("writes a document GS1's EPCIS 2.0 schema accepts", async () => {
    const { text } = await exported(sample);
    expect(epcisSchemaViolation(JSON.parse(text))).toBeUndefined();
  });

  it('reads back to exactly the readings it was given, humidity and location included', async () => {
    const { text } = await exported(sample);
    expect(storedFromImport(text)).toEqual(sample.map(withoutShipment));
  });

  it('writes custody steps with CBV business steps, parties and places', async () => {
    const events = eventsOf((await exported([])).text);
    expect(events.map((e) => [e.bizStep, e.disposition])).toEqual([
      ['shipping', 'in_transit'],
      ['accepting', 'in_transit'],
      ['receiving', undefined],
      ['inspecting', 'non_conformant'],
    ]);
    const [shipping, accepting] = events;
    expect(shipping?.readPoint).toEqual({ id: 'https://id.gs1.org/414/9506000134307' });
    expect(accepting?.sourceList).toEqual([
      { type: 'possessing_party', source: 'urn:coldtrace:msp:PharmaMSP' },
    ]);
    expect(accepting?.destinationList).toEqual([
      { type: 'possessing_party', destination: 'urn:coldtrace:msp:LogisticsMSP' },
    ]);
    expect(shipping?.quantityList).toEqual([
      { epcClass: 'https://id.gs1.org/01/09506000134352/10/L2026%2F11', quantity: 500 },
      { epcClass: 'https://id.gs1.org/01/09506000134369/10/B7', quantity: 20 },
    ]);
  });

  it('groups readings by sensor and UTC hour, with URIs as deviceID', async () => {
    const { summary, text, pieces } = await exported(sample);
    expect(summary).toEqual({ custodyEvents: 4, sensorEvents: 4, readings: 5 });
    const sensorEvents = eventsOf(text).filter((e) => e.bizStep === 'sensor_reporting');
    expect(
      sensorEvents.map((e) => [
        e.eventTime,
        e.sensorElementList?.map((s) => s.sensorMetadata.deviceID),
      ]),
    ).toEqual([
      [
        '2026-11-23T09:40:00.000Z',
        ['urn:coldtrace:sensor:LOGGER-7', 'urn:coldtrace:sensor:LOGGER-7'],
      ],
      ['2026-11-23T10:00:00.000Z', ['urn:coldtrace:sensor:LOGGER-7']],
      ['2026-11-23T09:30:00.000Z', ['urn:epc:id:giai:4000001.111']],
      ['2026-11-23T09:30:00.000Z', ['urn:coldtrace:sensor:urn:coldtrace:sensor:odd']],
    ]);
    // Header, one piece per event, footer.
    expect(pieces).toBe(1 + 8 + 1);
  });

  it('caps an event at maxReadingsPerEvent readings', async () => {
    const perMinute = Array.from({ length: 25 }, (_, i) => reading('S', t0 + i * 1000, 4000));
    expect((await exported(perMinute, 10)).summary.sensorEvents).toBe(3);
  });

  it('pulls readings only as it writes them', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<SensorReading> {
      for (let i = 0; i < 10_000; i += 1) {
        pulled += 1;
        yield await Promise.resolve(reading('S', t0 + i * minuteMs, 4000));
      }
    }
    const generator = epcisExport({
      shipment,
      history: iterate([]),
      readings: counted(),
      createdAtMs: t0,
    });
    await generator.next(); // the header
    await generator.next(); // the first hour's event
    expect(pulled).toBeLessThanOrEqual(61);
  });

  it('round-trips any readings coldtrace can store (property)', async () => {
    const storable = fc.record({
      sensorId: fc.stringMatching(/^[A-Za-z0-9._:/-]{1,64}$/),
      timestampMs: fc.integer({
        min: Date.parse('2000-01-01T00:00:00Z'),
        max: Date.parse('2099-12-31T00:00:00Z'),
      }),
      milliC: fc.integer({ min: -100_000, max: 100_000 }),
      humidityPct: fc.option(
        fc.integer({ min: 0, max: 1000 }).map((d) => d / 10),
        { nil: null },
      ),
      location: fc.option(
        fc.record({
          lat: fc.integer({ min: -90_000_000, max: 90_000_000 }).map((e) => e / 1e6),
          lon: fc.integer({ min: -180_000_000, max: 180_000_000 }).map((e) => e / 1e6),
        }),
        { nil: null },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(storable, { maxLength: 30 }), async (rows) => {
        const readings = rows.map((row) => ({ shipmentId: 'SHP-1', ...row }));
        const { text } = await exported(readings, 7);
        expect(epcisSchemaViolation(JSON.parse(text))).toBeUndefined();
        expect(storedFromImport(text)).toEqual(readings.map(withoutShipment));
      }),
      { numRuns: 200 },
    );
  });
});
