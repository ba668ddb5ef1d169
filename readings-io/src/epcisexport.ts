import {
  type CustodyHandover,
  type SensorReading,
  type Shipment,
  type ShipmentEvent,
  hourMs,
} from '@coldtrace/protocol';
import { deviceIdOfSensor } from './epcissensorid';
import { decimalDegreesUom, epcisContextUrl, percentUom } from './epcisterms';

/** What an EPCIS export is made of: the shipment and its paged history and readings. */
export interface EpcisExportInput {
  readonly shipment: Shipment;
  /** The shipment's history in `seq` order; custody steps become events, the rest is left out. */
  readonly history: AsyncIterable<ShipmentEvent>;
  /** The shipment's readings; sorted by sensor then time (as `GetReadings` pages them). */
  readonly readings: AsyncIterable<SensorReading>;
  /** The document's `creationDate`: the caller's clock, so the builder stays pure. */
  readonly createdAtMs: number;
  /** Readings per sensor event at most (default 1000); an event also ends at each UTC hour. */
  readonly maxReadingsPerEvent?: number;
}

/** What an export wrote. */
export interface EpcisExportSummary {
  readonly custodyEvents: number;
  readonly sensorEvents: number;
  readonly readings: number;
}

type EpcisEvent = Record<string, unknown>;
type QuantityElement = { readonly epcClass: string; readonly quantity: number };

/** Organisations have no GS1 party GLN in coldtrace: their MSP ID names them. */
export const organisationUrnPrefix = 'urn:coldtrace:msp:';

const iso = (ms: number): string => new Date(ms).toISOString();

/** A lot as a GS1 Digital Link LGTIN class: GTIN (01) and batch/lot (10). */
function lotClass(lotId: string): string {
  const separator = lotId.indexOf(':');
  const gtin = lotId.slice(0, separator);
  const lotNumber = lotId.slice(separator + 1);
  return `https://id.gs1.org/01/${gtin}/10/${encodeURIComponent(lotNumber)}`;
}

/** A location by its GLN, as a GS1 Digital Link URI (the EPCIS 2.0 alternative to SGLN). */
function placeOf(gln: string | null): { readonly id: string } | undefined {
  return gln === null ? undefined : { id: `https://id.gs1.org/414/${gln}` };
}

const party = (mspId: string): string => `${organisationUrnPrefix}${mspId}`;

function observation(
  timestampMs: number,
  quantityList: readonly QuantityElement[],
  bizStep: string,
): EpcisEvent {
  return {
    type: 'ObjectEvent',
    eventTime: iso(timestampMs),
    eventTimeZoneOffset: '+00:00',
    quantityList,
    action: 'OBSERVE',
    bizStep,
  };
}

/** The parties of a custody handover, as possessing parties (from, to). */
function handoverParties(handover: CustodyHandover | undefined, actorMspId: string): EpcisEvent {
  return {
    sourceList: [{ type: 'possessing_party', source: party(handover?.fromMspId ?? actorMspId) }],
    ...(handover !== undefined
      ? { destinationList: [{ type: 'possessing_party', destination: party(handover.toMspId) }] }
      : {}),
  };
}

/** Custody steps in CBV terms; other history entries (readings, acknowledgements) are not. */
class CustodySteps {
  readonly #shipment: Shipment;
  readonly #quantityList: readonly QuantityElement[];
  readonly #byOfferTx = new Map<string, CustodyHandover>();
  readonly #byAcceptTx = new Map<string, CustodyHandover>();

  constructor(shipment: Shipment, quantityList: readonly QuantityElement[]) {
    this.#shipment = shipment;
    this.#quantityList = quantityList;
    const handovers = [...shipment.handovers];
    if (shipment.pendingHandover !== null) {
      handovers.push(shipment.pendingHandover);
    }
    for (const handover of handovers) {
      this.#byOfferTx.set(handover.offeredTxId, handover);
      if (handover.acceptedTxId !== null) {
        this.#byAcceptTx.set(handover.acceptedTxId, handover);
      }
    }
  }

  eventOf(step: ShipmentEvent): EpcisEvent | undefined {
    switch (step.type) {
      case 'CUSTODY_OFFERED':
        return this.#shipping(step);
      case 'CUSTODY_ACCEPTED':
        return this.#accepting(step);
      case 'DELIVERED':
        return this.#receiving(step);
      case 'DISPOSED':
        return this.#inspecting(step);
      default:
        return undefined;
    }
  }

