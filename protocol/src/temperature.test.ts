import { toMilliCelsius } from './temperature';

describe('toMilliCelsius', () => {
  it('converts each unit and its symbol alike', () => {
    // Reference points: water freezes at 32 °F = 273.15 K, body temperature 98.6 °F = 37 °C.
    expect(toMilliCelsius(4.5, 'CEL')).toBe(4500);
    expect(toMilliCelsius(4.5, '°C')).toBe(4500);
    expect(toMilliCelsius(32, 'FAH')).toBe(0);
    expect(toMilliCelsius(98.6, '°F')).toBe(37_000);
    expect(toMilliCelsius(273.15, 'KEL')).toBe(0);
    expect(toMilliCelsius(0, 'K')).toBe(-273_150);
  });

  it('rounds to whole milli-degrees', () => {
    expect(toMilliCelsius(41, 'FAH')).toBe(5000);
    expect(toMilliCelsius(42, 'FAH')).toBe(5556);
  });
});
