import type { Actor } from './actor';
import { lotIdOf, parseGtin, parseIsoDate, parseLotNumber } from './identifiers';
import { JsonInput } from './jsoninput';
import { type TemperatureProfile, parseProfile } from './temperatureprofile';

/** A registered production lot of a product, with its storage conditions. */
export interface Lot {
  readonly lotId: string;
  readonly gtin: string;
  readonly lotNumber: string;
  readonly expiry: string;
  readonly productName: string;
  readonly profile: TemperatureProfile;
  readonly registeredBy: Actor;
  readonly registeredAtMs: number;
  readonly txId: string;
}

export type LotRegistration = Omit<Lot, 'registeredBy' | 'registeredAtMs' | 'txId'>;

export function parseLotRegistration(lotJson: string): LotRegistration {
  const input = JsonInput.parse(lotJson, 'lotJson').object([
    'gtin',
    'lotNumber',
    'expiry',
    'productName',
    'profile',
  ]);
  const gtin = parseGtin(input.field('gtin').raw, 'lotJson.gtin');
  const lotNumber = parseLotNumber(input.field('lotNumber').raw, 'lotJson.lotNumber');
  return {
    lotId: lotIdOf(gtin, lotNumber),
    gtin,
    lotNumber,
    expiry: parseIsoDate(input.field('expiry').raw, 'lotJson.expiry'),
    productName: input.field('productName').text(200),
    profile: parseProfile(input.field('profile')),
  };
}
