import { type ExcursionAlert } from '@coldtrace/gateway-client';
import type { Command, CommandContext } from './commandregistry';
import { UsageError } from './usageerror';
import { celsius, formatTable, isoTime } from './table';

function alertRows(alerts: readonly ExcursionAlert[]): string[][] {
  return alerts.map((a) => [
    a.alertId,
    a.severity,
    a.status,
    a.shipmentId,
    a.sensorId,
    isoTime(a.startMs),
    a.ongoing ? 'ongoing' : isoTime(a.endMs),
    celsius(a.peakMilliC),
    a.custodianMspId,
  ]);
}

const alertHeaders = [
  'Alert',
  'Severity',
  'Status',
  'Shipment',
  'Sensor',
  'Start',
  'End',
  'Peak °C',
  'Custodian',
];

function printAlerts(context: CommandContext, alerts: readonly ExcursionAlert[]): number {
  context.out(
    context.json ? JSON.stringify(alerts, null, 2) : formatTable(alertHeaders, alertRows(alerts)),
  );
  return 0;
}

export const alertsList: Command = {
  path: ['alerts', 'list'],
  summary: 'list open alerts, or every alert of a shipment or lot',
  roles: 'Pharma qa, auditor, custodians',
  options: [
    { name: 'shipment', description: 'alerts of this shipment' },
    { name: 'lot', description: 'alerts of this lot' },
  ],
  async run(context) {
    const client = await context.client();
    const shipmentId = context.optionalOption('shipment');
    const lotId = context.optionalOption('lot');
    if (shipmentId !== undefined && lotId !== undefined) {
      throw new UsageError('give --shipment or --lot, not both');
    }
    if (shipmentId !== undefined) {
      return printAlerts(context, await client.alerts.byShipment(shipmentId));
    }
    if (lotId !== undefined) {
      return printAlerts(context, await client.alerts.byLot(lotId));
    }
    const open: ExcursionAlert[] = [];
    for await (const alert of client.alerts.allOpen()) {
      open.push(alert);
    }
    return printAlerts(context, open);
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
    return printAlerts(context, [alert]);
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
          `alert stream interrupted (${error.code}); reconnect #${attempt} in ${delayMs} ms`,
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
        context.out(formatTable(alertHeaders, alertRows(notification.alerts)));
      }
    }
    return 0;
  },
};
