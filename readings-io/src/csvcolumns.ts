import { type ColumnHeader, describeHeader } from './columnheader';
import { type ColumnRole, columnRoles, compactName, isColumnRole, roleOfName } from './columnroles';
import type { CsvRow } from './csvtable';
import { ReadingsFileError } from './readingsfileerror';
import { type FileTemperatureUnit, temperatureUnitOf } from './temperatureunit';

/** A column of a readings file: its header, plus what the rows under the header add. */
export interface FileColumn extends ColumnHeader {
  readonly index: number;
}

const serialLabels = new Set(['sn', 'serial', 'serialnumber', 'serialno']);
const unitLabels = new Set(['unit', 'units', 'einheit', 'uom']);

// Rows below a channel header say what it measures; an id or a place there is not a role.
function measuredQuantity(cell: string): ColumnRole | undefined {
  const role = roleOfName(cell);
  return role === 'value' || role === 'humidity' ? role : undefined;
}

interface Descriptors {
  role: ColumnRole | undefined;
  unit: FileTemperatureUnit | undefined;
  serial: string | undefined;
}

/**
 * What the rows between the header and the data say about column `index`: Tinytag Explorer writes
 * `S/N`, `Type`, `Description` and `Property` rows (`Property,,Temperature,Humidity`); T&D a row
 * of units (`,,lx,mW/cm2,°C,%`). A row's first cell is its label, not a value of column 0.
 */
function describeBelow(found: Descriptors, label: string, cell: string): void {
  if (serialLabels.has(label)) {
    found.serial = cell;
    return;
  }
  const unit = temperatureUnitOf(cell);
  found.unit ??= unit;
  found.role ??= unitLabels.has(label) ? undefined : measuredQuantity(cell);
  if (unit !== undefined) {
    found.role ??= 'value';
  }
}

function descriptorsOf(rows: readonly CsvRow[], index: number): Descriptors {
  const found: Descriptors = { role: undefined, unit: undefined, serial: undefined };
  for (const row of rows) {
    const label = compactName(row.cells[0] ?? '');
    const cell = row.cells[index] ?? '';
    if (cell !== '' && (index > 0 || label === '')) {
      describeBelow(found, label, cell);
    }
  }
  return found;
}

/**
 * The columns of a file from its header row and the descriptor rows below it. A header that names
 * its column (`Temp, °C`, `Dew Point(°C)`) keeps its own meaning; only channel headers (`1`,
 * `No.3`, empty) take a role from the rows below.
 */
export function describeColumns(header: CsvRow, descriptorRows: readonly CsvRow[]): FileColumn[] {
  return header.cells.map((text, index): FileColumn => {
    const own = describeHeader(text);
    const below = descriptorsOf(descriptorRows, index);
    return {
      ...own,
      index,
      role: own.role ?? (own.generic ? below.role : undefined),
      unit: own.unit ?? below.unit,
      serial: own.serial ?? below.serial,
    };
  });
}

const spaced = (text: string): string => text.trim().replace(/\s+/gu, ' ').toLowerCase();

/** Finds the column a `--map` entry names, by its header text (case and spacing aside). */
function mappedColumn(columns: readonly FileColumn[], role: string, text: string): FileColumn {
  const column = columns.find((candidate) => spaced(candidate.text) === spaced(text));
  if (column === undefined) {
    const known = columns
      .map((candidate) => `'${candidate.text}'`)
      .filter((name) => name !== "''")
      .join(', ');
    throw new ReadingsFileError({
      message: `--map ${role}="${text}": the file has no such column (its columns: ${known})`,
      field: `--map ${role}`,
      rule: 'column-exists',
    });
  }
  return column;
}

/**
 * Applies `--map`: each named column takes its role, and no other column keeps that role.
 * @throws {@link ReadingsFileError} naming `--map` for an unknown role or a missing column.
 */
export function applyColumnMap(
  columns: readonly FileColumn[],
  columnMap: Readonly<Record<string, string>>,
): FileColumn[] {
  let result = [...columns];
  for (const [role, text] of Object.entries(columnMap)) {
    if (!isColumnRole(role)) {
      throw new ReadingsFileError({
        message: `--map ${role}: not a coldtrace column name (use ${columnRoles.join(', ')})`,
        field: `--map ${role}`,
        rule: 'column-role',
      });
    }
    const target = mappedColumn(result, role, text);
    result = result.map((column) => {
      if (column.index === target.index) {
        return { ...column, role };
      }
      return column.role === role ? { ...column, role: undefined } : column;
    });
  }
  return result;
}
