import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type ProvenanceReportFile, teeProvenanceSinks } from './provenancefile';
import { newProvenanceHtmlFile } from './provenancehtml';
import { newProvenanceJsonFile } from './provenancejson';
import type { ProvenanceReport, ProvenanceSink } from './provenancereport';
import { newProvenanceVerifier } from './provenanceverifier';
import { collectingSink } from './testing/collectingsink';
import {
  type QueryOverride,
  manifest,
  newRecordedLedger,
  newRecordedSubmitter,
  recordedAnswer,
} from './testing/recordedledger';

/**
 * The report files' exact bytes, compared with copies written from the recorded ledger, so a
 * change to how the reports are written cannot change what they say unnoticed. After an
 * intended change to the reports, rewrite the copies with COLDTRACE_WRITE_REPORT_COPIES=1 and
 * review their diff.
 */
const copiesDir = path.join(__dirname, 'testdata', 'reports');
const rewrite = process.env.COLDTRACE_WRITE_REPORT_COPIES === '1';

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

const empty = Buffer.from(JSON.stringify({ items: [], bookmark: '' }));

describe('provenance report files, byte for byte', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'coldtrace-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes both files with `write`, then compares each with its copy. */
  async function expectReports(
    name: string,
    write: (sink: ProvenanceSink) => Promise<ProvenanceReport>,
  ): Promise<void> {
    const files: [string, ProvenanceReportFile][] = [
      [`${name}.html`, await newProvenanceHtmlFile(path.join(dir, `${name}.html`))],
      [`${name}.json`, await newProvenanceJsonFile(path.join(dir, `${name}.json`))],
    ];
    const report = await write(teeProvenanceSinks(...files.map(([, file]) => file.sink)));
    for (const [file, reportFile] of files) {
      await reportFile.finish(report);
      const written = await readFile(path.join(dir, file));
      if (rewrite) {
        await writeFile(path.join(copiesDir, file), written);
      }
      expect(written.equals(await readFile(path.join(copiesDir, file)))).toBe(true);
    }
  }

  it('writes the recorded lot as before: every table and array filled', async () => {
    await expectReports('lot', (sink) => verifier().verifyLot(manifest.lotId, { sink }));
  });

  it('writes empty tables and arrays, and escaped ledger text, as before', async () => {
    const override: QueryOverride = (name) => {
      if (name === 'GetReadings' || name === 'GetAlertsByShipment') {
        return empty;
      }
      if (name === 'GetShipment') {
        const shipment = recordedAnswer('GetShipment') as Record<string, unknown>;
        const destination = { gln: null, name: '<img src=x onerror=alert(1)> & "depot"' };
        return Buffer.from(JSON.stringify({ ...shipment, destination }));
      }
      return undefined;
    };
    await expectReports('empty-sections', (sink) =>
      verifier(override).verifyShipment(manifest.shipmentId, { sink }),
    );
  });

  it('writes two shipments, one without readings, and no transactions, as before', async () => {
    const collected = collectingSink();
    const report = await verifier().verifyShipment(manifest.shipmentId, { sink: collected.sink });
    const [recorded] = collected.shipments;
    if (recorded?.summary === undefined) throw new Error('no shipment verified');
    await expectReports('two-shipments', async (sink) => {
      for (const withReadings of [true, false]) {
        await sink.shipment?.(recorded.shipment, recorded.custodyChain);
        // History in two pages, so items are separated across calls too.
        await sink.history?.(recorded.history.slice(0, 2));
        await sink.history?.(recorded.history.slice(2));
        for (const day of withReadings ? recorded.readingsDays : []) {
          await sink.readingsDay?.(day);
        }
        await sink.alerts?.(recorded.alerts);
        await sink.shipmentSummary?.(recorded.summary!);
      }
      return { ...report, shipmentCount: 2, transactionCount: 0 };
    });
  });
});
