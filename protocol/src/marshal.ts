/**
 * Deterministic JSON: keys sorted recursively, so every endorser writes identical bytes whatever
 * order the objects were built in, and equal values compare equal as strings. `undefined`
 * properties are dropped, as JSON.stringify does.
 * @throws TypeError for a non-finite number, which JSON cannot carry.
 */
export function marshal(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function marshalBytes(value: unknown): Uint8Array {
  return encoder.encode(marshal(value));
}

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Parses JSON bytes, or undefined when they are not JSON. */
export function tryParseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8Text(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      sorted[key] = sortKeys(record[key]);
    }
    return sorted;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('cannot marshal a non-finite number');
  }
  return value;
}
