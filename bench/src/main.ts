#!/usr/bin/env node
// `npm run bench`: throughput, latency, queries and verification of coldtrace on the running
// local network (scripts/bench.sh brings it up first). Exit 0 done, 1 failed, 2 usage.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describeEnvironment } from './benchenvironment';
import { UsageError, parseBenchOptions, usage } from './benchoptions';
import { connectParties } from './benchparties';
import { type BenchResults, buildBenchResults } from './benchresults';
import { type LargeShipmentResults, runBench, runLargeOnly } from './benchrun';
import { caliperTable, formatNumber, renderTable } from './tableprinter';

const root = path.resolve(__dirname, '..', '..');

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function printLargeShipment(large: LargeShipmentResults): void {
  const p = large.plan;
  say('');
  say(
    `large shipment ${large.shipmentId}: ${formatNumber(large.readings)} readings from ${p.sensors} loggers (1 a minute), ${formatNumber(large.alerts)} alerts (1 reading in ${p.outOfRangeEvery} out of range), ${p.lots} lots; ingested in ${formatNumber(large.ingestMs / 1000, 1)} s, ${p.batchSize} readings per transaction, one transaction at a time`,
  );
  say(
    renderTable({
      headers: ['Library query / CLI command', 'Runs', 'Items', 'p50 ms', 'Max ms', 'Peak MiB'],
      rows: [
        ...large.library,
        ...large.cli.map((step) => ({ ...step, name: `coldtrace ${step.name}` })),
      ].map((step) => [
        step.name,
        formatNumber(step.runs),
        formatNumber(step.items),
        formatNumber(step.p50Ms),
        formatNumber(step.maxMs),
        step.peakRssMiB !== undefined ? formatNumber(step.peakRssMiB) : '',
      ]),
    }),
  );
  const v = large.verification;
  say(
    `audit: ${v.verdict}, ${v.discrepancies} discrepancies, ${formatNumber(v.transactions)} transactions, ${formatNumber(v.readingsMatched)} readings matched on the ledger, ${formatNumber(v.alerts)} alerts, ${formatNumber(v.blocksChecked)} blocks hash-chained; HTML ${formatNumber(v.htmlBytes / 2 ** 20, 1)} MiB, JSON ${formatNumber(v.jsonBytes / 2 ** 20, 1)} MiB (Items: CLI output lines; Peak MiB: resident set)`,
  );
}

function printResults(results: BenchResults, file: string): void {
  const s = results.settings;
  say('');
  say(
    `coldtrace benchmark (${results.mode}), commit ${results.commit.slice(0, 12)}, Fabric ${results.fabricVersion}, ${results.machine.cpus} CPUs`,
  );
  say(
    `orderer: BatchTimeout ${s.ordererBatchTimeout}, MaxMessageCount ${s.ordererMaxMessageCount}; ${s.readingsPerTransaction} readings/tx, ${s.concurrency} shipments in parallel`,
  );
  say('');
  say(renderTable(caliperTable([...results.batched.rounds, results.naive])));
  say('');
  say(`batched / naive: ${results.ratio}×`);
  const q = results.queries;
  say('');
  say(
    `queries (lot ${q.lotId}: ${q.lotShipments} shipments, ${formatNumber(q.lotReadings)} readings)`,
  );
  say(
    renderTable({
      headers: ['Query', 'Runs', 'Items', 'p50 ms', 'p95 ms', 'Max ms'],
      rows: [
        ['lot history, first page', q.lotHistoryFirstPage],
        ['lot history, full scan', q.lotHistoryFullScan],
        ['alerts by lot', q.alertsByLot],
        ['shipment history', q.shipmentHistory],
      ].map(([name, t]) =>
        typeof t === 'object'
          ? [name as string, ...[t.runs, t.items, t.p50, t.p95, t.max].map((n) => formatNumber(n))]
          : [],
      ),
    }),
  );
  const scan = q.lotHistoryFullScan;
  if (!scan.complete) {
    say(
      `warning: the lot history scan returned ${scan.items} events (${scan.distinctEvents} distinct) of the ${scan.expectedEvents} its shipments hold: lot-history paging is wrong, so its time is not a full scan's`,
    );
  }
  printLargeShipment(results.largeShipment);
  const v = results.verification;
  say('');
  say(
    `auditor verification: ${v.transactions} transactions (${formatNumber(v.readings)} readings, ${v.blocksChecked} blocks) in ${v.totalMs} ms = ${formatNumber(v.msPer1000Transactions)} ms per 1,000 transactions (${v.verdicts.join(', ')})`,
  );
  say('');
  say('targets (information only):');
  for (const t of results.targets)
    say(`  ${t.met ? 'met    ' : 'not met'}  ${t.target}: ${t.measured}`);
  say('');
  say(`written to ${file}`);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2), process.env, root);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (options === 'help') {
    say(usage);
    return 0;
  }
  const environment = describeEnvironment(root, options.profileDir);
  progress(`profiles ${options.profileDir}`);
  const parties = await connectParties(options.profileDir);
  try {
    if (options.largeOnly) {
      const large = await runLargeOnly(parties, options, progress);
      await mkdir(options.outputDir, { recursive: true });
      const file = path.join(options.outputDir, 'large-shipment.json');
      await writeFile(file, JSON.stringify({ ...large, environment }, null, 2) + '\n');
      if (options.json) say(JSON.stringify(large, null, 2));
      else {
        printLargeShipment(large.largeShipment);
        say(`written to ${file} in ${large.wallSeconds} s`);
      }
      return 0;
    }
    const measured = await runBench(parties, options, progress);
    const results = buildBenchResults(options, environment, measured);
    await mkdir(options.outputDir, { recursive: true });
    const file = path.join(options.outputDir, 'latest.json');
    await writeFile(file, JSON.stringify(results, null, 2) + '\n');
    if (options.json) say(JSON.stringify(results, null, 2));
    else printResults(results, file);
    return 0;
  } finally {
    parties.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    progress(`failed: ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof Error && err.cause instanceof Error)
      progress(`  cause: ${err.cause.message}`);
    process.exitCode = 1;
  },
);
