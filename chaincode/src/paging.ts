import { marshal, maxPageBytes, maxPageSize, pageItemBytes } from '@coldtrace/protocol';
import { validationFailed } from './chaincodeerror';
import type { ChaincodeStub } from './stub';

export interface StoredEntry {
  readonly key: string;
  readonly value: Uint8Array;
}

/** Where the next page starts: a state key and, inside it, the first timestamp not yet returned. */
export interface PagePosition {
  readonly key: string;
  readonly ms?: number;
}

export function parsePageSize(value: string): number {
  if (!/^[1-9]\d{0,3}$/u.test(value) || Number(value) > maxPageSize) {
    throw validationFailed('pageSize', 'range', `pageSize must be a decimal 1-${maxPageSize}`);
  }
  return Number(value);
}

/**
 * The items of one page, bounded in count and in bytes: `add` refuses the item that would take
 * the page past either bound (the caller's bookmark then resumes at that item). The first item
 * is always taken, so every page makes progress.
 */
export class PageItems<T> {
  readonly items: T[] = [];
  readonly #size: number;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(size: number, maxBytes: number = maxPageBytes) {
    this.#size = size;
    this.#maxBytes = maxBytes;
  }

  /** Whether an item taking `bytes` (see `pageItemBytes`) would be added. */
  fits(bytes: number): boolean {
    return (
      this.items.length < this.#size &&
      (this.items.length === 0 || this.#bytes + bytes <= this.#maxBytes)
    );
  }

  /**
   * Adds `item` if it fits; `bytes` is its size when the caller knows it already (a stored
   * value: its length), so the item is not serialised to be measured.
   */
  add(item: T, bytes: number = pageItemBytes(marshal(item))): boolean {
    if (!this.fits(bytes)) {
      return false;
    }
    this.items.push(item);
    this.#bytes += bytes;
    return true;
  }

  /** Items the page still takes at most: a range read needs this many and the one after. */
  get remaining(): number {
    return this.#size - this.items.length;
  }

  /** Bytes the items take, as the page bound counts them. */
  get bytes(): number {
    return this.#bytes;
  }
}

/** Bookmarks are opaque to clients: base64url of the next position. */
export function encodeBookmark(position: PagePosition | undefined): string {
  return position === undefined
    ? ''
    : Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeBookmark(bookmark: string, keyPrefix: string): PagePosition | undefined {
  if (bookmark === '') {
    return undefined;
  }
  try {
    if (!/^[A-Za-z0-9_-]+$/u.test(bookmark)) {
      throw new Error('not base64url');
    }
    const parsed = JSON.parse(Buffer.from(bookmark, 'base64url').toString('utf8')) as unknown;
    const position = parsed as PagePosition;
    if (typeof position.key !== 'string' || !position.key.startsWith(keyPrefix)) {
      throw new Error('foreign bookmark');
    }
    if (position.ms !== undefined && !Number.isSafeInteger(position.ms)) {
      throw new Error('bad position');
    }
    return position;
  } catch {
    throw validationFailed('bookmark', 'format', 'bookmark is not one this query returned');
  }
}

/** Up to `limit` entries under a partial composite key, from `startKey` (inclusive). */
export async function readEntries(
  stub: ChaincodeStub,
  objectType: string,
  attributes: string[],
  limit: number,
  startKey: string | undefined,
): Promise<StoredEntry[]> {
  const { iterator } = await stub.getStateByPartialCompositeKeyWithPagination(
    objectType,
    attributes,
    limit,
    startKey ?? '',
  );
  const entries: StoredEntry[] = [];
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      entries.push({ key: next.value.key, value: next.value.value });
    }
  } finally {
    await iterator.close();
  }
  return entries;
}

/** Every entry under a partial composite key (for transactions, which may not paginate). */
export async function readAllEntries(
  stub: ChaincodeStub,
  objectType: string,
  attributes: string[],
): Promise<StoredEntry[]> {
  const entries: StoredEntry[] = [];
  for await (const kv of stub.getStateByPartialCompositeKey(objectType, attributes)) {
    entries.push({ key: kv.key, value: kv.value });
  }
  return entries;
}
