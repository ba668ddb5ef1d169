import {
  type ReadingFlags,
  type ShipmentEvent,
  maxPageSize,
  readShipmentCreationFile,
} from '@coldtrace/gateway-client';
import type { Command, CommandContext } from './commandregistry';
import { ListPrinter, eachPage } from './listprinter';
import { checkDate, oneOf, pageSizeOf, pageSizeOption } from './optionchecks';
import { UsageError } from './usageerror';
import { formatTable, isoTime } from './table';

function eventPrinter(context: CommandContext): ListPrinter<ShipmentEvent> {
  return new ListPrinter<ShipmentEvent>(
    context,
    ['Shipment', '#', 'Time', 'Event', 'By', 'Status', 'Summary'],
    (e) => [
      e.shipmentId,
      String(e.seq),
      isoTime(e.timestampMs),
      e.type,
      `${e.actor.mspId}/${e.actor.role}`,
      e.status,
      e.summary,
    ],
  );
}

/** Old readings with the earliest one's time, so QA sees at a glance how old the data is. */
function oldReadingsCell(flags: ReadingFlags): string {
  return flags.earliestOldReadingMs === null
    ? String(flags.oldReadings)
    : `${flags.oldReadings} (from ${isoTime(flags.earliestOldReadingMs)})`;
}

export const lotHistory: Command = {
  path: ['lot', 'history'],
  summary: "a lot's full history across every shipment that carried it, page by page",
  roles: 'Pharma qa, auditor',
  options: [
    { name: 'lot', description: 'lot id <gtin14>:<lotNumber>', required: true },
    pageSizeOption,
  ],
  async run(context) {
    const client = await context.client();
    const lotId = context.option('lot');
    const printer = eventPrinter(context);
    await eachPage(
      (bookmark) =>
        client.lots.historyPage(lotId, {
          pageSize: pageSizeOf(context.optionalOption('page-size'), maxPageSize),
          bookmark,
        }),
      (items) => printer.page(items),
    );
    await printer.end();
    return 0;
  },
};

export const lotGet: Command = {
  path: ['lot', 'get'],
  summary: 'show a lot',
  roles: 'any role',
  options: [{ name: 'lot', description: 'lot id', required: true }],
  async run(context) {
    const lot = await (await context.client()).lots.get(context.option('lot'));
    context.out(
      context.json
        ? JSON.stringify(lot, null, 2)
        : formatTable(
            ['Lot', 'Product', 'Expiry', 'Profile', 'Registered'],
            [
              [
                lot.lotId,
                lot.productName,
                lot.expiry,
                lot.profile.name,
                isoTime(lot.registeredAtMs),
              ],
            ],
          ),
    );
    return 0;
  },
};

export const lotRegister: Command = {
  path: ['lot', 'register'],
  summary: 'register a lot',
  roles: 'Pharma shipper, qa',
  options: [
    { name: 'gtin', description: 'GTIN-8/12/13/14', required: true },
    { name: 'lot-number', description: 'lot number', required: true },
    {
      name: 'expiry',
      description: 'YYYY-MM-DD',
      required: true,
      check: checkDate,
    },
    {
      name: 'product',
      description: 'product name',
      required: true,
      fields: ['lotJson.productName'],
    },
    { name: 'profile', description: 'temperature profile preset (default refrigerated-2-8)' },
  ],
  async run(context) {
    const lot = await (
      await context.client()
    ).lots.register({
      gtin: context.option('gtin'),
      lotNumber: context.option('lot-number'),
      expiry: context.option('expiry'),
      productName: context.option('product'),
      profile: context.optionalOption('profile') ?? 'refrigerated-2-8',
    });
    context.out(
      context.json ? JSON.stringify(lot, null, 2) : `registered lot ${lot.lotId} (tx ${lot.txId})`,
    );
    return 0;
  },
};

export const shipmentHistory: Command = {
  path: ['shipment', 'history'],
  summary: "a shipment's history, page by page",
  roles: 'any role',
  options: [{ name: 'shipment', description: 'shipment id', required: true }, pageSizeOption],
  async run(context) {
    const client = await context.client();
    const shipmentId = context.option('shipment');
    const printer = eventPrinter(context);
    await eachPage(
      (bookmark) =>
        client.shipments.historyPage(shipmentId, {
          pageSize: pageSizeOf(context.optionalOption('page-size'), maxPageSize),
          bookmark,
        }),
      (items) => printer.page(items),
    );
    await printer.end();
    return 0;
  },
};

export const shipmentGet: Command = {
  path: ['shipment', 'get'],
  summary: 'show a shipment',
  roles: 'any role',
  options: [{ name: 'shipment', description: 'shipment id', required: true }],
  async run(context) {
    const s = await (await context.client()).shipments.get(context.option('shipment'));
    context.out(
      context.json
        ? JSON.stringify(s, null, 2)
        : formatTable(
            [
              'Shipment',
              'Status',
              'Owner',
              'Custodian',
              'Pending to',
              'Readings',
              'Old readings',
              'Conflicts',
              'Profile',
            ],
            [
              [
                s.shipmentId,
                s.status,
                s.ownerMspId,
                s.custodianMspId,
                s.pendingHandover?.toMspId ?? '',
                String(s.readingCount),
                oldReadingsCell(s.readingFlags),
                String(s.readingFlags.conflicts),
                s.profile.name,
              ],
            ],
          ),
    );
    return 0;
  },
};

export const shipmentCreate: Command = {
  path: ['shipment', 'create'],
  summary: 'create a shipment from a JSON file shaped as CreateShipment takes it',
  roles: 'Pharma shipper',
  options: [{ name: 'file', description: 'shipment JSON', required: true }],
  async run(context) {
    const input = await readShipmentCreationFile(context.option('file'));
    const client = await context.client();
    const shipment = await client.shipments.create(input);
    context.out(
      context.json
        ? JSON.stringify(shipment, null, 2)
        : `created shipment ${shipment.shipmentId} (${shipment.status})`,
    );
    return 0;
  },
};

export const shipmentDispose: Command = {
  path: ['shipment', 'dispose'],
  summary: 'release or reject a quarantined shipment',
  roles: 'Pharma qa',
  options: [
    { name: 'shipment', description: 'shipment id', required: true },
    {
      name: 'decision',
      description: 'RELEASE or REJECT',
      required: true,
      check: oneOf(['RELEASE', 'REJECT']),
    },
    { name: 'reason', description: 'reason for the decision', required: true },
  ],
  async run(context) {
    const decision = context.option('decision').toUpperCase();
    if (decision !== 'RELEASE' && decision !== 'REJECT') {
      throw new UsageError('--decision must be RELEASE or REJECT');
    }
    const shipment = await (
      await context.client()
    ).shipments.dispose(context.option('shipment'), decision, context.option('reason'));
    context.out(
      context.json
        ? JSON.stringify(shipment, null, 2)
        : `shipment ${shipment.shipmentId} is ${shipment.status}`,
    );
    return 0;
  },
};
