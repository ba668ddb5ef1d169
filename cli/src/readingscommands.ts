import { type BatchResult, type SensorReading, maxPageSize } from '@coldtrace/gateway-client';
import { readReadingsFile } from '@coldtrace/readings-io';
import { integerBetween } from './args';
import type { Command } from './commandregistry';
import { ProgressBar } from './progressbar';
import { formatDuration } from './duration';
import { ListPrinter, eachPage } from './listprinter';
import { checkTime, pageSizeOf, pageSizeOption, parseTime } from './optionchecks';
import { celsius, formatTable, isoTime } from './table';
import { UsageError } from './usageerror';

export const readingsSubmit: Command = {
  path: ['readings', 'submit'],
  summary: 'submit sensor readings from a CSV, JSON or GS1 EPCIS 2.0 file',
  roles: 'Logistics sensor-gateway',
  options: [
    { name: 'shipment', description: 'shipment id', required: true },
    { name: 'file', description: 'readings file (.csv, .json, EPCIS JSON)', required: true },
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
    const { readings } = await readReadingsFile(context.option('file'));
    const maxBatchSize = Number(context.optionalOption('batch-size') ?? 500);
    const maxInFlight = Number(context.optionalOption('in-flight') ?? 8);
    const client = await context.client();
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
      context.out(
        formatTable(
          [
            'Batch',
            'Readings',
            'Outcome',
            'Accepted',
            'Duplicates',
            'Status',
            'Block',
            'Transaction',
          ],
          summary.batches.map((b) => [
            b.batchId,
            String(b.readingCount),
            b.outcome,
            b.receipt !== undefined ? String(b.receipt.accepted) : '',
            b.receipt !== undefined ? String(b.receipt.duplicates) : '',
            b.commitStatus?.codeName ?? b.error?.code ?? '',
            b.commitStatus?.blockNumber.toString() ?? '',
            b.transactionId ?? '',
          ]),
        ),
      );
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
