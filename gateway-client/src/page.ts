import type { Page } from '@coldtrace/protocol';

/** Paging arguments; the first page has no bookmark. */
export interface PageRequest {
  /** 1-1000; default 100. */
  readonly pageSize?: number;
  readonly bookmark?: string;
}

/** Follows bookmarks until the last page, yielding every item. */
export async function* allPages<T>(
  fetchPage: (bookmark: string) => Promise<Page<T>>,
): AsyncGenerator<T> {
  let bookmark = '';
  do {
    const page = await fetchPage(bookmark);
    yield* page.items;
    // A page that returns the bookmark it was given would loop forever.
    if (page.bookmark === bookmark) {
      return;
    }
    bookmark = page.bookmark;
  } while (bookmark !== '');
}
