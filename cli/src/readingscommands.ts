import { type BatchResult, type SensorReading, maxPageSize } from '@coldtrace/gateway-client';
import { findImplausibleUnits, readReadingsFile } from '@coldtrace/readings-io';
import { integerBetween } from './args';
import type { Command } from './commandregistry';
import { ProgressBar } from './progressbar';
import { runReadingsDryRun } from './readingsdryrun';
import { readingsFileOptionSpecs, readingsFileOptionsOf } from './readingsfileoptions';
import { formatSubmissionReport, submissionWarnings } from './submissionreport';
import { formatDuration } from './duration';
import { ListPrinter, eachPage } from './listprinter';
import { checkTime, pageSizeOf, pageSizeOption, parseTime } from './optionchecks';
import { celsius, isoTime } from './table';
import { UsageError } from './usageerror';

export const readingsSubmit: Command = {
  path: ['readings', 'submit'],
  summary: 'submit sensor readings from a logger CSV export, JSON or GS1 EPCIS 2.0 file',
  roles: 'Logistics sensor-gateway',
  options: [
    { name: 'shipment', description: 'shipment id', required: true },
    {
      name: 'file',
      description: 'readings file: logger CSV export, JSON or EPCIS (format read from the content)',
      required: true,
    },
    ...readingsFileOptionSpecs,
    { name: 'dry-run', description: 'show what would be submitted; submit nothing', flag: true },
    {
      name: 'batch-size',
      description: 'readings per transaction, 1-1000 (default 500)',
      check: integerBetween(1, 1000),
    },
    {
      name: 'in-flight',
      description: 'transactions in flight at once, 1-64 (default 8)',
      check: integerBetween(1, 64),
    },
  ],
  async run(context) {
    const shipmentId = context.option('shipment');
    const file = context.option('file');
    const parsed = await readReadingsFile(file, readingsFileOptionsOf(context.args));
    if (context.args.flags.has('dry-run')) {
      return runReadingsDryRun(context, shipmentId, file, parsed);
    }
    const { readings } = parsed;
    for (const warning of parsed.warnings) {
      context.err(`warning: ${warning}`);
    }
    if (parsed.skipped.length > 0) {
      context.err(`${parsed.skipped.length} entries of the file hold no reading (see --dry-run)`);
    }
    const maxBatchSize = Number(context.optionalOption('batch-size') ?? 500);
    const maxInFlight = Number(context.optionalOption('in-flight') ?? 8);
    const client = await context.client();
    // Values that look like another unit (41-43 as °C on a 2-8 °C profile) are warned about, not
    // refused: the file said °C, and the alerts they raise are for QA to judge.
    const shipment = await client.shipments.get(shipmentId);
    for (const finding of findImplausibleUnits(readings, shipment.profile)) {
      context.err(`warning: ${finding.message}`);
    }
    const progress = new ProgressBar(context.stderr, readings.length);
    const ingestion = client.readings.newIngestion({
      maxBatchSize,
      maxInFlight,
      signal: context.signal,
      onBatchSettled: (batch: BatchResult) => {
        progress.advance(batch.readingCount, batch.outcome !== 'committed');
      },
      onRetry: (batch, error, delayMs) => {
        context.err(`retrying batch ${batch.batchId} in ${formatDuration(delayMs)}: ${error.code}`);
      },
    });
    const summary = await ingestion.ingest([{ shipmentId, readings }]);
    progress.finish();
    if (context.json) {
      context.out(
        JSON.stringify(
          summary,
          (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
          2,
        ),
      );
    } else {
      context.out(formatSubmissionReport(summary));
    }
    for (const warning of submissionWarnings(summary)) {
      context.err(warning);
    }
    const failed = summary.batches.find((b) => b.outcome === 'failed');
    if (failed !== undefined) {
      context.err(
        `coldtrace: ${summary.failedBatches} batch(es) failed, ${summary.skippedBatches} skipped: ${failed.error?.message ?? 'unknown error'}`,
      );
      return 1;
    }
    return 0;
  },
};

export const readingsList: Command = {
  path: ['readings', 'list'],
  summary: "list a shipment's readings, page by page",
  roles: 'any role',
  options: [
    { name: 'shipment', description: 'shipment id', required: true },
    { name: 'from', description: 'start time (RFC 3339, or a UTC date)', check: checkTime },
    { name: 'to', description: 'end time (RFC 3339, or a UTC date)', check: checkTime },
    pageSizeOption,
  ],
  async run(context) {
    const client = await context.client();
    const shipmentId = context.option('shipment');
    const from = context.optionalOption('from');
    const to = context.optionalOption('to');
    const window = {
      ...(from !== undefined ? { fromMs: parseTime(from) } : {}),
      ...(to !== undefined ? { toMs: parseTime(to) } : {}),
    };
    if ((window.fromMs ?? 0) > (window.toMs ?? Number.MAX_SAFE_INTEGER)) {
      throw new UsageError('--from must not be after --to');
    }
    const printer = new ListPrinter<SensorReading>(
      context,
      ['Sensor', 'Time', '°C', 'Humidity %'],
      (r) => [
        r.sensorId,
        isoTime(r.timestampMs),
        celsius(r.milliC),
        r.humidityPct?.toString() ?? '',
      ],
    );
    await eachPage(
      (bookmark) =>
        client.readings.page(shipmentId, {
          ...window,
          pageSize: pageSizeOf(context.optionalOption('page-size'), maxPageSize),
          bookmark,
        }),
      (items) => printer.page(items),
    );
    await printer.end();
    return 0;
  },
};
