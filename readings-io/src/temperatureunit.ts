import type { TemperatureUnit } from '@coldtrace/protocol';

/** The units a file's values are converted from; the symbols map onto these codes. */
export type FileTemperatureUnit = Extract<TemperatureUnit, 'CEL' | 'FAH' | 'KEL'>;

// Spellings seen in logger exports, matched after lower-casing and removing spaces and dots.
// `�c`: a Windows-1252 degree sign read as UTF-8 (T&D); `?c`: one written through an ASCII-only
// path (HOBOware on some systems); `ºc`: the masculine ordinal typed for a degree sign.
const spellings: Readonly<Record<string, FileTemperatureUnit>> = {
  cel: 'CEL',
  c: 'CEL',
  '°c': 'CEL',
  '℃': 'CEL',
  ºc: 'CEL',
  '�c': 'CEL',
  '?c': 'CEL',
  degc: 'CEL',
  celsius: 'CEL',
  degreescelsius: 'CEL',
  fah: 'FAH',
  f: 'FAH',
  '°f': 'FAH',
  '℉': 'FAH',
  ºf: 'FAH',
  '�f': 'FAH',
  '?f': 'FAH',
  degf: 'FAH',
  fahrenheit: 'FAH',
  degreesfahrenheit: 'FAH',
  kel: 'KEL',
  k: 'KEL',
  kelvin: 'KEL',
};

/**
 * The unit a piece of text states: `°C`, `CEL`, `Celsius`, `deg F`, `K`... or undefined when it
 * states none (never a default).
 */
export function temperatureUnitOf(text: string): FileTemperatureUnit | undefined {
  const key = text.toLowerCase().replace(/[\s.]/gu, '');
  return spellings[key];
}

/** For messages: `°C` rather than `CEL`. */
export function unitSymbol(unit: TemperatureUnit): string {
  switch (unit) {
    case 'CEL':
    case '°C':
      return '°C';
    case 'FAH':
    case '°F':
      return '°F';
    case 'KEL':
    case 'K':
      return 'K';
  }
}
