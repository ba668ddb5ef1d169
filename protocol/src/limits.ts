/**
 * Bounds on what one answer can carry, so no query result or stored value a result repeats can
 * outgrow gRPC's default 4 MiB message (docs/chaincode-api.md, "Bounds").
 */

/** Items in one page of a paged query, at most. */
export const maxPageSize = 1000;

/**
 * Bytes of one page's items, at most: each item's deterministic JSON in UTF-8 plus one byte for
 * its separator. A page stops before the item that would pass it, and its bookmark resumes at
 * that item; a page always holds at least one item (the largest item is a few KB).
 */
export const maxPageBytes = 1024 * 1024;

/** Accepted custody handovers a shipment records, at most (`Shipment.handovers`). */
export const maxShipmentHandovers = 100;

/** Distinct sensors that report readings for one shipment, at most (`Shipment.sensorIds`). */
export const maxShipmentSensors = 256;

/**
 * Distinct conflicting rows one sensor's day of readings keeps as evidence, at most
 * (`ReadingChunk.conflicts`), so the chunk every batch of that day rewrites cannot grow without
 * bound; a batch that would record more is refused whole.
 */
export const maxChunkConflicts = 100;

/**
 * Bytes an item takes in a page, given its deterministic JSON as text or, for a stored value, as
 * its UTF-8 bytes, whose length is known without a walk (see {@link maxPageBytes}).
 */
export function pageItemBytes(json: string | Uint8Array): number {
  return (typeof json === 'string' ? utf8Length(json) : json.length) + 1;
}

/** UTF-8 length of a string, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      bytes += 1;
    } else if (unit < 0x800) {
      bytes += 2;
    } else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else {
      bytes += 3;
    }
  }
  return bytes;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit < 0xdc00;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit < 0xe000;
