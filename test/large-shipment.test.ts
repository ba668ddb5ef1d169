// A shipment of the shape the benchmark's 1,000,000-reading shipment has, small enough for
// `npm test`: 20,000 readings of four loggers sampling once a minute, one reading in ten out of
// range (2,000 OUT_OF_RANGE alerts whatever the treatment of gaps, since there are none), carrying
// 20 lots so that each alert is about 1.4 KB and a page of alerts ends on the 1 MiB byte bound.
// Every library list query, CLI list command, the audit and its reports go through many pages.
import {
  type ExcursionAlert,
  type Lot,
  maxPageBytes,
  type SensorReading,
  type SensorReadingInput,
} from '@coldtrace/gateway-client';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runColdtrace } from './support/cli';
import {
  closeParties,
  collect,
  connectParties,
  type Parties,
  peersInSync,
} from './support/coldtrace';
import { gtinWithCheckDigit } from './support/gtin';
import { uniqueId } from './support/network';

const minuteMs = 60_000;
const sensors = 4;
const readingsPerSensor = 5000;
const outOfRangeEvery = 10;
const lotCount = 20;

/** Logger readings, one a minute, ending at `endMs`; every tenth 1.5 °C (below the 2 °C range). */
function loggerReadings(sensorId: string, endMs: number): SensorReadingInput[] {
  return Array.from({ length: readingsPerSensor }, (_, i) => ({
    sensorId,
    timestamp: new Date(endMs - (readingsPerSensor - 1 - i) * minuteMs).toISOString(),
    value: i % outOfRangeEvery === outOfRangeEvery - 1 ? 1.5 : 5 + (i % 7) / 10,
    unit: 'CEL',
  }));
}

/** A command line's words (no argument here holds a space). */
const words = (line: string): string[] => line.split(/\s+/u).filter((word) => word !== '');

const bytesOf = (item: unknown): number => Buffer.byteLength(JSON.stringify(item)) + 1;

