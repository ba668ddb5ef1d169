import { JsonShapeError } from './jsonshapeerror';
import { utf8Text } from './marshal';

const maxSafe = Number.MAX_SAFE_INTEGER;

/**
 * A view of JSON that knows its path, so every failure names the exact field (`readings[3].value`)
 * and the rule it broke. The chaincode reads its input with it, the client the chaincode's
 * results: one set of readers for both sides of the wire.
 *
 * `asX` methods read this value; the shorthands `string(name)`, `integer(name)`, ... read a
 * required field. Every failure throws {@link JsonShapeError}.
 */
export class JsonReader {
  readonly #value: unknown;
  readonly path: string;

  constructor(value: unknown, path = '$') {
    this.#value = value;
    this.path = path;
  }

  /** Parses untrusted JSON text of at most `maxBytes` UTF-8 bytes. */
  static parse(text: unknown, path: string, maxBytes = 1_048_576): JsonReader {
    if (typeof text !== 'string') {
      throw new JsonShapeError(path, 'type', `${path} must be a JSON string`);
    }
    // A UTF-16 unit is at most 3 UTF-8 bytes: count exactly only when it could matter.
    if (text.length * 3 > maxBytes && new TextEncoder().encode(text).length > maxBytes) {
      throw new JsonShapeError(path, 'max-size', `${path} must be at most ${maxBytes} bytes`);
    }
    try {
      return new JsonReader(JSON.parse(text) as unknown, path);
    } catch {
      throw new JsonShapeError(path, 'json', `${path} must be valid JSON`);
    }
  }

  /** Parses UTF-8 JSON bytes, for example a chaincode result. */
  static fromBytes(bytes: Uint8Array, path: string): JsonReader {
    return JsonReader.parse(utf8Text(bytes), path, Number.POSITIVE_INFINITY);
  }

  get raw(): unknown {
    return this.#value;
  }

  isString(): boolean {
    return typeof this.#value === 'string';
  }

  fail(rule: string, message: string): never {
    throw new JsonShapeError(this.path, rule, `${this.path} ${message}`);
  }

  #fields(): Record<string, unknown> {
    const value = this.#value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return this.fail('type', 'must be an object');
    }
    return value as Record<string, unknown>;
  }

  #child(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /** Rejects unknown properties: a typo in input must fail loudly, not be ignored. */
  object(allowed: readonly string[]): this {
    for (const key of Object.keys(this.#fields())) {
      if (!allowed.includes(key)) {
        this.field(key).fail('unknown-field', 'is not allowed');
      }
    }
    return this;
  }

  /** Object keys, for maps. */
  keys(): string[] {
    return Object.keys(this.#fields());
  }

  /** True when the field is present and not null. */
  has(key: string): boolean {
    const value = this.#fields()[key];
    return value !== undefined && value !== null;
  }

  /** A required field: present and not null. */
  field(key: string): JsonReader {
    const fields = this.#fields();
    const reader = new JsonReader(fields[key], this.#child(key));
    if (!Object.hasOwn(fields, key) || fields[key] === undefined || fields[key] === null) {
      return reader.fail('required', 'is required');
    }
    return reader;
  }

  /** An input field that may be absent or null. */
  optional(key: string): JsonReader | undefined {
    return this.has(key) ? this.field(key) : undefined;
  }

  /** A result field that is always present and `null` when it has no value. */
  nullable(key: string): JsonReader | null {
    const fields = this.#fields();
    if (!Object.hasOwn(fields, key)) {
      return new JsonReader(undefined, this.#child(key)).fail('required', 'must be present');
    }
    return fields[key] === null ? null : this.field(key);
  }

  items(minLength = 0, maxLength = Number.POSITIVE_INFINITY): JsonReader[] {
    const value = this.#value;
    if (!Array.isArray(value)) {
      return this.fail('type', 'must be an array');
    }
    if (value.length < minLength) {
      this.fail('min-items', `needs at least ${minLength} items`);
    }
    if (value.length > maxLength) {
      this.fail('max-items', `allows at most ${maxLength} items`);
    }
    return value.map((item: unknown, index) => new JsonReader(item, `${this.path}[${index}]`));
  }

  asArray<T>(item: (reader: JsonReader) => T, minLength = 0, maxLength = Infinity): T[] {
    return this.items(minLength, maxLength).map(item);
  }

  asString(pattern?: RegExp, rule = 'format'): string {
    const value = this.#value;
    if (typeof value !== 'string') {
      return this.fail('type', 'must be a string');
    }
    if (pattern !== undefined && !pattern.test(value)) {
      this.fail(rule, `does not match ${rule}`);
    }
    return value;
  }

  /** Free text: non-blank, bounded length, no control characters. */
  asText(maxLength: number): string {
    const value = this.asString();
    if (value.trim().length === 0) {
      this.fail('non-empty', 'must not be empty');
    }
    if (value.length > maxLength) {
      this.fail('max-length', `allows at most ${maxLength} chars`);
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/u.test(value)) {
      this.fail('control-chars', 'must not hold control chars');
    }
    return value;
  }

  asNumber(min = -Number.MAX_VALUE, max = Number.MAX_VALUE): number {
    const value = this.#value;
    if (typeof value !== 'number') {
      return this.fail('type', 'must be a number');
    }
    if (!Number.isFinite(value)) {
      this.fail('finite', 'must be a finite number');
    }
    if (value < min || value > max) {
      this.fail('range', `must be within ${min}..${max}`);
    }
    return value;
  }

  /** An integer within the safe range (and `min..max`). */
  asInteger(min = -maxSafe, max = maxSafe): number {
    const value = this.asNumber(min, max);
    if (!Number.isSafeInteger(value)) {
      this.fail('integer', 'must be an integer');
    }
    return value;
  }

  asBoolean(): boolean {
    const value = this.#value;
    return typeof value === 'boolean' ? value : this.fail('type', 'must be a boolean');
  }

  asOneOf<T extends string>(values: readonly T[]): T {
    const value = this.asString();
    const found = values.find((candidate) => candidate === value);
    return found ?? this.fail('enum', `must be one of ${values.join(', ')}`);
  }

  string(key: string): string {
    return this.field(key).asString();
  }

  number(key: string): number {
    return this.field(key).asNumber();
  }

  integer(key: string): number {
    return this.field(key).asInteger();
  }

  boolean(key: string): boolean {
    return this.field(key).asBoolean();
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    return this.field(key).asOneOf(values);
  }

  array<T>(key: string, item: (reader: JsonReader) => T): T[] {
    return this.field(key).asArray(item);
  }

  optionalString(key: string): string | undefined {
    return this.optional(key)?.asString();
  }

  optionalNumber(key: string): number | undefined {
    return this.optional(key)?.asNumber();
  }

  optionalInteger(key: string): number | undefined {
    return this.optional(key)?.asInteger();
  }

  nullableString(key: string): string | null {
    return this.nullable(key)?.asString() ?? null;
  }

  nullableNumber(key: string): number | null {
    return this.nullable(key)?.asNumber() ?? null;
  }

  nullableInteger(key: string): number | null {
    return this.nullable(key)?.asInteger() ?? null;
  }
}
