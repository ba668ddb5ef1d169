import { type Actor, readActor } from './actor';
import { JsonReader } from './jsonreader';
import { type TemperatureProfile, readTemperatureProfile } from './temperatureprofile';

/** A registered production lot of one product (GTIN), with its storage conditions. */
export interface Lot {
  /** `<gtin14>:<lotNumber>`. */
  readonly lotId: string;
  readonly gtin: string;
  readonly lotNumber: string;
  /** `YYYY-MM-DD`. */
  readonly expiry: string;
  readonly productName: string;
  readonly profile: TemperatureProfile;
  readonly registeredBy: Actor;
  readonly registeredAtMs: number;
  readonly txId: string;
}

/** `lotJson`, the input of `RegisterLot`: a profile preset name or a full profile. */
export interface LotRegistration {
  readonly gtin: string;
  readonly lotNumber: string;
  readonly expiry: string;
  readonly productName: string;
  readonly profile: string | TemperatureProfile;
}

export function readLot(json: JsonReader): Lot {
  return {
    lotId: json.string('lotId'),
    gtin: json.string('gtin'),
    lotNumber: json.string('lotNumber'),
    expiry: json.string('expiry'),
    productName: json.string('productName'),
    profile: readTemperatureProfile(json.field('profile')),
    registeredBy: readActor(json.field('registeredBy')),
    registeredAtMs: json.integer('registeredAtMs'),
    txId: json.string('txId'),
  };
}

export function parseLot(bytes: Uint8Array): Lot {
  return readLot(JsonReader.fromBytes(bytes, 'Lot'));
}