  // The owner's first offer leaves from the origin; later ones from wherever the carrier is.
  #shipping(step: ShipmentEvent): EpcisEvent {
    const handover = this.#byOfferTx.get(step.txId);
    const fromOrigin = handover !== undefined && handover === this.#shipment.handovers[0];
    const readPoint = fromOrigin ? placeOf(this.#shipment.origin.gln) : undefined;
    return {
      ...observation(step.timestampMs, this.#quantityList, 'shipping'),
      disposition: 'in_transit',
      ...(readPoint !== undefined ? { readPoint } : {}),
      ...handoverParties(handover, step.actor.mspId),
    };
  }

  // CBV `accepting`: a change of possession, which is what a custody acceptance records.
  #accepting(step: ShipmentEvent): EpcisEvent {
    return {
      ...observation(step.timestampMs, this.#quantityList, 'accepting'),
      disposition: 'in_transit',
      ...handoverParties(this.#byAcceptTx.get(step.txId), step.actor.mspId),
    };
  }

  #receiving(step: ShipmentEvent): EpcisEvent {
    const destination = placeOf(this.#shipment.destination.gln);
    return {
      ...observation(step.timestampMs, this.#quantityList, 'receiving'),
      ...(destination !== undefined ? { readPoint: destination, bizLocation: destination } : {}),
      sourceList: [{ type: 'possessing_party', source: party(step.actor.mspId) }],
    };
  }

  // QA's decision on a quarantined shipment: CBV's outcome of an inspection.
  #inspecting(step: ShipmentEvent): EpcisEvent {
    return {
      ...observation(step.timestampMs, this.#quantityList, 'inspecting'),
      disposition: step.status === 'REJECTED' ? 'non_conformant' : 'conformant',
    };
  }
}

/** One reading as a sensor element: temperature in CEL, with its humidity and location. */
function sensorElementOf(reading: SensorReading, deviceId: string): EpcisEvent {
  const reports: EpcisEvent[] = [{ type: 'Temperature', value: reading.milliC / 1000, uom: 'CEL' }];
  if (reading.humidityPct !== null) {
    reports.push({ type: 'RelativeHumidity', value: reading.humidityPct, uom: percentUom });
  }
  if (reading.location !== null) {
    const { lat, lon } = reading.location;
    reports.push(
      { type: 'Angle', component: 'latitude', value: lat, uom: decimalDegreesUom },
      { type: 'Angle', component: 'longitude', value: lon, uom: decimalDegreesUom },
    );
  }
  return {
    sensorMetadata: { time: iso(reading.timestampMs), deviceID: deviceId },
    sensorReport: reports,
  };
}

/** Groups consecutive readings of one sensor and one UTC hour, at most `max` per group. */
async function* readingGroups(
  readings: AsyncIterable<SensorReading>,
  max: number,
): AsyncGenerator<SensorReading[]> {
  let group: SensorReading[] = [];
  for await (const reading of readings) {
    const first = group[0];
    const sameGroup =
      first !== undefined &&
      first.sensorId === reading.sensorId &&
      Math.floor(first.timestampMs / hourMs) === Math.floor(reading.timestampMs / hourMs) &&
      group.length < max;
    if (first !== undefined && !sameGroup) {
      yield group;
      group = [];
    }
    group.push(reading);
  }
  if (group.length > 0) {
    yield group;
  }
}

/**
 * A shipment as a GS1 EPCIS 2.0 JSON-LD document, in pieces of text to write one after the other
 * (never the whole document at once: a shipment can hold a million readings).
 *
 * Custody steps become ObjectEvents with CBV business steps: an offer `shipping` (in_transit), an
 * acceptance `accepting`, delivery `receiving`, QA's disposition `inspecting`
 * (conformant/non_conformant), with the organisations as possessing parties
 * (`urn:coldtrace:msp:<MSP ID>`). Readings become `sensor_reporting` ObjectEvents, one per sensor
 * and UTC hour (at most `maxReadingsPerEvent`), one sensor element per reading: `sensorMetadata`
 * time and deviceID (the sensor id, see `deviceIdOfSensor`), a Temperature in CEL, and the
 * humidity (RelativeHumidity, P1) and location (latitude/longitude, DD) where stored. Every event
 * lists the shipment's lots as GS1 Digital Link LGTIN classes with their quantities.
 * @returns the counts written, when the last piece has been taken.
 */
export async function* epcisExport(
  input: Readonly<EpcisExportInput>,
): AsyncGenerator<string, EpcisExportSummary, undefined> {
  const quantityList = input.shipment.lots.map((lot) => ({
    epcClass: lotClass(lot.lotId),
    quantity: lot.quantity,
  }));
  const deviceIds = new Map<string, string>();
  const deviceIdOf = (sensorId: string): string => {
    const known = deviceIds.get(sensorId) ?? deviceIdOfSensor(sensorId);
    deviceIds.set(sensorId, known);
    return known;
  };
  yield `{"@context":${JSON.stringify([epcisContextUrl])},"type":"EPCISDocument","schemaVersion":"2.0","creationDate":${JSON.stringify(iso(input.createdAtMs))},"epcisBody":{"eventList":[`;
  let separator = '\n';
  const summary = { custodyEvents: 0, sensorEvents: 0, readings: 0 };
  const custody = new CustodySteps(input.shipment, quantityList);
  for await (const step of input.history) {
    const event = custody.eventOf(step);
    if (event !== undefined) {
      yield `${separator}${JSON.stringify(event)}`;
      separator = ',\n';
      summary.custodyEvents += 1;
    }
  }
  for await (const group of readingGroups(input.readings, input.maxReadingsPerEvent ?? 1000)) {
    const last = group[group.length - 1];
    if (last === undefined) {
      continue;
    }
    const event = {
      ...observation(last.timestampMs, quantityList, 'sensor_reporting'),
      sensorElementList: group.map((reading) =>
        sensorElementOf(reading, deviceIdOf(reading.sensorId)),
      ),
    };
    yield `${separator}${JSON.stringify(event)}`;
    separator = ',\n';
    summary.sensorEvents += 1;
    summary.readings += group.length;
  }
  yield '\n]}}\n';
  return summary;
}
