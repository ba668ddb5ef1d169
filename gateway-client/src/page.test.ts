import { JsonShapeError, type Page, parsePage } from '@coldtrace/protocol';
import { type PageRequest, allPages, pagedItems } from './page';

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

describe('pagedItems', () => {
  const pages: Record<string, Page<number>> = {
    '': { items: [1, 2], bookmark: 'b1' },
    b1: { items: [3], bookmark: '' },
  };

  it('fetches nothing until iterated, then pages of the largest size from the bookmark given', async () => {
    const requests: PageRequest[] = [];
    const items = pagedItems((request) => {
      requests.push(request);
      return Promise.resolve(pages[request.bookmark ?? '']!);
    });
    expect(requests).toEqual([]);
    const seen: number[] = [];
    for await (const item of items) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
    expect(requests).toEqual([
      { pageSize: 1000, bookmark: '' },
      { pageSize: 1000, bookmark: 'b1' },
    ]);

    const resumed: number[] = [];
    for await (const item of pagedItems(
      (request) => Promise.resolve(pages[request.bookmark ?? '']!),
      { pageSize: 5, bookmark: 'b1' },
    )) {
      resumed.push(item);
    }
    expect(resumed).toEqual([3]);
  });

  it('can be iterated again, from the start', async () => {
    const items = pagedItems((request) => Promise.resolve(pages[request.bookmark ?? '']!));
    const twice: number[] = [];
    for (let i = 0; i < 2; i++) for await (const item of items) twice.push(item);
    expect(twice).toEqual([1, 2, 3, 1, 2, 3]);
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
