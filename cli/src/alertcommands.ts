import { type ExcursionAlert, maxPageSize } from '@coldtrace/gateway-client';
import type { Command, CommandContext } from './commandregistry';
import { formatDuration } from './duration';
import { ListPrinter, eachPage } from './listprinter';
import { UsageError } from './usageerror';
import { celsius, isoTime } from './table';
import { checkTime, oneOf, pageSizeOf, pageSizeOption, parseTime } from './optionchecks';

const severities = ['WARNING', 'CRITICAL'] as const;
const statuses = ['OPEN', 'ACKNOWLEDGED', 'WITHDRAWN'] as const;

/** The limit an alert broke, in words: `above 8.0 °C for 2 h`, `silent > 15 min`. */
export function thresholdText(alert: ExcursionAlert): string {
  const limit = alert.limitMs === null ? '' : formatDuration(alert.limitMs);
  if (alert.type === 'DATA_GAP') {
    return limit === '' ? 'silent' : `silent > ${limit}`;
  }
  if (alert.thresholdMilliC === null) {
    return '';
  }
  const bound = `${alert.direction === 'BELOW' ? 'below' : 'above'} ${celsius(alert.thresholdMilliC)} °C`;
  switch (alert.type) {
    case 'CONTINUOUS':
    case 'CUMULATIVE':
      return limit === '' ? bound : `${bound} for ${limit}`;
    case 'MKT':
      return limit === '' ? `MKT ${bound}` : `MKT ${bound} per ${limit}`;
    default:
      return bound;
  }
}

/** The duration, with how much of it no reading covered: `2 h 30 min (1 h 30 min unlogged)`. */
export function durationText(alert: ExcursionAlert): string {
  const duration = formatDuration(alert.durationMs);
  const uncoveredMs = alert.coverage?.uncoveredMs ?? 0;
  return uncoveredMs > 0 ? `${duration} (${formatDuration(uncoveredMs)} unlogged)` : duration;
}

const alertHeaders = [
  'Alert',
  'Severity',
  'Status',
  'Shipment',
  'Sensor',
  'Start',
  'End',
  'Duration',
  'Threshold',
  'Peak °C',
  'Custodian',
  'Acknowledgement',
];

function alertRow(a: ExcursionAlert): string[] {
  return [
    a.alertId,
    a.severity,
    a.status,
    a.shipmentId,
    a.sensorId,
    isoTime(a.startMs),
    a.ongoing ? 'ongoing' : isoTime(a.endMs),
    durationText(a),
    thresholdText(a),
    celsius(a.peakMilliC),
    a.custodianMspId,
    a.acknowledgement === null ? '' : `${a.acknowledgement.by.mspId}: ${a.acknowledgement.comment}`,
  ];
}

function alertPrinter(context: CommandContext): ListPrinter<ExcursionAlert> {
  return new ListPrinter(context, alertHeaders, alertRow);
}

/** Which alerts `alerts list` keeps, from its options. */
interface AlertFilter {
  readonly severity?: string;
  readonly status?: string;
  readonly sinceMs?: number;
}

/** An alert is kept when its excursion went on at or after `sinceMs` (or is still going on). */
function keeps(filter: AlertFilter, alert: ExcursionAlert): boolean {
  return (
    (filter.severity === undefined || alert.severity === filter.severity) &&
    (filter.status === undefined || alert.status === filter.status) &&
    (filter.sinceMs === undefined ||
      alert.ongoing ||
      (alert.endMs ?? alert.startMs) >= filter.sinceMs)
  );
}

