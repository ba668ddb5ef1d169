import {
  type DateOrder,
  type ReadingsFileOptions,
  columnRoles,
  isColumnRole,
  parseZoneOffset,
  temperatureUnitOf,
} from '@coldtrace/readings-io';
import type { OptionSpec, ParsedArgs } from './args';
import { checkId } from './optionchecks';
import { UsageError } from './usageerror';

/** `role=column`, split at the first `=` so the column name may hold one. */
function mapEntry(text: string): { role: string; column: string } {
  const equals = text.indexOf('=');
  return equals < 0
    ? { role: text.trim(), column: '' }
    : { role: text.slice(0, equals).trim(), column: text.slice(equals + 1).trim() };
}

/** The options of `readings submit` that tell the parser what a file does not say. */
export const readingsFileOptionSpecs: readonly OptionSpec[] = [
  {
    name: 'unit',
    description: 'unit of values whose file states none: CEL, FAH or KEL (or °C, °F, K)',
    check: (value) =>
      temperatureUnitOf(value) === undefined ? 'must be CEL, FAH or KEL (or °C, °F, K)' : undefined,
  },
  {
    name: 'map',
    description: `<name>=<column>: the file's column for a coldtrace name (${columnRoles.join(', ')}); repeatable`,
    multiple: true,
    check: (value) => {
      const { role, column } = mapEntry(value);
      if (!isColumnRole(role)) {
        return `must be <name>=<column> with a name of ${columnRoles.join(', ')}`;
      }
      return column === '' ? `${role} needs a column after '='` : undefined;
    },
  },
  {
    name: 'tz',
    description: 'UTC offset of times that state no zone, e.g. +01:00 or UTC',
    check: (value) =>
      parseZoneOffset(value) === undefined
        ? 'must be a UTC offset such as +01:00, -04:00 or UTC'
        : undefined,
  },
  {
    name: 'date-order',
    description: 'dmy or mdy, for dates like 03/04/2026 the file leaves open',
    check: (value) => (/^(dmy|mdy)$/iu.test(value) ? undefined : 'must be dmy or mdy'),
  },
  {
    name: 'sensor',
    description: 'sensor id of a one-sensor file that names none',
    check: checkId,
  },
];

/** `--map` entries as a name → column record; a name given twice is a usage error. */
function columnMapOf(entries: readonly string[]): Record<string, string> {
  const columnMap: Record<string, string> = {};
  for (const entry of entries) {
    const { role, column } = mapEntry(entry);
    if (Object.hasOwn(columnMap, role)) {
      throw new UsageError(`--map ${role} is given twice`);
    }
    columnMap[role] = column;
  }
  return columnMap;
}

function dateOrderOf(text: string | undefined): DateOrder | undefined {
  const order = text?.toLowerCase();
  return order === 'dmy' ? 'DMY' : order === 'mdy' ? 'MDY' : undefined;
}

/**
 * The parser options a command line gives (each value already checked by its spec).
 * @throws {@link UsageError} for a `--map` name given twice.
 */
export function readingsFileOptionsOf(args: ParsedArgs): ReadingsFileOptions {
  const columnMap = columnMapOf(args.lists.get('map') ?? []);
  const unit = temperatureUnitOf(args.values.get('unit') ?? '');
  const timeZone = args.values.get('tz');
  const dateOrder = dateOrderOf(args.values.get('date-order'));
  const sensorId = args.values.get('sensor');
  return {
    ...(unit !== undefined ? { unit } : {}),
    ...(Object.keys(columnMap).length > 0 ? { columnMap } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(dateOrder !== undefined ? { dateOrder } : {}),
    ...(sensorId !== undefined ? { sensorId } : {}),
  };
}
