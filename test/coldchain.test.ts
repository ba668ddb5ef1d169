// The cold chain on the live network through @coldtrace/gateway-client (imported from the package
// root, so a broken export fails here): a critical excursion quarantines the shipment at
// endorsement, only Pharma QA disposes of it, and bad input is refused with a typed error that
// names the field and changes nothing.
import {
  AccessDeniedError,
  type ColdtraceClient,
  connect,
  type SensorReadingInput,
  ValidationError,
} from '@coldtrace/gateway-client';
import * as path from 'node:path';
import { collect } from './support/coldtrace';
import { gtinWithCheckDigit } from './support/gtin';
import { profileDir, uniqueId } from './support/network';

const minuteMs = 60_000;

async function as(mspId: string, user: string): Promise<ColdtraceClient> {
  return connect({ connection: { profile: path.join(profileDir, `${mspId}.json`), user } });
}

function readingsAt(
  sensorId: string,
  startMs: number,
  celsius: readonly number[],
  stepMs = minuteMs,
): SensorReadingInput[] {
  return celsius.map((value, index) => ({
    sensorId,
    timestamp: new Date(startMs + index * stepMs).toISOString(),
    value,
    unit: 'CEL',
  }));
}

describe('cold chain through the client library', () => {
  let shipper: ColdtraceClient;
  let qa: ColdtraceClient;
  let dispatcher: ColdtraceClient;
  let carrier: ColdtraceClient;
  let auditor: ColdtraceClient;

  beforeAll(async () => {
    [shipper, qa, dispatcher, carrier, auditor] = await Promise.all([
      as('PharmaMSP', 'shipper'),
      as('PharmaMSP', 'qa'),
      as('LogisticsMSP', 'dispatcher'),
      as('LogisticsMSP', 'sensor-gateway'),
      as('AuditorMSP', 'auditor'),
    ]);
  });

  afterAll(() => {
    for (const client of [shipper, qa, dispatcher, carrier, auditor]) client.close();
  });

  async function shipmentInTransit(): Promise<{ shipmentId: string; lotId: string }> {
    const lot = await shipper.lots.register({
      gtin: gtinWithCheckDigit('0950600013435'),
      lotNumber: uniqueId('Q').slice(0, 20),
      expiry: '2028-01-31',
      productName: 'Insulin glargine 100 U/ml pens',
      profile: 'refrigerated-2-8',
    });
    const shipmentId = uniqueId('SHP');
    await shipper.shipments.create({
      shipmentId,
      lots: [{ lotId: lot.lotId, quantity: 500 }],
      origin: { name: 'Pharma DC, Frankfurt' },
      destination: { name: 'Hospital pharmacy, Porto' },
    });
    await shipper.custody.offer(shipmentId, 'LogisticsMSP');
    await dispatcher.custody.accept(shipmentId);
    return { shipmentId, lotId: lot.lotId };
  }

  it('quarantines on a freezing reading, and only Pharma QA releases it', async () => {
    const { shipmentId, lotId } = await shipmentInTransit();
    // Taken after the carrier accepted custody, ten seconds apart: the carrier is responsible.
    const readings = readingsAt('T-1', Date.now() + 1000, [5.1, 4.8, -1.5, 3.9, 4.4], 10_000);

    const receipt = await carrier.readings.newIngestion().ingest([{ shipmentId, readings }]);

    expect(receipt.committedReadings).toBe(5);
    const quarantined = await qa.shipments.get(shipmentId);
    expect(quarantined.status).toBe('QUARANTINED');
    const alerts = await collect(auditor.alerts.byLot(lotId));
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          shipmentId,
          type: 'HARD_LIMIT',
          severity: 'CRITICAL',
          custodianMspId: 'LogisticsMSP',
          peakMilliC: -1500,
        }),
      ]),
    );

    await expect(
      shipper.shipments.dispose(shipmentId, 'RELEASE', 'looks fine to me'),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    const released = await qa.shipments.dispose(
      shipmentId,
      'RELEASE',
      'Freeze indicator intact; 1 min at -1.5 °C within the validated freeze tolerance.',
    );
    // A release returns the shipment to where the quarantine held it.
    expect(released.status).toBe('IN_TRANSIT');
    expect(released.disposition).toMatchObject({ decision: 'RELEASE' });
  });

  it('counts a replayed batch once', async () => {
    const { shipmentId } = await shipmentInTransit();
    const readings = readingsAt('T-2', Date.now() - 20 * minuteMs, [5, 5.2, 5.4, 5.1]);

    await carrier.readings.newIngestion().ingest([{ shipmentId, readings }]);
    await carrier.readings.newIngestion().ingest([{ shipmentId, readings }]);

    const shipment = await qa.shipments.get(shipmentId);
    expect(shipment.readingCount).toBe(4);
    const stored: number[] = [];
    for await (const reading of qa.readings.all(shipmentId)) stored.push(reading.milliC);
    expect(stored).toEqual([5000, 5200, 5400, 5100]);
  });

  it('refuses an implausible temperature with a ValidationError naming the field, changing nothing', async () => {
    const { shipmentId } = await shipmentInTransit();
    const readings = readingsAt('T-3', Date.now() - 10 * minuteMs, [5, 500]);

    const summary = await carrier.readings.newIngestion().ingest([{ shipmentId, readings }]);

    expect(summary.failedBatches).toBe(1);
    const error = summary.batches[0]?.error;
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toMatch(/readings\[1\]/);
    expect((await qa.shipments.get(shipmentId)).readingCount).toBe(0);
  });
});
