import { parseId } from '@coldtrace/protocol';
import type { FileColumn } from './csvcolumns';
import type { FilePreamble } from './filepreamble';
import type { ReadingsFileOptions } from './parsedreadings';
import { ReadingsFileError, readFileContent } from './readingsfileerror';
import { type FileTemperatureUnit, temperatureUnitOf, unitSymbol } from './temperatureunit';

/** A column of temperatures: whose they are (wide files) and in which unit, when known. */
export interface SensorColumn {
  readonly column: FileColumn;
  /** Wide files: the sensor of every value in the column. Long files: undefined (per row). */
  readonly sensorId: string | undefined;
  /** The unit the file (or `--unit`) states for the whole column; per-row units may add to it. */
  readonly unit: FileTemperatureUnit | undefined;
}

export interface SensorColumnsInput {
  readonly values: readonly FileColumn[];
  readonly sensorIdColumn: FileColumn | undefined;
  /** Long files may state each row's unit in a column of their own. */
  readonly unitColumn: FileColumn | undefined;
  readonly preamble: FilePreamble;
  readonly header: readonly FileColumn[];
  readonly options: ReadingsFileOptions;
}

function refuse(field: string, rule: string, message: string): ReadingsFileError {
  return new ReadingsFileError({ message, field, rule });
}

/** `--unit` as a file unit; the option's own check already refused anything else. */
function optionUnit(options: ReadingsFileOptions): FileTemperatureUnit | undefined {
  return options.unit === undefined ? undefined : temperatureUnitOf(options.unit);
}

function unitOf(
  column: FileColumn,
  preamble: FilePreamble,
  options: ReadingsFileOptions,
): FileTemperatureUnit | undefined {
  const stated = column.unit ?? preamble.unit;
  const given = optionUnit(options);
  if (stated !== undefined && given !== undefined && stated !== given) {
    throw refuse(
      '--unit',
      'unit-conflict',
      `column '${column.text}' states ${unitSymbol(stated)} but --unit says ${unitSymbol(given)}: leave --unit out for this file`,
    );
  }
  return stated ?? given;
}

function checkedId(id: string, column: FileColumn): string {
  return readFileContent(() => parseId(id, `sensor of column '${column.text}'`));
}

function wideSensorId(
  column: FileColumn,
  count: number,
  preamble: FilePreamble,
  options: ReadingsFileOptions,
): string {
  const stated = column.serial ?? (count === 1 ? preamble.serial : undefined);
  if (options.sensorId !== undefined && stated !== undefined && stated !== options.sensorId) {
    throw refuse(
      '--sensor',
      'sensor-conflict',
      `column '${column.text}' names sensor ${stated} but --sensor says ${options.sensorId}`,
    );
  }
  const id = stated ?? options.sensorId;
  if (id === undefined) {
    throw refuse(
      `column '${column.text}'`,
      'sensor-id',
      count === 1
        ? `column '${column.text}' names no sensor (no serial in its header or above it, no sensorId column): pass --sensor <id> or --map sensorId=<column>`
        : `column '${column.text}' names no sensor (no serial in its header, no S/N row, no sensorId column): pass --map sensorId=<column>`,
    );
  }
  return checkedId(id, column);
}

/** Two columns of one logger (HOBO's external probes) told apart by their labels. */
function distinctIds(sensors: SensorColumn[]): SensorColumn[] {
  const counts = new Map<string, number>();
  for (const { sensorId } of sensors) {
    counts.set(sensorId ?? '', (counts.get(sensorId ?? '') ?? 0) + 1);
  }
  const relabelled = sensors.map((sensor): SensorColumn => {
    const { sensorId, column } = sensor;
    if (sensorId === undefined || (counts.get(sensorId) ?? 0) < 2 || column.label === undefined) {
      return sensor;
    }
    const label = column.label.replace(/[^A-Za-z0-9._:/-]+/gu, '_');
    return { ...sensor, sensorId: checkedId(`${sensorId}/${label}`, column) };
  });
  const seen = new Map<string, FileColumn>();
  for (const { sensorId, column } of relabelled) {
    const other = sensorId === undefined ? undefined : seen.get(sensorId);
    if (other !== undefined) {
      throw refuse(
        `column '${column.text}'`,
        'sensor-unique',
        `columns '${other.text}' and '${column.text}' both name sensor ${sensorId ?? ''}`,
      );
    }
    if (sensorId !== undefined) {
      seen.set(sensorId, column);
    }
  }
  return relabelled;
}

function checkLong(input: SensorColumnsInput, sensorIdColumn: FileColumn): void {
  if (input.values.length > 1) {
    const names = input.values.map((column) => `'${column.text}'`).join(', ');
    throw refuse(
      '--map value',
      'one-value-column',
      `the file names its sensors in column '${sensorIdColumn.text}' and has several temperature columns (${names}): name one with --map value=<column>`,
    );
  }
  if (input.options.sensorId !== undefined) {
    throw refuse(
      '--sensor',
      'sensor-conflict',
      `the file names its sensors in column '${sensorIdColumn.text}': leave --sensor out`,
    );
  }
}

/**
 * The temperature columns of a file with their sensors and units. Wide files (no sensorId column)
 * take each column's sensor from its header serial, an `S/N` row, the preamble's serial (one
 * column only) or `--sensor`; units come from the header, the rows below it, the preamble or
 * `--unit`, and a file stating one unit while `--unit` says another is refused.
 * @throws {@link ReadingsFileError} naming the column and the option that would resolve it.
 */
export function sensorColumnsOf(input: SensorColumnsInput): {
  sensors: SensorColumn[];
  warnings: string[];
} {
  const { values, sensorIdColumn, preamble, options } = input;
  if (values.length === 0) {
    const names = input.header.map((column) => `'${column.text}'`).join(', ');
    throw refuse(
      'value',
      'required',
      `no temperature column among ${names} (Temp, Temperature, Celsius, °C...): name it with --map value=<column>`,
    );
  }
  if (sensorIdColumn !== undefined) {
    checkLong(input, sensorIdColumn);
  }
  const warnings: string[] = [];
  const sensors = values.map((column): SensorColumn => {
    const unit = unitOf(column, preamble, options);
    const fromOption = column.unit === undefined && preamble.unit === undefined;
    if (unit !== undefined && fromOption && input.unitColumn === undefined) {
      warnings.push(
        `values of column '${column.text}' are taken as ${unitSymbol(unit)} from --unit: the file states no unit`,
      );
    }
    return {
      column,
      unit,
      sensorId:
        sensorIdColumn === undefined
          ? wideSensorId(column, values.length, preamble, options)
          : undefined,
    };
  });
  return { sensors: distinctIds(sensors), warnings };
}
