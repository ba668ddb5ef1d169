import { JsonShapeError, type Page, parsePage } from '@coldtrace/protocol';
import { allPages } from './page';

describe('allPages', () => {
  it('follows bookmarks until the empty bookmark', async () => {
    const pages: Record<string, Page<number>> = {
      '': { items: [1, 2], bookmark: 'b1' },
      b1: { items: [3], bookmark: 'b2' },
      b2: { items: [], bookmark: '' },
    };
    const requested: string[] = [];
    const items: number[] = [];
    for await (const item of allPages((bookmark) => {
      requested.push(bookmark);
      return Promise.resolve(pages[bookmark]!);
    })) {
      items.push(item);
    }
    expect(items).toEqual([1, 2, 3]);
    expect(requested).toEqual(['', 'b1', 'b2']);
  });

  it('stops when a page repeats its bookmark', async () => {
    let calls = 0;
    const items: number[] = [];
    for await (const item of allPages(() => {
      calls++;
      return Promise.resolve({ items: [calls], bookmark: 'same' });
    })) {
      items.push(item);
    }
    expect(items).toEqual([1, 2]);
  });
});

describe('parsePage', () => {
  it('validates items and bookmark', () => {
    const bytes = Buffer.from(JSON.stringify({ items: ['a'], bookmark: '' }));
    expect(parsePage(bytes, 'Page', (r) => r.asString())).toEqual({ items: ['a'], bookmark: '' });
    const bad = Buffer.from(JSON.stringify({ items: [1], bookmark: '' }));
    expect(() => parsePage(bad, 'Page', (r) => r.asString())).toThrow(JsonShapeError);
    expect(() => parsePage(bad, 'Page', (r) => r.asString())).toThrow(
      'Page.items[0] must be a string',
    );
  });
});
