import { InMemoryLedger, TestIdentity } from './inmemoryledger';

/** Identities and a ready-made shipment for contract tests. */
export const shipper = new TestIdentity('PharmaMSP', 'shipper');
export const qa = new TestIdentity('PharmaMSP', 'qa');
export const dispatcher = new TestIdentity('LogisticsMSP', 'dispatcher');
export const sensorGateway = new TestIdentity('LogisticsMSP', 'sensor-gateway');
export const auditor = new TestIdentity('AuditorMSP', 'auditor');

export const gtin = '09506000134352';
export const lotId = `${gtin}:L1`;
export const startMs = Date.UTC(2026, 10, 23, 12, 0, 0);

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A lot and shipment SHP-1 in transit with LogisticsMSP as custodian. */
export async function shipmentInTransit(
  profile: unknown = 'refrigerated-2-8',
): Promise<InMemoryLedger> {
  const ledger = new InMemoryLedger();
  ledger.timeMs = startMs - 3_600_000;
  await ledger.invoke(
    shipper,
    'RegisterLot',
    JSON.stringify({
      gtin,
      lotNumber: 'L1',
      expiry: '2027-06-30',
      productName: 'Vaccine X',
      profile,
    }),
  );
  await ledger.invoke(
    shipper,
    'CreateShipment',
    JSON.stringify({
      shipmentId: 'SHP-1',
      lots: [{ lotId, quantity: 100 }],
      origin: { name: 'Basel DC' },
      destination: { gln: '9506000134352' },
    }),
  );
  await ledger.invoke(shipper, 'OfferCustody', 'SHP-1', 'LogisticsMSP');
  ledger.timeMs = startMs;
  await ledger.invoke(dispatcher, 'AcceptCustody', 'SHP-1');
  ledger.timeMs = startMs + 10 * 86_400_000;
  return ledger;
}

export interface ReadingSpec {
  readonly sensorId: string;
  readonly ms: number;
  readonly celsius: number;
}

export function batchJson(batchId: string, readings: readonly ReadingSpec[]): string {
  return JSON.stringify({
    batchId,
    readings: readings.map((r) => ({
      sensorId: r.sensorId,
      timestamp: iso(r.ms),
      value: r.celsius,
      unit: 'CEL',
    })),
  });
}

export function parseError(error: unknown): { code: string; field?: string; rule?: string } {
  if (!(error instanceof Error)) {
    throw new Error('not an error');
  }
  return JSON.parse(error.message) as { code: string; field?: string; rule?: string };
}

export async function expectError(
  promise: Promise<unknown>,
  expected: { code: string; field?: string; rule?: string },
): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(Error);
  expect(parseError(caught)).toMatchObject(expected);
}

/**
 * Every item of a paged query, following its bookmarks: `args` are the query's arguments before
 * `pageSize` and `bookmark`. Fails on a page that does not move on, instead of looping.
 */
export async function allPages<T>(
  ledger: InMemoryLedger,
  identity: TestIdentity,
  fcn: string,
  args: readonly string[],
  pageSize = '1000',
): Promise<T[]> {
  const items: T[] = [];
  let bookmark = '';
  do {
    const page = JSON.parse(await ledger.invoke(identity, fcn, ...args, pageSize, bookmark)) as {
      items: T[];
      bookmark: string;
    };
    if (page.bookmark !== '' && page.bookmark === bookmark) {
      throw new Error(`${fcn} returned the bookmark it was given`);
    }
    items.push(...page.items);
    bookmark = page.bookmark;
  } while (bookmark !== '');
  return items;
}

/** Every alert of the shipment, as the JSON array GetAlertsByShipment's pages add up to. */
export async function alertsJson(
  ledger: InMemoryLedger,
  identity: TestIdentity,
  shipmentId: string,
): Promise<string> {
  return JSON.stringify(await allPages(ledger, identity, 'GetAlertsByShipment', [shipmentId]));
}
