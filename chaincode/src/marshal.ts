/**
 * Deterministic JSON: keys sorted recursively, so every endorser writes identical bytes whatever
 * order the objects were built in. `undefined` properties are dropped, as JSON.stringify does.
 */
export function marshal(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function marshalBytes(value: unknown): Uint8Array {
  return Buffer.from(marshal(value), 'utf8');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('cannot marshal a non-finite number');
  }
  return value;
}

/** Parses state written by `marshal`; state is trusted, so the caller's type is asserted. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function unmarshal<T>(bytes: Uint8Array): T {
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
}
