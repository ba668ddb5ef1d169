import {
  type ReadingChunk,
  marshal,
  pageItemBytes,
  readingOfRow,
  splitCompositeKey,
  utf8Text,
} from '@coldtrace/protocol';
import { shipmentsPerLotPage } from './shipmentqueries';
import type { InMemoryLedger } from './testing/inmemoryledger';
import {
  auditor,
  batchJson,
  dispatcher,
  expectError,
  lotId,
  qa,
  sensorGateway,
  shipmentInTransit,
  shipper,
  startMs,
} from './testing/testfixtures';

// Every query at a byte budget of 4 KiB instead of 1 MiB, so a few dozen items span many pages
// and each page ends on the byte bound rather than on pageSize.
const budget = 4096;
jest.mock('@coldtrace/protocol', () => ({
  ...jest.requireActual<typeof import('@coldtrace/protocol')>('@coldtrace/protocol'),
  maxPageBytes: 4096,
}));

const minute = 60_000;
const itemBytes = (item: unknown): number => pageItemBytes(marshal(item));

interface PageJson {
  items: unknown[];
  bookmark: string;
}

/**
 * Follows a query's pages and checks each against the bounds: at most `pageSize` items of at most
 * `budget` bytes, and a page that stops early stops only because its next item would not fit.
 */
async function pagesOf(
  ledger: InMemoryLedger,
  fcn: string,
  args: readonly string[],
  pageSize: number,
): Promise<{ items: unknown[]; pages: number }> {
  const items: unknown[] = [];
  let bookmark = '';
  let pages = 0;
  let previous: PageJson | undefined;
  do {
    const page = JSON.parse(
      await ledger.invoke(auditor, fcn, ...args, String(pageSize), bookmark),
    ) as PageJson;
    const bytes = page.items.reduce<number>((total, item) => total + itemBytes(item), 0);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    expect(bytes).toBeLessThanOrEqual(budget);
    if (previous !== undefined && previous.items.length < pageSize) {
      const previousBytes = previous.items.reduce<number>((t, item) => t + itemBytes(item), 0);
      expect(previousBytes + itemBytes(page.items[0])).toBeGreaterThan(budget);
    }
    items.push(...page.items);
    previous = page;
    bookmark = page.bookmark;
    pages += 1;
  } while (bookmark !== '' && pages < 1000);
  return { items, pages };
}

/** Values stored under an object type (and shipment), in key order: the oracle. */
function stored(
  ledger: InMemoryLedger,
  objectType: string,
  shipmentId?: string,
): [string, string][] {
  return [...ledger.state.entries()]
    .filter(([key]) => {
      const parsed = splitCompositeKey(key);
      return (
        parsed?.objectType === objectType &&
        (shipmentId === undefined || parsed.attributes[0] === shipmentId)
      );
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => [key, utf8Text(value)]);
}

/** Readings every 5 min, every third one at 9 °C: a one-reading OUT_OF_RANGE run each time. */
function sawtooth(sensorId: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    sensorId,
    ms: startMs + i * 5 * minute,
    celsius: i % 3 === 1 ? 9 : 5,
  }));
}

