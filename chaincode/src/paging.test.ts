import { marshal, pageItemBytes } from '@coldtrace/protocol';
import { PageItems, decodeBookmark, encodeBookmark, parsePageSize } from './paging';

const item = (n: number, text = ''): { n: number; text: string } => ({ n, text });
const bytesOf = (value: unknown): number => pageItemBytes(marshal(value));

describe('PageItems', () => {
  it('stops at pageSize items', () => {
    const page = new PageItems<ReturnType<typeof item>>(2);
    expect([page.add(item(1)), page.add(item(2)), page.add(item(3))]).toEqual([true, true, false]);
    expect(page.items).toEqual([item(1), item(2)]);
  });

  it('takes an item that fills the byte budget exactly, and refuses one byte more', () => {
    const first = item(1, 'x'.repeat(50));
    const second = item(2, 'y'.repeat(30));
    const exact = new PageItems<typeof first>(10, bytesOf(first) + bytesOf(second));
    expect(exact.add(first)).toBe(true);
    expect(exact.add(second)).toBe(true);
    expect(exact.bytes).toBe(bytesOf(first) + bytesOf(second));

    const short = new PageItems<typeof first>(10, bytesOf(first) + bytesOf(second) - 1);
    expect(short.add(first)).toBe(true);
    expect(short.add(second)).toBe(false);
    expect(short.items).toEqual([first]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const ascii = item(1, 'C');
    const degrees = item(1, '°');
    expect(bytesOf(degrees)).toBe(bytesOf(ascii) + 1);
    const page = new PageItems<typeof ascii>(10, bytesOf(ascii) * 2);
    expect(page.add(ascii)).toBe(true);
    expect(page.add(degrees)).toBe(false);
  });

  it('always takes the first item, so a page makes progress', () => {
    const big = item(1, 'z'.repeat(100));
    const page = new PageItems<typeof big>(10, 10);
    expect(page.add(big)).toBe(true);
    expect(page.add(item(2))).toBe(false);
  });

  it('takes the size of a stored value from the caller, as its bytes measure it', () => {
    const stored = Buffer.from('{"a":"°"}', 'utf8');
    const page = new PageItems<unknown>(10, 22);
    expect(page.fits(pageItemBytes(stored))).toBe(true);
    expect(page.add({ a: '°' }, pageItemBytes(stored))).toBe(true);
    expect(page.bytes).toBe(11);
    expect(page.fits(11)).toBe(true);
    expect(page.fits(12)).toBe(false);
    expect(page.add({ a: '°°' }, 12)).toBe(false);
  });
});

describe('page arguments', () => {
  it.each(['0', '1001', '01', '-1', '1.5', '', ' 5'])('refuses pageSize %j', (value) => {
    expect(() => parsePageSize(value)).toThrow(
      expect.objectContaining({ field: 'pageSize', rule: 'range' }) as Error,
    );
  });

  it('round-trips a position and refuses a bookmark of another query', () => {
    const bookmark = encodeBookmark({ key: '\u0000alert\u0000SHP-1\u0000A\u0000' });
    expect(decodeBookmark(bookmark, '\u0000alert\u0000SHP-1\u0000')).toEqual({
      key: '\u0000alert\u0000SHP-1\u0000A\u0000',
    });
    expect(() => decodeBookmark(bookmark, '\u0000event\u0000SHP-1\u0000')).toThrow(
      expect.objectContaining({ field: 'bookmark', rule: 'format' }) as Error,
    );
    expect(() => decodeBookmark('not a bookmark!', '')).toThrow(
      expect.objectContaining({ field: 'bookmark', rule: 'format' }) as Error,
    );
  });
});
