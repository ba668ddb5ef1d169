import { marshal, tryParseJson, utf8Bytes } from './marshal';

describe('marshal', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(marshal({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('refuses non-finite numbers, which JSON cannot carry', () => {
    expect(() => marshal({ x: Number.NaN })).toThrow(TypeError);
  });

  it('parses JSON bytes or returns undefined', () => {
    expect(tryParseJson(utf8Bytes('{"a":1}'))).toEqual({ a: 1 });
    expect(tryParseJson(utf8Bytes('{'))).toBeUndefined();
  });
});
