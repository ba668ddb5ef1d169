/**
 * Mean kinetic temperature (Arrhenius), ΔH/R = 10,000 K (ΔH = 83.144 kJ/mol).
 *
 * Exposure is accumulated as an integer: each interval's duration (ms) times
 * exp(ΔH/R·(1/T0 − 1/T)), rounded, relative to T0 = 0 °C. Integer sums are exact in any order,
 * so endorsers agree whatever order the readings arrived in, and rounding each term hides
 * last-bit differences of Math.exp between Node versions.
 */
export const activationOverGasConstantK = 10_000;
const kelvinOffset = 273.15;
const referenceInverse = activationOverGasConstantK / kelvinOffset;

const factorCache = new Map<number, number>();

function relativeRate(milliC: number): number {
  let factor = factorCache.get(milliC);
  if (factor === undefined) {
    factor = Math.exp(
      referenceInverse - activationOverGasConstantK / (milliC / 1000 + kelvinOffset),
    );
    factorCache.set(milliC, factor);
  }
  return factor;
}

/** The integer exposure of holding `milliC` for `durationMs`. */
export function exposureTerm(milliC: number, durationMs: number): number {
  return Math.round(durationMs * relativeRate(milliC));
}

/** MKT in °C, or undefined when nothing is covered. */
function mktCelsius(exposure: number, coveredMs: number): number | undefined {
  if (coveredMs <= 0 || exposure <= 0) {
    return undefined;
  }
  const kelvin = activationOverGasConstantK / (referenceInverse - Math.log(exposure / coveredMs));
  return kelvin - kelvinOffset;
}

/** MKT in milli-°C, unrounded: what is compared with a limit. */
export function exactMktMilliC(exposure: number, coveredMs: number): number {
  const celsius = mktCelsius(exposure, coveredMs);
  return celsius === undefined ? -100_000 : celsius * 1000;
}

/** MKT in milli-°C rounded to 0.01 °C (a multiple of 10): what is stored and reported. */
export function mktMilliC(exposure: number, coveredMs: number): number {
  const celsius = mktCelsius(exposure, coveredMs);
  return celsius === undefined ? -100_000 : Math.round(celsius * 100) * 10;
}
