import { parseExcursionAlert } from './excursionalert';
import { JsonShapeError } from './jsonshapeerror';
import { utf8Bytes } from './marshal';
import { maxReceiptAlerts, parseReadingsReceipt } from './readingsreceipt';
import { parseShipment } from './shipment';

function shapeError(read: () => unknown): JsonShapeError {
  try {
    read();
  } catch (error) {
    if (error instanceof JsonShapeError) {
      return error;
    }
  }
  throw new Error('expected a JsonShapeError');
}

const bytes = (value: unknown): Uint8Array => utf8Bytes(JSON.stringify(value));

const actor = { mspId: 'PharmaMSP', id: 'x509::CN=qa::CN=ca', role: 'qa' };

const receipt = {
  shipmentId: 'SHP-001',
  batchId: 'B-0001',
  stored: 497,
  duplicates: 2,
  conflicts: [
    {
      sensorId: 'LOGGER-7',
      timestampMs: 1795424400000,
      stored: { milliC: 5250, humidityPct: 41.5, location: null },
      submitted: { milliC: 5500, humidityPct: null, location: { lat: -1.292066, lon: 36.821946 } },
    },
  ],
  oldReadings: 1,
  earliestOldReadingMs: 1546300800000,
  alerts: [
    {
      alertId: 'CONTINUOUS:above-8-continuous:LOGGER-7:1795424400000',
      change: 'RAISED',
      type: 'CONTINUOUS',
      severity: 'CRITICAL',
      status: 'OPEN',
    },
  ],
  alertCounts: { raised: 1, changed: 0, withdrawn: 0 },
  shipmentStatus: 'QUARANTINED',
  readingCount: 4312,
};

describe('ReadingsReceipt reader', () => {
  it('reads a receipt without losing or changing a field', () => {
    expect(parseReadingsReceipt(bytes(receipt))).toEqual(receipt);
  });

  it('names the field a receipt lacks or gets wrong', () => {
    const withoutConflicts = { ...receipt, conflicts: undefined };
    expect(shapeError(() => parseReadingsReceipt(bytes(withoutConflicts)))).toMatchObject({
      field: 'ReadingsReceipt.conflicts',
      rule: 'required',
    });
    const badChange = { ...receipt, alerts: [{ ...receipt.alerts[0], change: 'MOVED' }] };
    expect(shapeError(() => parseReadingsReceipt(bytes(badChange)))).toMatchObject({
      field: 'ReadingsReceipt.alerts[0].change',
      rule: 'enum',
    });
    const noEarliest = { ...receipt, earliestOldReadingMs: undefined };
    expect(shapeError(() => parseReadingsReceipt(bytes(noEarliest)))).toMatchObject({
      field: 'ReadingsReceipt.earliestOldReadingMs',
      rule: 'required',
    });
  });

  it('refuses more alerts than a receipt may list', () => {
    const tooMany = {
      ...receipt,
      alerts: Array.from({ length: maxReceiptAlerts + 1 }, () => receipt.alerts[0]),
    };
    expect(shapeError(() => parseReadingsReceipt(bytes(tooMany)))).toMatchObject({
      field: 'ReadingsReceipt.alerts',
      rule: 'max-items',
    });
  });
});

const alert = {
  alertId: 'DATA_GAP:gap:LOGGER-7:1795424400000',
  type: 'DATA_GAP',
  severity: 'WARNING',
  status: 'OPEN',
  shipmentId: 'SHP-001',
  lotIds: ['09506000134352:L2026-11'],
  sensorId: 'LOGGER-7',
  ruleId: 'gap',
  direction: null,
  thresholdMilliC: null,
  limitMs: 900000,
  startMs: 1795424400000,
  endMs: 1795431600000,
  ongoing: false,
  durationMs: 7200000,
  peakMilliC: null,
  mktMilliC: null,
  coverage: null,
  loggingIntervals: { count: 4, shortestMs: 1800000, longestMs: 1800000 },
  custodianMspId: 'LogisticsMSP',
  raisedAtMs: 1795431000000,
  raisedTxId: 'tx1',
  updatedAtMs: 1795431000000,
  updatedTxId: 'tx1',
  acknowledgement: null,
};

describe('ExcursionAlert reader', () => {
  it('reads coverage and logging intervals, null where they do not apply', () => {
    expect(parseExcursionAlert(bytes(alert))).toEqual(alert);
    const excursion = {
      ...alert,
      type: 'OUT_OF_RANGE',
      coverage: { coveredMs: 5400000, uncoveredMs: 1800000, uncoveredGaps: 1 },
      loggingIntervals: null,
    };
    expect(parseExcursionAlert(bytes(excursion))).toEqual(excursion);
  });

  it('reads an alert stored before coverage and logging intervals were kept as having neither', () => {
    const old = { ...alert, coverage: undefined, loggingIntervals: undefined };
    expect(parseExcursionAlert(bytes(old))).toEqual({
      ...alert,
      coverage: null,
      loggingIntervals: null,
    });
  });

  it('checks the fields when present', () => {
    const negative = {
      ...alert,
      loggingIntervals: { count: -1, shortestMs: null, longestMs: null },
    };
    expect(shapeError(() => parseExcursionAlert(bytes(negative)))).toMatchObject({
      field: 'ExcursionAlert.loggingIntervals.count',
      rule: 'range',
    });
  });
});

describe('Shipment reader', () => {
  const profile = {
    name: 'refrigerated-2-8',
    range: { minMilliC: 2000, maxMilliC: 8000 },
    rules: [],
    mkt: null,
    maxLoggingIntervalMs: 900000,
  };
  const shipment = {
    shipmentId: 'SHP-001',
    ownerMspId: 'PharmaMSP',
    lots: [{ lotId: '09506000134352:L2026-11', quantity: 1200 }],
    origin: { gln: null, name: 'Basel DC' },
    destination: { gln: null, name: 'Nairobi CMS' },
    profile,
    status: 'IN_TRANSIT',
    statusBeforeQuarantine: null,
    custodianMspId: 'LogisticsMSP',
    pendingHandover: null,
    handovers: [],
    endorsingMspIds: ['LogisticsMSP', 'PharmaMSP'],
    transitStartedAtMs: 1795424400000,
    deliveredAtMs: null,
    quarantinedAtMs: null,
    disposition: null,
    readingCount: 4312,
    sensorIds: ['LOGGER-7'],
    oldReadingWindowMs: 2592000000,
    readingFlags: { oldReadings: 3, earliestOldReadingMs: 1546300800000, conflicts: 1 },
    eventCount: 12,
    createdBy: actor,
    createdAtMs: 1795420800000,
    updatedAtMs: 1795431000000,
  };

  it('reads the shipment with its reading flags, which every shipment has', () => {
    expect(parseShipment(bytes(shipment))).toEqual(shipment);
    const withoutFlags = { ...shipment, readingFlags: undefined };
    expect(shapeError(() => parseShipment(bytes(withoutFlags)))).toMatchObject({
      field: 'Shipment.readingFlags',
      rule: 'required',
    });
  });
});
