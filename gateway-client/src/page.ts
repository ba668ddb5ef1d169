import { type Page, maxPageSize } from '@coldtrace/protocol';

/** Paging arguments; the first page has no bookmark. */
export interface PageRequest {
  /** Items per page, 1-1000; default 100 for a page call, 1000 for an iterator. */
  readonly pageSize?: number;
  /** Where to start: a bookmark an earlier page returned; default the beginning. */
  readonly bookmark?: string;
}

/** Follows bookmarks from `start` until the last page, yielding every page. */
export async function* allPageResults<P extends Page<unknown>>(
  fetchPage: (bookmark: string) => Promise<P>,
  start = '',
): AsyncGenerator<P> {
  let bookmark = start;
  do {
    const page = await fetchPage(bookmark);
    yield page;
    // A page that returns the bookmark it was given would loop forever.
    if (page.bookmark === bookmark) {
      return;
    }
    bookmark = page.bookmark;
  } while (bookmark !== '');
}

/** Follows bookmarks from `start` until the last page, yielding every item. */
export async function* allPages<T>(
  fetchPage: (bookmark: string) => Promise<Page<T>>,
  start = '',
): AsyncGenerator<T> {
  for await (const page of allPageResults(fetchPage, start)) {
    yield* page.items;
  }
}

/**
 * Every item of a paged query as an async iterable, from `request.bookmark` on, in pages of
 * `request.pageSize` (default the largest: each page is bounded in bytes anyway, and fewer
 * pages are fewer round trips). Nothing is fetched until iteration starts.
 */
export function pagedItems<T>(
  fetchPage: (page: PageRequest) => Promise<Page<T>>,
  request: PageRequest = {},
): AsyncIterable<T> {
  const pageSize = request.pageSize ?? maxPageSize;
  return {
    [Symbol.asyncIterator]: () =>
      allPages((bookmark) => fetchPage({ pageSize, bookmark }), request.bookmark ?? ''),
  };
}
