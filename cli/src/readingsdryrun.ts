import {
  type ColdtraceClient,
  ColdtraceError,
  type SensorReadingInput,
  type Shipment,
} from '@coldtrace/gateway-client';
import {
  type ImplausibleUnitFinding,
  type OldReadingsFinding,
  type ParsedReadings,
  type SensorSummary,
  findImplausibleUnits,
  findReadingsLongBeforeShipment,
  summarizeReadings,
  unitSymbol,
} from '@coldtrace/readings-io';
import type { CommandContext } from './commandregistry';
import { formatDuration } from './duration';
import { atMost, celsius, formatTable, isoTime } from './table';

/** What a file's readings look like against the shipment they are meant for. */
export interface ShipmentChecks {
  readonly unitFindings: readonly ImplausibleUnitFinding[];
  readonly oldReadings: OldReadingsFinding | undefined;
}

/**
 * The checks a file's readings get against their shipment: units implausible for its profile,
 * readings from long before it was created.
 */
function checkAgainstShipment(
  readings: readonly SensorReadingInput[],
  shipment: Pick<Shipment, 'profile' | 'createdAtMs' | 'oldReadingWindowMs'>,
): ShipmentChecks {
  return {
    unitFindings: findImplausibleUnits(readings, shipment.profile),
    oldReadings: findReadingsLongBeforeShipment(
      readings,
      shipment.createdAtMs,
      shipment.oldReadingWindowMs,
    ),
  };
}

type ShipmentLookup =
  | { readonly shipment: Shipment }
  | { readonly skipped: string }
  | { readonly refused: ColdtraceError };

/** The shipment, by a query; a network that is down skips the checks instead of failing. */
async function lookUp(context: CommandContext, shipmentId: string): Promise<ShipmentLookup> {
  let client: ColdtraceClient;
  try {
    client = await context.client();
    return { shipment: await client.shipments.get(shipmentId) };
  } catch (error) {
    if (error instanceof ColdtraceError && ['NOT_FOUND', 'ACCESS_DENIED'].includes(error.code)) {
      return { refused: error };
    }
    const reason =
      error instanceof ColdtraceError ? `${error.code}: ${error.message}` : String(error);
    return { skipped: `cannot read shipment ${shipmentId} (${reason})` };
  }
}

const maxListed = 10;

function listed(title: string, lines: readonly string[]): string[] {
  if (lines.length === 0) {
    return [];
  }
  const { shown, more } = atMost(lines, maxListed);
  return [title, ...[...shown, ...more].map((line) => `  ${line}`)];
}

function sensorTable(summaries: readonly SensorSummary[]): string {
  return formatTable(
    ['Sensor', 'Readings', 'First', 'Last', 'Min', 'Max', 'Unit'],
    summaries.map((s) => [
      s.sensorId,
      String(s.count),
      isoTime(s.firstMs),
      isoTime(s.lastMs),
      String(s.min),
      String(s.max),
      unitSymbol(s.unit),
    ]),
  );
}

function checkLines(shipment: Shipment, checks: ShipmentChecks): string[] {
  const { minMilliC, maxMilliC } = shipment.profile.range;
  const range = `${celsius(minMilliC)}..${celsius(maxMilliC)} °C`;
  return [
    `Shipment ${shipment.shipmentId}: profile ${shipment.profile.name} (${range}), created ${isoTime(shipment.createdAtMs)}`,
    ...(checks.unitFindings.length === 0
      ? ['  units: every sensor fits the profile']
      : checks.unitFindings.map((f) => `  UNIT? ${f.message}`)),
    checks.oldReadings === undefined
      ? `  times: no reading is more than ${formatDuration(shipment.oldReadingWindowMs)} older than the shipment`
      : `  OLD READINGS: ${checks.oldReadings.message}`,
  ];
}

function printHuman(
  context: CommandContext,
  file: string,
  parsed: ParsedReadings,
  lookup: ShipmentLookup,
  checks: ShipmentChecks | undefined,
): void {
  const summaries = summarizeReadings(parsed.readings);
  context.out(
    [
      `Dry run: nothing was submitted. ${file} (${parsed.format})`,
      '',
      sensorTable(summaries),
      '',
      `${parsed.readings.length} readings from ${summaries.length} sensor(s) would be submitted; ${parsed.skipped.length} entries skipped.`,
      ...listed(
        'Skipped:',
        parsed.skipped.map((s) => `${s.where}: ${s.reason}`),
      ),
      ...listed('Warnings:', parsed.warnings),
      ...('shipment' in lookup && checks !== undefined
        ? checkLines(lookup.shipment, checks)
        : 'skipped' in lookup
          ? [`Profile checks skipped: ${lookup.skipped}`]
          : []),
    ].join('\n'),
  );
}

function printJson(
  context: CommandContext,
  shipmentId: string,
  parsed: ParsedReadings,
  lookup: ShipmentLookup,
  checks: ShipmentChecks | undefined,
): void {
  const iso = (ms: number | undefined): string | null =>
    ms === undefined ? null : new Date(ms).toISOString();
  context.out(
    JSON.stringify(
      {
        dryRun: true,
        shipmentId,
        format: parsed.format,
        readingCount: parsed.readings.length,
        sensors: summarizeReadings(parsed.readings).map((s) => ({
          sensorId: s.sensorId,
          count: s.count,
          first: iso(s.firstMs),
          last: iso(s.lastMs),
          min: s.min,
          max: s.max,
          unit: s.unit,
        })),
        skipped: parsed.skipped,
        warnings: parsed.warnings,
        checks:
          checks === undefined
            ? { done: false, reason: 'skipped' in lookup ? lookup.skipped : null }
            : { done: true, ...checks, oldReadings: checks.oldReadings ?? null },
      },
      null,
      2,
    ),
  );
}

/**
 * `readings submit --dry-run`: what would be submitted (per sensor: count, first and last time,
 * min, max, unit; what was skipped; warnings) and the checks against the shipment, read with a
 * query. Submits nothing. A network that is down skips the checks and still exits 0; a shipment
 * that does not exist (or may not be read) exits 1, since the real submission would fail.
 */
export async function runReadingsDryRun(
  context: CommandContext,
  shipmentId: string,
  file: string,
  parsed: ParsedReadings,
): Promise<number> {
  const lookup = await lookUp(context, shipmentId);
  const checks =
    'shipment' in lookup ? checkAgainstShipment(parsed.readings, lookup.shipment) : undefined;
  if (context.json) {
    printJson(context, shipmentId, parsed, lookup, checks);
  } else {
    printHuman(context, file, parsed, lookup, checks);
  }
  if ('refused' in lookup) {
    context.err(
      `coldtrace: ${lookup.refused.code}: ${lookup.refused.message}; nothing could be stored`,
    );
    return 1;
  }
  return 0;
}
