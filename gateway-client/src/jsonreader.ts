import { InvalidResponseError } from './coldtraceerror';

/**
 * Reads a JSON value whose shape is documented in docs/chaincode-api.md, checking each field as it
 * is read so that a result is validated rather than cast. Errors name the JSON path.
 */
export class JsonReader {
  readonly #value: unknown;
  readonly #path: string;

  constructor(value: unknown, path = '$') {
    this.#value = value;
    this.#path = path;
  }

  /** Parses UTF-8 JSON bytes returned by the chaincode. */
  static fromBytes(bytes: Uint8Array, what: string): JsonReader {
    const text = Buffer.from(bytes).toString('utf8');
    try {
      return new JsonReader(JSON.parse(text) as unknown, what);
    } catch (err) {
      throw new InvalidResponseError({ message: `${what} is not valid JSON`, cause: err });
    }
  }

  get path(): string {
    return this.#path;
  }

  get raw(): unknown {
    return this.#value;
  }

  #fail(expected: string): never {
    throw new InvalidResponseError({ message: `${this.#path} must be ${expected}` });
  }

  #record(): Record<string, unknown> {
    if (typeof this.#value !== 'object' || this.#value === null || Array.isArray(this.#value)) {
      return this.#fail('an object');
    }
    return this.#value as Record<string, unknown>;
  }

  field(name: string): JsonReader {
    return new JsonReader(this.#record()[name], `${this.#path}.${name}`);
  }

  has(name: string): boolean {
    const value = this.#record()[name];
    return value !== undefined && value !== null;
  }

  string(name: string): string {
    return this.field(name).asString();
  }

  integer(name: string): number {
    return this.field(name).asInteger();
  }

  number(name: string): number {
    return this.field(name).asNumber();
  }

  boolean(name: string): boolean {
    const value = this.field(name).raw;
    return typeof value === 'boolean' ? value : this.field(name).#fail('a boolean');
  }

  optionalString(name: string): string | undefined {
    return this.has(name) ? this.string(name) : undefined;
  }

  optionalInteger(name: string): number | undefined {
    return this.has(name) ? this.integer(name) : undefined;
  }

  optionalNumber(name: string): number | undefined {
    return this.has(name) ? this.number(name) : undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.string(name);
    const match = allowed.find((candidate) => candidate === value);
    return match ?? this.field(name).#fail(`one of ${allowed.join(', ')}`);
  }

  array<T>(name: string, item: (reader: JsonReader) => T): T[] {
    return this.field(name).asArray(item);
  }

  asString(): string {
    return typeof this.#value === 'string' ? this.#value : this.#fail('a string');
  }

  asNumber(): number {
    return typeof this.#value === 'number' && Number.isFinite(this.#value)
      ? this.#value
      : this.#fail('a finite number');
  }

  asInteger(): number {
    return Number.isSafeInteger(this.#value) ? (this.#value as number) : this.#fail('an integer');
  }

  asArray<T>(item: (reader: JsonReader) => T): T[] {
    if (!Array.isArray(this.#value)) {
      return this.#fail('an array');
    }
    return this.#value.map((element: unknown, index) =>
      item(new JsonReader(element, `${this.#path}[${index}]`)),
    );
  }

  /** Object keys, for maps such as counts by status. */
  keys(): string[] {
    return Object.keys(this.#record());
  }
}