describe('every list query at a lowered byte budget', () => {
  let ledger: InMemoryLedger;

  beforeAll(async () => {
    ledger = await shipmentInTransit();
    for (const shipmentId of ['SHP-2', 'SHP-3']) {
      await ledger.invoke(
        shipper,
        'CreateShipment',
        JSON.stringify({
          shipmentId,
          lots: [{ lotId, quantity: 10 }],
          origin: { name: 'Basel DC' },
          destination: { name: 'Porto' },
        }),
      );
    }
    await ledger.invoke(shipper, 'OfferCustody', 'SHP-2', 'LogisticsMSP');
    await ledger.invoke(dispatcher, 'AcceptCustody', 'SHP-2');
    for (const shipmentId of ['SHP-1', 'SHP-2']) {
      const readings = [...sawtooth('S1', 90), ...sawtooth('S2', 60)];
      await ledger.invoke(sensorGateway, 'SubmitReadings', shipmentId, batchJson('B1', readings));
    }
  });

  it('pages alerts by shipment: every stored alert once, in key order', async () => {
    const { items, pages } = await pagesOf(ledger, 'GetAlertsByShipment', ['SHP-1'], 1000);
    const expected = stored(ledger, 'alert', 'SHP-1').map(
      ([, json]) => JSON.parse(json) as unknown,
    );
    expect(expected.length).toBeGreaterThanOrEqual(50);
    expect(items).toEqual(expected);
    expect(pages).toBeGreaterThan(5);
  });

  it('pages alerts by lot across its shipments, resuming inside and between shipments', async () => {
    const expected = [...stored(ledger, 'alert', 'SHP-1'), ...stored(ledger, 'alert', 'SHP-2')].map(
      ([, json]) => JSON.parse(json) as unknown,
    );
    for (const pageSize of [1000, 3, 7]) {
      const { items } = await pagesOf(ledger, 'GetAlertsByLot', [lotId], pageSize);
      expect(items).toEqual(expected);
    }
  });

  it('reads no more entries for a page than pageSize and the one after it', async () => {
    const entriesRead = async (fcn: string, ...args: string[]): Promise<number> => {
      await ledger.invoke(auditor, fcn, ...args);
      return ledger.calls.at(-1)!.entries;
    };
    expect(stored(ledger, 'alert', 'SHP-1').length).toBeGreaterThan(8);
    expect(await entriesRead('GetAlertsByShipment', 'SHP-1', '7', '')).toBeLessThanOrEqual(8);
    expect(await entriesRead('GetAlertsByShipment', 'SHP-1', '1', '')).toBeLessThanOrEqual(2);
    expect(await entriesRead('GetShipmentHistory', 'SHP-1', '2', '')).toBeLessThanOrEqual(3);
    expect(await entriesRead('GetOpenAlerts', '7', '')).toBeLessThanOrEqual(8);
    // By lot: the lot's shipment index (three shipments), then alerts of the first one only.
    expect(await entriesRead('GetAlertsByLot', lotId, '7', '')).toBeLessThanOrEqual(3 + 8);
  });

  it('pages open alerts over every shipment', async () => {
    const { items } = await pagesOf(ledger, 'GetOpenAlerts', [], 1000);
    const open = stored(ledger, 'openalert').map(([key]) => {
      const [shipmentId = '', alertId = ''] = splitCompositeKey(key)?.attributes ?? [];
      return `${shipmentId}/${alertId}`;
    });
    expect(
      items.map(
        (a) => `${(a as { shipmentId: string }).shipmentId}/${(a as { alertId: string }).alertId}`,
      ),
    ).toEqual(open);
  });

  it('pages readings, resuming inside a day chunk', async () => {
    const { items, pages } = await pagesOf(
      ledger,
      'GetReadings',
      ['SHP-1', '0', String(Number.MAX_SAFE_INTEGER)],
      1000,
    );
    const expected = stored(ledger, 'readings', 'SHP-1').flatMap(([key, json]) =>
      (JSON.parse(json) as ReadingChunk).rows.map((row) =>
        readingOfRow('SHP-1', splitCompositeKey(key)?.attributes[1] ?? '', row),
      ),
    );
    expect(items).toEqual(expected);
    expect(items).toHaveLength(150);
    expect(pages).toBeGreaterThan(3);
  });

  it('pages a shipment history and a lot history', async () => {
    for (let n = 10; n < 20; n++) {
      await ledger.invoke(
        shipper,
        'CreateShipment',
        JSON.stringify({
          shipmentId: `SHP-${n}`,
          lots: [{ lotId, quantity: 1 }],
          origin: { name: 'Basel DC' },
          destination: { name: 'Porto' },
        }),
      );
    }
    const history = await pagesOf(ledger, 'GetShipmentHistory', ['SHP-1'], 1000);
    expect(history.items).toEqual(
      stored(ledger, 'event', 'SHP-1').map(([, j]) => JSON.parse(j) as unknown),
    );
    const lotPages: { shipmentIds: string[]; items: { shipmentId: string }[] }[] = [];
    let bookmark = '';
    do {
      const page = JSON.parse(
        await ledger.invoke(qa, 'GetLotHistory', lotId, '1000', bookmark),
      ) as { shipmentIds: string[]; items: { shipmentId: string }[]; bookmark: string };
      expect(page.items.reduce((t, e) => t + itemBytes(e), 0)).toBeLessThanOrEqual(budget);
      expect(page.shipmentIds).toEqual([...new Set(page.items.map((e) => e.shipmentId))]);
      lotPages.push(page);
      bookmark = page.bookmark;
    } while (bookmark !== '');
    expect(lotPages.length).toBeGreaterThan(1);
    // Every shipment here carries the lot, so the stored events in key order are its history.
    expect(lotPages.flatMap((p) => p.items)).toEqual(
      stored(ledger, 'event').map(([, j]) => JSON.parse(j) as unknown),
    );
  });

  it('refuses a bad pageSize or a bookmark of another query, naming the field', async () => {
    await expectError(ledger.invoke(qa, 'GetAlertsByShipment', 'SHP-1', '0', ''), {
      code: 'VALIDATION_FAILED',
      field: 'pageSize',
      rule: 'range',
    });
    const history = JSON.parse(
      await ledger.invoke(qa, 'GetShipmentHistory', 'SHP-1', '1', ''),
    ) as PageJson;
    await expectError(ledger.invoke(qa, 'GetAlertsByLot', lotId, '10', history.bookmark), {
      code: 'VALIDATION_FAILED',
      field: 'bookmark',
      rule: 'format',
    });
    await expectError(ledger.invoke(qa, 'GetAlertsByShipment', 'SHP-1', '10', 'x!'), {
      code: 'VALIDATION_FAILED',
      field: 'bookmark',
      rule: 'format',
    });
    await expectError(ledger.invoke(qa, 'GetAlertsByLot', '09506000134352:NOPE', '10', ''), {
      code: 'NOT_FOUND',
      field: 'lotId',
    });
  });
});