function filterOf(context: CommandContext): AlertFilter {
  const severity = context.optionalOption('severity')?.toUpperCase();
  const status = context.optionalOption('status')?.toUpperCase();
  const since = context.optionalOption('since');
  return {
    ...(severity !== undefined ? { severity } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(since !== undefined ? { sinceMs: parseTime(since) } : {}),
  };
}

export const alertsList: Command = {
  path: ['alerts', 'list'],
  summary: 'list open alerts, or every alert of a shipment or lot, page by page',
  roles: 'Pharma qa, auditor, custodians',
  options: [
    { name: 'shipment', description: 'alerts of this shipment' },
    { name: 'lot', description: 'alerts of this lot (every shipment that carried it)' },
    {
      name: 'severity',
      description: `only alerts of this severity: ${severities.join(' or ')}`,
      check: oneOf(severities),
    },
    {
      name: 'status',
      description: `only alerts in this status: ${statuses.join(', ')}`,
      check: oneOf(statuses),
    },
    {
      name: 'since',
      description: 'only excursions going on at or after this time (RFC 3339, or a UTC date)',
      check: checkTime,
    },
    pageSizeOption,
  ],
  async run(context) {
    const shipmentId = context.optionalOption('shipment');
    const lotId = context.optionalOption('lot');
    if (shipmentId !== undefined && lotId !== undefined) {
      throw new UsageError('give --shipment or --lot, not both');
    }
    const filter = filterOf(context);
    if (shipmentId === undefined && lotId === undefined && (filter.status ?? 'OPEN') !== 'OPEN') {
      throw new UsageError(
        `--status ${filter.status ?? ''} needs --shipment or --lot (without them the list is the open alerts)`,
      );
    }
    const client = await context.client();
    const page = { pageSize: pageSizeOf(context.optionalOption('page-size'), maxPageSize) };
    const fetchPage = (bookmark: string) =>
      shipmentId !== undefined
        ? client.alerts.byShipmentPage(shipmentId, { ...page, bookmark })
        : lotId !== undefined
          ? client.alerts.byLotPage(lotId, { ...page, bookmark })
          : client.alerts.openPage({ ...page, bookmark });
    const printer = alertPrinter(context);
    await eachPage(fetchPage, (items) =>
      printer.page(items.filter((alert) => keeps(filter, alert))),
    );
    await printer.end();
    return 0;
  },
};

export const alertsAck: Command = {
  path: ['alerts', 'ack'],
  summary: 'acknowledge an alert with a comment',
  roles: 'Pharma qa; shipper or dispatcher of the custodian',
  options: [
    { name: 'shipment', description: 'shipment id', required: true },
    { name: 'alert', description: 'alert id', required: true },
    { name: 'comment', description: 'what was done about it', required: true },
  ],
  async run(context) {
    const client = await context.client();
    const alert = await client.alerts.acknowledge(
      context.option('shipment'),
      context.option('alert'),
      context.option('comment'),
    );
    const printer = alertPrinter(context);
    await printer.page([alert]);
    await printer.end();
    return 0;
  },
};

export const alertsWatch: Command = {
  path: ['alerts', 'watch'],
  summary: 'follow alerts as they are committed; resumes from a checkpoint file',
  roles: 'any role',
  options: [
    { name: 'checkpoint', description: 'checkpoint file (default none: start at the ledger tip)' },
    {
      name: 'from-block',
      description: 'first block when the checkpoint is empty',
      check: (value) => (/^\d+$/.test(value) ? undefined : 'must be a block number'),
    },
  ],
  async run(context) {
    const client = await context.client();
    const checkpointFile = context.optionalOption('checkpoint');
    const fromBlock = context.optionalOption('from-block');
    const stream = client.alerts.watch({
      ...(checkpointFile !== undefined ? { checkpointFile } : {}),
      ...(fromBlock !== undefined ? { startBlock: BigInt(fromBlock) } : {}),
      onReconnect: (error, attempt, delayMs) => {
        context.err(
          `alert stream interrupted (${error.code}); reconnect #${attempt} in ${formatDuration(delayMs)}`,
        );
      },
    });
    context.signal.addEventListener(
      'abort',
      () => {
        stream.close();
      },
      { once: true },
    );
    for await (const notification of stream) {
      if (context.json) {
        context.out(
          JSON.stringify({ ...notification, blockNumber: notification.blockNumber.toString() }),
        );
      } else {
        const printer = alertPrinter(context);
        await printer.page(notification.alerts);
        await printer.end();
      }
    }
    return 0;
  },
};
