import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigurationError } from './coldtraceerror';
import { teeProvenanceSinks } from './provenancefile';
import { escapeHtml, newProvenanceHtmlFile } from './provenancehtml';
import { newProvenanceJsonFile } from './provenancejson';
import { newProvenanceVerifier } from './provenanceverifier';
import {
  type QueryOverride,
  manifest,
  newRecordedLedger,
  newRecordedSubmitter,
  recordedAnswer,
} from './testing/recordedledger';

const verifier = (override?: QueryOverride) =>
  newProvenanceVerifier(
    {
      submitter: newRecordedSubmitter(override),
      ledger: newRecordedLedger(),
      channel: manifest.channel,
      chaincode: manifest.chaincode,
      mspId: manifest.mspId,
    },
    { now: () => 0 },
  );

const reportParts = async (): Promise<string[]> =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('coldtrace-report-'));

describe('provenance report files, written while the verification runs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'coldtrace-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the HTML and JSON reports of one verification, verdict first', async () => {
    const partsBefore = await reportParts();
    const html = await newProvenanceHtmlFile(path.join(dir, 'report.html'));
    const json = await newProvenanceJsonFile(path.join(dir, 'report.json'));
    const report = await verifier().verifyShipment(manifest.shipmentId, {
      sink: teeProvenanceSinks(html.sink, json.sink),
    });
    await html.finish(report);
    await json.finish(report);
    expect(await reportParts()).toEqual(partsBefore);

    const page = await readFile(path.join(dir, 'report.html'), 'utf8');
    const order = [
      'class="verdict ok">VERIFIED',
      '<h2>Discrepancies</h2>',
      `<h2>Shipment ${manifest.shipmentId}`,
      '<h3>Custody chain</h3>',
      '<h3>History</h3>',
      '<h3>Readings by sensor and UTC day</h3>',
      '<h3>Excursions</h3>',
      '<h3>Summary</h3>',
      '<h3>Dispositions</h3>',
      '<h2>Transactions</h2>',
      '</body></html>',
    ].map((text) => page.indexOf(text));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(page).toContain(manifest.alertId);
    expect(page).toContain('Door left open at loading');
    expect(page).not.toContain('<script');

    const written = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as {
      verdict: string;
      transactionCount: number;
      shipments: {
        shipment: { shipmentId: string };
        history: unknown[];
        readingsDays: { count: number }[];
        alerts: { alertId: string }[];
        summary: { events: number };
      }[];
      transactions: { transactionId: string }[];
    };
    expect(written.verdict).toBe('VERIFIED');
    expect(written.shipments).toHaveLength(1);
    expect(written.shipments[0]).toMatchObject({
      shipment: { shipmentId: manifest.shipmentId },
      readingsDays: [{ count: 4 }],
      alerts: [{ alertId: manifest.alertId }],
      summary: { events: 5 },
    });
    expect(written.shipments[0]?.history).toHaveLength(5);
    expect(written.transactions).toHaveLength(written.transactionCount);
  });

  it('escapes ledger text and writes "None." for empty tables', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const override: QueryOverride = (name) => {
      if (name === 'GetAlertsByShipment') {
        return Buffer.from(JSON.stringify({ items: [], bookmark: '' }));
      }
      if (name === 'GetShipment') {
        const shipment = recordedAnswer('GetShipment') as Record<string, unknown>;
        return Buffer.from(
          JSON.stringify({ ...shipment, destination: { gln: null, name: hostile } }),
        );
      }
      return undefined;
    };
    const html = await newProvenanceHtmlFile(path.join(dir, 'report.html'));
    const report = await verifier(override).verifyShipment(manifest.shipmentId, {
      sink: html.sink,
    });
    await html.finish(report);
    const page = await readFile(path.join(dir, 'report.html'), 'utf8');
    expect(report.verdict).toBe('DISCREPANCIES');
    expect(page).not.toContain(hostile);
    const excursions = page.slice(page.indexOf('<h3>Excursions</h3>'));
    expect(excursions.slice(0, excursions.indexOf('</table>'))).toContain('None.');
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });

  it.each([
    ['HTML', newProvenanceHtmlFile],
    ['JSON', newProvenanceJsonFile],
  ])('refuses a %s report path it cannot write before anything is verified', async (_, start) => {
    const partsBefore = await reportParts();
    const missing = path.join(dir, 'no-such-directory', 'report');
    await expect(start(missing)).rejects.toThrow(ConfigurationError);
    await expect(start(missing)).rejects.toThrow(
      `cannot write the report to ${missing}: its directory ${path.dirname(missing)} does not exist`,
    );
    await expect(start(dir)).rejects.toThrow(
      `cannot write the report to ${dir}: it is a directory`,
    );
    expect(await readdir(dir)).toEqual([]);
    expect(await reportParts()).toEqual(partsBefore);
  });

  it('leaves a report already at the path as it was until the new one is finished', async () => {
    const file = path.join(dir, 'report.json');
    // Longer than the new report, so a rewrite that did not truncate would leave its tail.
    const old = `${'x'.repeat(200_000)}\n`;
    await writeFile(file, old);
    const discarded = await newProvenanceJsonFile(file);
    await discarded.sink.shipment?.(recordedAnswer('GetShipment') as never, []);
    await discarded.discard();
    expect(await readFile(file, 'utf8')).toBe(old);

    const json = await newProvenanceJsonFile(file);
    const report = await verifier().verifyShipment(manifest.shipmentId, { sink: json.sink });
    expect(await readFile(file, 'utf8')).toBe(old);
    await json.finish(report);
    await json.discard(); // after finish, as a caller cleaning up several files may
    const written = await readFile(file, 'utf8');
    expect(written.length).toBeLessThan(old.length);
    expect((JSON.parse(written) as { verdict: string }).verdict).toBe('VERIFIED');
  });

  it('leaves no file behind when discarded', async () => {
    const partsBefore = await reportParts();
    const html = await newProvenanceHtmlFile(path.join(dir, 'report.html'));
    await html.sink.shipment?.(recordedAnswer('GetShipment') as never, []);
    await html.discard();
    expect(await readdir(dir)).toEqual([]);
    expect(await reportParts()).toEqual(partsBefore);
  });
});
