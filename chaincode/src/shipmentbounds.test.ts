import { maxShipmentHandovers, maxShipmentSensors } from '@coldtrace/protocol';
import type { Shipment } from './shipment';
import {
  batchJson,
  dispatcher,
  expectError,
  sensorGateway,
  shipmentInTransit,
  shipper,
  startMs,
} from './testing/testfixtures';

const shipmentOf = async (ledger: Awaited<ReturnType<typeof shipmentInTransit>>) =>
  JSON.parse(await ledger.invoke(shipper, 'GetShipment', 'SHP-1')) as Shipment;

describe('a shipment answer stays bounded', () => {
  it(`takes readings from at most ${maxShipmentSensors} sensors, refusing the batch that passes it`, async () => {
    const ledger = await shipmentInTransit();
    const sensors = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        sensorId: `S${from + i}`,
        ms: startMs + 60_000,
        celsius: 5,
      }));
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson('B1', sensors(0, maxShipmentSensors - 1)),
    );
    const before = await shipmentOf(ledger);
    await expectError(
      ledger.invoke(
        sensorGateway,
        'SubmitReadings',
        'SHP-1',
        batchJson('B2', [...sensors(maxShipmentSensors - 1, 2), ...sensors(0, 1)]),
      ),
      { code: 'VALIDATION_FAILED', field: 'readings[1].sensorId', rule: 'max-sensors' },
    );
    expect(await shipmentOf(ledger)).toEqual(before);
    // The last free place, and readings of known sensors, are still taken.
    await ledger.invoke(
      sensorGateway,
      'SubmitReadings',
      'SHP-1',
      batchJson(
        'B3',
        [...sensors(maxShipmentSensors - 1, 1), ...sensors(0, 1)].map((r) => ({
          ...r,
          ms: r.ms + 60_000,
        })),
      ),
    );
    expect((await shipmentOf(ledger)).sensorIds).toHaveLength(maxShipmentSensors);
  });

  it(`records at most ${maxShipmentHandovers} custody handovers`, async () => {
    const ledger = await shipmentInTransit();
    const holders = [
      { msp: 'PharmaMSP', identity: shipper },
      { msp: 'LogisticsMSP', identity: dispatcher },
    ];
    // shipmentInTransit made the first handover (Pharma to Logistics).
    for (let n = 1; n < maxShipmentHandovers; n++) {
      const from = holders[n % 2]!;
      const to = holders[(n + 1) % 2]!;
      await ledger.invoke(from.identity, 'OfferCustody', 'SHP-1', to.msp);
      await ledger.invoke(to.identity, 'AcceptCustody', 'SHP-1');
    }
    const full = await shipmentOf(ledger);
    expect(full.handovers).toHaveLength(maxShipmentHandovers);
    await expectError(ledger.invoke(shipper, 'OfferCustody', 'SHP-1', 'LogisticsMSP'), {
      code: 'INVALID_STATE',
      field: 'shipmentId',
      rule: 'max-handovers',
    });
    expect(await shipmentOf(ledger)).toEqual(full);
  });
});
