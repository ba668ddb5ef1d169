import type { JsonReader } from '@coldtrace/protocol';
import {
  coordinateAxisOf,
  decimalDegreesUom,
  measurementTypeName,
  percentUom,
  wgs84ReferenceSystems,
} from './epcisterms';

/** What one `sensorReport` holds for coldtrace. */
export type ReportContent =
  | { readonly kind: 'temperature'; readonly value: number; readonly uom: string | undefined }
  | { readonly kind: 'humidity'; readonly value: number }
  | { readonly kind: 'coordinate'; readonly axis: 'lat' | 'lon'; readonly value: number }
  | { readonly kind: 'none'; readonly reason: string };

const summaryFields = ['minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue'];

/** Why a report of a type coldtrace stores has no single value to store, if it has none. */
function noValueReason(report: JsonReader, type: string): string | undefined {
  const exception = report.optionalString('exception');
  if (exception !== undefined) {
    return `${type} exception report (${exception}), not a reading`;
  }
  if (report.optionalNumber('value') !== undefined) {
    return undefined;
  }
  const summary = summaryFields.filter((field) => report.has(field));
  return summary.length > 0
    ? `${type} summary report (${summary.join(', ')}) of an interval, not a reading at one time`
    : `${type} report without a numeric value`;
}

function humidityOf(report: JsonReader, value: number): ReportContent {
  const uom = report.optionalString('uom');
  return uom === percentUom
    ? { kind: 'humidity', value }
    : { kind: 'none', reason: `RelativeHumidity in ${uom ?? 'no unit'}, not in P1 (percent)` };
}

function coordinateOf(report: JsonReader, value: number): ReportContent {
  const axis = coordinateAxisOf(report.optionalString('component'));
  const system = report.optionalString('coordinateReferenceSystem');
  if (axis === undefined) {
    return { kind: 'none', reason: 'Angle report that is not a latitude or longitude' };
  }
  if (report.optionalString('uom') !== decimalDegreesUom) {
    return { kind: 'none', reason: `${axis === 'lat' ? 'latitude' : 'longitude'} not in DD` };
  }
  if (system !== undefined && !wgs84ReferenceSystems.has(system)) {
    return { kind: 'none', reason: `coordinate in ${system}, not WGS 84` };
  }
  return { kind: 'coordinate', axis, value };
}

/**
 * Classifies a report: a temperature reading, or the humidity or a coordinate of one, or
 * nothing coldtrace stores, with the reason (other measurement types, min/max/mean summaries,
 * exception reports, values without a number).
 */
export function reportContent(report: JsonReader): ReportContent {
  const type = measurementTypeName(report.string('type'));
  const stored = type === 'Temperature' || type === 'RelativeHumidity' || type === 'Angle';
  if (!stored) {
    return { kind: 'none', reason: `${type} report, not a temperature` };
  }
  const reason = noValueReason(report, type);
  const value = report.optionalNumber('value');
  if (reason !== undefined || value === undefined) {
    return { kind: 'none', reason: reason ?? `${type} report without a numeric value` };
  }
  if (type === 'Temperature') {
    return { kind: 'temperature', value, uom: report.optionalString('uom') };
  }
  return type === 'RelativeHumidity' ? humidityOf(report, value) : coordinateOf(report, value);
}
