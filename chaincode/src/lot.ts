import {
  JsonReader,
  type Lot,
  lotIdOf,
  parseGtin,
  parseIsoDate,
  parseLotNumber,
} from '@coldtrace/protocol';
import { parseProfile } from './temperatureprofile';

/** A lot as registered, before the transaction stamps it. */
export type LotFields = Omit<Lot, 'registeredBy' | 'registeredAtMs' | 'txId'>;

export function parseLotRegistration(lotJson: string): LotFields {
  const input = JsonReader.parse(lotJson, 'lotJson').object([
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
    productName: input.field('productName').asText(200),
    profile: parseProfile(input.field('profile')),
  };
}
