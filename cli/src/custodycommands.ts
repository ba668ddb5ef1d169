import { type Shipment } from '@coldtrace/gateway-client';
import type { Command, CommandContext } from './commandregistry';

function printShipment(context: CommandContext, shipment: Shipment): number {
  context.out(
    context.json
      ? JSON.stringify(shipment, null, 2)
      : `shipment ${shipment.shipmentId}: ${shipment.status}, custodian ${shipment.custodianMspId}${shipment.pendingHandover !== null ? `, offered to ${shipment.pendingHandover.toMspId}` : ''}`,
  );
  return 0;
}

const shipmentOption = { name: 'shipment', description: 'shipment id', required: true };

export const custodyOffer: Command = {
  path: ['custody', 'offer'],
  summary: 'offer custody of a shipment to another organisation',
  roles: 'current custodian: Pharma shipper, Logistics dispatcher',
  options: [
    shipmentOption,
    {
      name: 'to',
      description: 'MSP ID of the receiving organisation',
      required: true,
      fields: ['toMspId'],
    },
  ],
  async run(context) {
    const client = await context.client();
    return printShipment(
      context,
      await client.custody.offer(context.option('shipment'), context.option('to')),
    );
  },
};

export const custodyAccept: Command = {
  path: ['custody', 'accept'],
  summary: 'accept custody offered to your organisation',
  roles: 'Logistics dispatcher, Pharma shipper',
  options: [shipmentOption],
  async run(context) {
    const client = await context.client();
    return printShipment(context, await client.custody.accept(context.option('shipment')));
  },
};

export const custodyDeliver: Command = {
  path: ['custody', 'deliver'],
  summary: 'confirm delivery of a shipment',
  roles: 'Pharma shipper (owner) or Logistics dispatcher (custodian)',
  options: [shipmentOption],
  async run(context) {
    const client = await context.client();
    return printShipment(context, await client.custody.confirmDelivery(context.option('shipment')));
  },
};
