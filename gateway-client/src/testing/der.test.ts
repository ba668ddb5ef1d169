import { integer } from './der';
import { newCredentials } from './certificates';

describe('integer', () => {
  it.each([
    [0, '020100'],
    [1, '020101'],
    [127, '02017f'],
    [128, '02020080'],
    [255, '020200ff'],
    [256, '02020100'],
    [300, '0202012c'],
    [0x7fffffff, '02047fffffff'],
    [Number.MAX_SAFE_INTEGER, '02071fffffffffffff'],
  ])('encodes %d minimally, with a zero byte before a leading 1 bit', (value, hex) => {
    expect(integer(value).toString('hex')).toBe(hex);
  });

  it('refuses what it cannot encode exactly', () => {
    expect(() => integer(-1)).toThrow(RangeError);
    expect(() => integer(1.5)).toThrow(RangeError);
    expect(() => integer(2 ** 53)).toThrow(RangeError);
  });
});

describe('newCredentials', () => {
  it('gives every certificate its own serial number, past 127 of them', () => {
    const serials = new Set<string>();
    for (let n = 0; n < 200; n++) {
      serials.add(newCredentials(`peer${n}`).certificate.serialNumber);
    }
    expect(serials.size).toBe(200);
  });
});
