/** A GTIN-14 with a valid GS1 check digit, built from 13 data digits. */
export function gtinWithCheckDigit(dataDigits: string): string {
  if (!/^\d{13}$/.test(dataDigits)) throw new Error('need 13 data digits');
  const sum = dataDigits
    .split('')
    .reverse()
    .reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return dataDigits + String((10 - (sum % 10)) % 10);
}
