import type { TemperatureUnit } from '@coldtrace/protocol';

// The EPCIS 2.0 and CBV 2.0 terms coldtrace reads and writes, in one place.

/** The normative JSON-LD context of EPCIS 2.0 documents. */
export const epcisContextUrl = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** UN/ECE Rec 20 codes of the temperature units EPCIS uses. */
export const temperatureUnitOfUom: Readonly<Record<string, TemperatureUnit>> = {
  CEL: 'CEL',
  FAH: 'FAH',
  KEL: 'KEL',
};

/** UN/ECE Rec 20: percent, the unit of relative humidity. */
export const percentUom = 'P1';
/** UN/ECE Rec 20: decimal degrees, the unit of latitude and longitude. */
export const decimalDegreesUom = 'DD';

/**
 * A measurement type by its GS1 Web Vocabulary name: EPCIS 2.0 JSON allows the bare term, the
 * compact `gs1:` form and the full URI for the same type.
 */
export function measurementTypeName(type: string): string {
  for (const prefix of ['gs1:', 'https://gs1.org/voc/']) {
    if (type.startsWith(prefix)) {
      return type.slice(prefix.length);
    }
  }
  return type;
}

/** The CBV 2.0 component of a coordinate, bare or in its `cbv:Comp-` form. */
export function coordinateAxisOf(component: string | undefined): 'lat' | 'lon' | undefined {
  const name = component?.replace(/^cbv:Comp-/, '');
  return name === 'latitude' ? 'lat' : name === 'longitude' ? 'lon' : undefined;
}

/**
 * Coordinate reference systems that mean WGS 84 latitude/longitude, the only one coldtrace
 * stores; EPCIS's default when none is named.
 */
export const wgs84ReferenceSystems: ReadonlySet<string> = new Set([
  'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  'http://www.opengis.net/def/crs/EPSG/0/4326',
]);
