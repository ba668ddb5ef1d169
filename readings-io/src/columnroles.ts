/**
 * What a column of a readings file holds, in coldtrace's words: the names `--map` takes
 * (`--map timestamp="Zeit"`). `date` and `time` are for files that split the timestamp in two.
 */
export const columnRoles = [
  'timestamp',
  'date',
  'time',
  'value',
  'unit',
  'sensorId',
  'humidity',
  'lat',
  'lon',
] as const;
export type ColumnRole = (typeof columnRoles)[number];

export function isColumnRole(name: string): name is ColumnRole {
  return (columnRoles as readonly string[]).includes(name);
}

// Header spellings seen in logger exports, compared without case, spaces or punctuation.
const spellings: Readonly<Record<ColumnRole, readonly string[]>> = {
  timestamp: [
    'timestamp',
    'datetime',
    'dateandtime',
    'timestamputc',
    'datumzeit',
    'datumuhrzeit',
    'zeitstempel',
    'horodatage',
    'recordedat',
    'loggedat',
  ],
  date: ['date', 'datum', 'day'],
  time: ['time', 'zeit', 'uhrzeit', 'heure'],
  value: [
    'value',
    'temp',
    'temperature',
    'temperatur',
    'temperatura',
    'temperatuur',
    'celsius',
    'fahrenheit',
    'kelvin',
  ],
  unit: ['unit', 'units', 'uom', 'einheit', 'unite'],
  // Most specific first: a logger the user named `Logger` must not beat its `Serial Number`.
  sensorId: [
    'sensorid',
    'serialnumber',
    'serialno',
    'serial',
    'sn',
    'deviceid',
    'loggerid',
    'loggerserial',
    'probeid',
    'sensor',
    'device',
    'logger',
    'probe',
  ],
  humidity: ['humidity', 'rh', 'relativehumidity', 'feuchte', 'luftfeuchte', 'luftfeuchtigkeit'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
};

/** A header name reduced for comparison: `Date/Time` and `date time` are both `datetime`. */
export function compactName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The role a header name (without its unit or serial qualifiers) spells, if any. */
export function roleOfName(name: string): ColumnRole | undefined {
  const compact = compactName(name);
  return columnRoles.find((role) => spellings[role].includes(compact));
}

/** How specific a name is for its role: 0 is the most specific spelling. */
export function spellingRank(role: ColumnRole, name: string): number {
  const rank = spellings[role].indexOf(compactName(name));
  return rank < 0 ? spellings[role].length : rank;
}
