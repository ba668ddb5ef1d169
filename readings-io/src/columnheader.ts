import { type ColumnRole, roleOfName } from './columnroles';
import { type FileTemperatureUnit, temperatureUnitOf } from './temperatureunit';
import { parseZoneOffset } from './timezoneoffset';

/** What one column header says: `Temp, °C (LGR S/N: 10012345, SEN S/N: 10012345, LBL: A)`. */
export interface ColumnHeader {
  /** The header as written, for messages and `--map`. */
  readonly text: string;
  /** The name without qualifiers: `Temp`. */
  readonly name: string;
  readonly role: ColumnRole | undefined;
  readonly unit: FileTemperatureUnit | undefined;
  /** The sensor's serial: HOBOware's `SEN S/N`, else `LGR S/N`, else `S/N:` or `Serial:`. */
  readonly serial: string | undefined;
  /** HOBOware's `LBL:`, the label a user gave the sensor. */
  readonly label: string | undefined;
  /** `Date Time, GMT+01:00` → 60: the zone of the column's times. */
  readonly zoneMinutes: number | undefined;
  /** A channel header (`1`, `No.3`, `ch2`) that takes its meaning from the rows below it. */
  readonly generic: boolean;
}

const genericName = /^(?:|\d+|no\.?\s*\d+|ch(?:annel)?\s*\d+|sensor\s*\d+|probe\s*\d+)$/iu;

/** Parts in parentheses or brackets, and what follows the first comma outside them. */
function qualifiersOf(text: string): { name: string; qualifiers: string[] } {
  const qualifiers: string[] = [];
  const bare = text.replace(/[([]([^)\]]*)[)\]]/gu, (_match, inner: string) => {
    qualifiers.push(inner);
    return ' ';
  });
  const comma = bare.indexOf(',');
  const name = comma < 0 ? bare : bare.slice(0, comma);
  if (comma >= 0) {
    qualifiers.unshift(...bare.slice(comma + 1).split(','));
  }
  return { name: name.trim(), qualifiers: qualifiers.map((q) => q.trim()) };
}

function serialOf(text: string): string | undefined {
  const patterns = [
    /SEN\s*S\/N\s*:\s*([^,)\]]+)/iu,
    /LGR\s*S\/N\s*:\s*([^,)\]]+)/iu,
    /(?:^|[\s(,[])(?:S\/N|SN|Serial(?:\s*(?:Number|No\.?))?)\s*[:=#]\s*([^,)\]\s]+)/iu,
  ];
  for (const pattern of patterns) {
    const serial = pattern.exec(text)?.[1]?.trim();
    if (serial !== undefined && serial !== '') {
      return serial;
    }
  }
  return undefined;
}

/** A unit written as the name's last word: `Temperature °C`, `Temp ℃`. */
function trailingUnit(name: string): { name: string; unit: FileTemperatureUnit | undefined } {
  const match = /^(.*?)\s*([°º℃℉][CFcf]?)$/u.exec(name);
  const unit = match?.[2] === undefined ? undefined : temperatureUnitOf(match[2]);
  return unit === undefined || match?.[1] === undefined
    ? { name, unit: undefined }
    : { name: match[1], unit };
}

/** Reads one header cell. Nothing is inferred from position; only what the text says. */
export function describeHeader(text: string): ColumnHeader {
  const { name: rawName, qualifiers } = qualifiersOf(text);
  const { name, unit: nameUnit } = trailingUnit(rawName);
  const unit = nameUnit ?? qualifiers.map(temperatureUnitOf).find((u) => u !== undefined);
  const zoneMinutes = qualifiers.map(parseZoneOffset).find((z) => z !== undefined);
  return {
    text,
    name,
    role: roleOfName(name),
    unit,
    serial: serialOf(text),
    label: /LBL\s*:\s*([^,)\]]+)/iu.exec(text)?.[1]?.trim(),
    zoneMinutes,
    generic: genericName.test(name),
  };
}
