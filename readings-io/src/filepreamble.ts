import type { CsvRow } from './csvtable';
import { type FileTemperatureUnit, temperatureUnitOf } from './temperatureunit';

/** What the lines above a file's header say about all of its values. */
export interface FilePreamble {
  /** `Serial Number = A18040256` (Rotronic HW4), `S/N: 10012345`. */
  readonly serial: string | undefined;
  /** `Temperature = °C` (Rotronic HW4), `Temperature unit: °F`. */
  readonly unit: FileTemperatureUnit | undefined;
}

const serialPattern =
  /^\s*(?:logger\s+|device\s+)?(?:serial(?:\s*(?:number|no\.?|#))?|s\/n)\s*[:=]\s*([A-Za-z0-9._:/-]+)\s*$/iu;
const unitPattern = /^\s*temp(?:erature)?(?:\s*unit)?\s*[:=]\s*(\S+)\s*$/iu;

/**
 * Reads title and metadata lines above the header. Only lines that are plainly a key and a value
 * count; a line naming two different serials or units leaves that fact unknown rather than picked.
 */
export function readPreamble(rows: readonly CsvRow[]): FilePreamble {
  const serials = new Set<string>();
  const units = new Set<FileTemperatureUnit>();
  for (const row of rows) {
    const line = row.cells.filter((cell) => cell !== '').join(' ');
    const serial = serialPattern.exec(line)?.[1];
    if (serial !== undefined) {
      serials.add(serial);
    }
    const unitText = unitPattern.exec(line)?.[1];
    const unit = unitText === undefined ? undefined : temperatureUnitOf(unitText);
    if (unit !== undefined) {
      units.add(unit);
    }
  }
  return {
    serial: serials.size === 1 ? [...serials][0] : undefined,
    unit: units.size === 1 ? [...units][0] : undefined,
  };
}
