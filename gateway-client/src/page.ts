import { JsonReader } from './jsonreader';

/** One page of a paged query; `bookmark` is '' when there are no more pages. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly bookmark: string;
}

/** Paging arguments; the first page has no bookmark. */
export interface PageRequest {
  /** 1-1000; default 100. */
  readonly pageSize?: number;
  readonly bookmark?: string;
}

export function readPage<T>(json: JsonReader, item: (reader: JsonReader) => T): Page<T> {
  return { items: json.array('items', item), bookmark: json.string('bookmark') };
}

export function parsePage<T>(
  bytes: Uint8Array,
  what: string,
  item: (reader: JsonReader) => T,
): Page<T> {
  return readPage(JsonReader.fromBytes(bytes, what), item);
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