describe('alerts by lot over many shipments', () => {
  it('looks into a bounded number of shipments per page and resumes at the next one', async () => {
    const ledger = await shipmentInTransit();
    const ids = Array.from(
      { length: 2 * shipmentsPerLotPage + 30 },
      (_, i) => `SHP-A${String(i).padStart(3, '0')}`,
    );
    for (const shipmentId of ids) {
      await ledger.invoke(
        shipper,
        'CreateShipment',
        JSON.stringify({
          shipmentId,
          lots: [{ lotId, quantity: 1 }],
          origin: { name: 'Basel DC' },
          destination: { name: 'Porto' },
        }),
      );
    }
    // Alerts only far into the lot's shipments (SHP-1 sorts first and has none).
    const withAlerts = [ids[150]!, ids.at(-1)!];
    for (const shipmentId of withAlerts) {
      await ledger.invoke(shipper, 'OfferCustody', shipmentId, 'LogisticsMSP');
      await ledger.invoke(dispatcher, 'AcceptCustody', shipmentId);
      await ledger.invoke(
        sensorGateway,
        'SubmitReadings',
        shipmentId,
        batchJson('B1', sawtooth('S1', 6)),
      );
    }
    const pages: PageJson[] = [];
    let bookmark = '';
    do {
      const page = JSON.parse(
        await ledger.invoke(qa, 'GetAlertsByLot', lotId, '1000', bookmark),
      ) as PageJson;
      // The lot, the shipment index in parts, and one alert range per shipment looked into.
      expect(ledger.calls.at(-1)!.reads).toBeLessThanOrEqual(1 + 3 + shipmentsPerLotPage);
      pages.push(page);
      bookmark = page.bookmark;
    } while (bookmark !== '' && pages.length < 10);
    expect(pages.map((page) => page.items.length > 0)).toEqual([false, true, true]);
    expect(pages.flatMap((page) => page.items)).toEqual(
      withAlerts.flatMap((id) =>
        stored(ledger, 'alert', id).map(([, j]) => JSON.parse(j) as unknown),
      ),
    );
  });
});
