import { marshal, utf8Bytes } from './marshal';
import { maxPageBytes, pageItemBytes, utf8Length } from './limits';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['°C', 3],
    ['€', 3],
    ['𝄞', 4],
    ['a\ud800b', 5],
  ])('counts %j as TextEncoder encodes it', (text) => {
    expect(utf8Length(text)).toBe(utf8Bytes(text).length);
  });
});

describe('pageItemBytes', () => {
  it('is the deterministic JSON plus one separator', () => {
    const json = marshal({ comment: 'Tür offen, 9 °C', n: 1 });
    expect(pageItemBytes(json)).toBe(utf8Bytes(json).length + 1);
    expect(pageItemBytes(utf8Bytes(json))).toBe(pageItemBytes(json));
  });

  it('leaves a page far below gRPC 4 MiB', () => {
    expect(maxPageBytes).toBeLessThanOrEqual((4 * 1024 * 1024) / 4);
  });
});