describe('a shipment of 20,000 readings and 2,000 alerts, page by page', () => {
  let parties: Parties;
  let lots: Lot[];
  let shipmentId: string;
  let submitted: SensorReadingInput[];
  let workDir: string;

  beforeAll(async () => {
    parties = await connectParties();
    workDir = await mkdtemp(path.join(tmpdir(), 'coldtrace-large-'));
    const run = uniqueId('LG')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-10);
    lots = await Promise.all(
      Array.from({ length: lotCount }, (_, i) =>
        parties.shipper.lots.register({
          gtin: gtinWithCheckDigit('0950600013435'),
          lotNumber: `${run}-LOT-${String(i).padStart(4, '0')}`.slice(0, 20),
          expiry: '2028-03-31',
          productName: 'Measles-rubella vaccine, 10-dose vial',
          profile: 'refrigerated-2-8',
        }),
      ),
    );
    shipmentId = uniqueId('SHP-LARGE');
    const created = await parties.shipper.shipments.create({
      shipmentId,
      lots: lots.map((lot) => ({ lotId: lot.lotId, quantity: 100 })),
      origin: { name: 'Pharma DC, Frankfurt' },
      destination: { name: 'Central medical stores, Nairobi' },
    });
    await parties.shipper.custody.offer(shipmentId, 'LogisticsMSP');
    await peersInSync(parties);
    await parties.dispatcher.custody.accept(shipmentId);
    await peersInSync(parties);
    // Delivered at once: the loggers' record is read out at the destination, so no silence
    // falls inside the transit period and the only alerts are the out-of-range readings.
    await parties.dispatcher.custody.confirmDelivery(shipmentId);
    await peersInSync(parties);
    submitted = Array.from({ length: sensors }, (_, s) =>
      loggerReadings(`LOGGER-${s + 1}`, created.createdAtMs - minuteMs),
    ).flat();
    const summary = await parties.carrier.readings
      .newIngestion({ maxBatchSize: 1000 })
      .ingest([{ shipmentId, readings: submitted }]);
    if (summary.committedReadings !== submitted.length) {
      throw new Error(`ingested ${summary.committedReadings} of ${submitted.length} readings`);
    }
    await peersInSync(parties);
  }, 180_000);

  afterAll(async () => {
    closeParties(parties);
    await rm(workDir, { recursive: true, force: true });
  });

  it('iterates every reading across pages, in sensor and time order', async () => {
    const expected = submitted.map((r) => `${r.sensorId}@${Date.parse(r.timestamp)}`);
    const read = await collect(parties.auditor.readings.all(shipmentId, { pageSize: 333 }));
    expect(read.map((r: SensorReading) => `${r.sensorId}@${r.timestampMs}`)).toEqual(expected);
    expect((await parties.qa.shipments.get(shipmentId)).readingCount).toBe(20_000);
  });

  it('lists its 2,000 alerts by shipment, by lot and among the open ones, page by page', async () => {
    const byShipment = await collect(parties.qa.alerts.byShipment(shipmentId, { pageSize: 97 }));
    expect(byShipment).toHaveLength(2000);
    expect(new Set(byShipment.map((a) => a.alertId)).size).toBe(2000);
    expect(byShipment.every((a) => a.type === 'OUT_OF_RANGE' && a.lotIds.length === 20)).toBe(true);
    const ids = byShipment.map((a) => a.alertId);
    expect(
      (await collect(parties.auditor.alerts.byLot(lots[7]!.lotId))).map((a) => a.alertId),
    ).toEqual(ids);
    const open: string[] = [];
    for await (const alert of parties.qa.alerts.open({ pageSize: 500 })) {
      if (alert.shipmentId === shipmentId) open.push(alert.alertId);
    }
    expect(open).toEqual(ids);
  });

  it('ends a page of 1,000 alerts on the 1 MiB byte bound and resumes at the next alert', async () => {
    const all = await collect(parties.qa.alerts.byShipment(shipmentId));
    let bookmark = '';
    let offset = 0;
    let pages = 0;
    let endedOnBytes = 0;
    do {
      const page = await parties.qa.alerts.byShipmentPage(shipmentId, { pageSize: 1000, bookmark });
      const bytes = page.items.reduce((total, item) => total + bytesOf(item), 0);
      expect(bytes).toBeLessThanOrEqual(maxPageBytes);
      expect(page.items).toEqual(all.slice(offset, offset + page.items.length));
      if (page.bookmark !== '' && page.items.length < 1000) {
        endedOnBytes++;
        expect(bytes + bytesOf(all[offset + page.items.length])).toBeGreaterThan(maxPageBytes);
      }
      offset += page.items.length;
      bookmark = page.bookmark;
      pages++;
    } while (bookmark !== '');
    expect(offset).toBe(2000);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(endedOnBytes).toBeGreaterThanOrEqual(2);
  });

  it('pages its history and its lots’ history', async () => {
    const history = await collect(parties.auditor.shipments.history(shipmentId, { pageSize: 3 }));
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
    expect(history.filter((e) => e.type === 'READINGS_SUBMITTED')).toHaveLength(20);
    const lotHistory = await collect(parties.qa.lots.history(lots[0]!.lotId, { pageSize: 4 }));
    expect(lotHistory).toEqual(history);
  });

  it('runs every CLI list command and the audit on it, page by page', async () => {
    const lotId = lots[3]!.lotId;
    const since = new Date(Date.parse(submitted[2500]!.timestamp)).toISOString();
    const qa = (line: string, keep = true) =>
      runColdtrace('PharmaMSP', 'qa', words(line), { keep });
    const auditor = (line: string, keep = true) =>
      runColdtrace('AuditorMSP', 'auditor', words(line), { keep });
    const [alertsJson, filtered, readings, events, lotEvents] = await Promise.all([
      qa(`alerts list --shipment ${shipmentId} --page-size 150 --json`),
      auditor(
        `alerts list --lot ${lotId} --severity WARNING --status OPEN --since ${since} --page-size 200`,
      ),
      auditor(`readings list --shipment ${shipmentId} --page-size 700`, false),
      qa(`shipment history --shipment ${shipmentId} --page-size 4`),
      qa(`lot history --lot ${lotId} --page-size 5 --json`),
    ]);
    for (const run of [alertsJson, filtered, readings, events, lotEvents]) {
      expect(run).toMatchObject({ code: 0, stderr: '' });
    }
    const listed = JSON.parse(alertsJson.stdout) as ExcursionAlert[];
    expect(listed).toHaveLength(2000);
    // The loggers read at the same times: each has 251 excursions ending at or after reading
    // 2,500 (readings 2,499, 2,509, ... 4,999, the last still going on), below a 2-line header.
    expect(filtered.lines).toBe(2 + 4 * 251);
    const row = filtered.stdout.split('\n')[2] ?? '';
    expect(row).toContain('1 min');
    expect(row).toContain('below 2.0 °C');
    expect(readings.lines).toBe(2 + 20_000);
    expect(events.stdout.split('\n').filter((l) => l.includes('READINGS_SUBMITTED'))).toHaveLength(
      20,
    );
    expect((JSON.parse(lotEvents.stdout) as unknown[]).length).toBe(24);

    const html = path.join(workDir, 'audit.html');
    const json = path.join(workDir, 'audit.json');
    const audit = await auditor(
      `audit verify --shipment ${shipmentId} --report ${html} --report-json ${json}`,
    );
    expect(audit.stderr).toBe('');
    expect(audit.stdout).toMatch(/^VERIFIED: 2[45] transaction\(s\) of 1 shipment\(s\)/);
    expect(audit.code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8')) as {
      verdict: string;
      shipments: {
        history: unknown[];
        readingsDays: { count: number; matchedOnLedger: number }[];
        alerts: unknown[];
        summary: { readings: { count: number; matchedOnLedger: number } };
      }[];
    };
    expect(report.verdict).toBe('VERIFIED');
    const [detail] = report.shipments;
    expect(detail?.alerts).toHaveLength(2000);
    expect(detail?.history).toHaveLength(24);
    expect(detail?.readingsDays.reduce((t, d) => t + d.count, 0)).toBe(20_000);
    expect(detail?.summary.readings).toMatchObject({ count: 20_000, matchedOnLedger: 20_000 });
    const page = await readFile(html, 'utf8');
    expect(page).toContain('class="verdict ok">VERIFIED');
    expect(page.match(/<td>OUT_OF_RANGE:range:/g)).toHaveLength(2000);
  });

  it('verifies it through the library with a block cache far smaller than its blocks', async () => {
    let readings = 0;
    let alerts = 0;
    const report = await parties.auditor
      .provenance({ blockCacheBytes: 64 * 1024 })
      .verifyShipment(shipmentId, {
        sink: {
          readingsDay: (day) => {
            readings += day.matchedOnLedger;
          },
          alerts: (page) => {
            alerts += page.length;
          },
        },
      });
    expect(report.discrepancies).toEqual([]);
    expect(report.verdict).toBe('VERIFIED');
    expect([readings, alerts]).toEqual([20_000, 2000]);
  });
});
