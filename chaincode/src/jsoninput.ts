import { validationFailed } from './chaincodeerror';

/**
 * A view of untrusted JSON input that knows its field path, so every validation error names the
 * exact field (`readings[3].value`) and the rule it broke.
 */
export class JsonInput {
  readonly #value: unknown;
  readonly path: string;

  private constructor(value: unknown, path: string) {
    this.#value = value;
    this.path = path;
  }

  static parse(text: string, path: string, maxBytes = 1_048_576): JsonInput {
    if (typeof text !== 'string') {
      throw validationFailed(path, 'type', `${path} must be a JSON string`);
    }
    if (Buffer.byteLength(text, 'utf8') > maxBytes) {
      throw validationFailed(path, 'max-size', `${path} must be at most ${maxBytes} bytes`);
    }
    try {
      return new JsonInput(JSON.parse(text) as unknown, path);
    } catch {
      throw validationFailed(path, 'json', `${path} must be valid JSON`);
    }
  }

  static of(value: unknown, path: string): JsonInput {
    return new JsonInput(value, path);
  }

  get raw(): unknown {
    return this.#value;
  }

  isString(): boolean {
    return typeof this.#value === 'string';
  }

  #fields(): Record<string, unknown> {
    const value = this.#value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw validationFailed(this.path, 'type', `${this.path} must be an object`);
    }
    return value as Record<string, unknown>;
  }

  /** Rejects unknown properties: a typo must fail loudly, not be ignored. */
  object(allowed: readonly string[]): this {
    const fields = this.#fields();
    for (const key of Object.keys(fields)) {
      if (!allowed.includes(key)) {
        throw validationFailed(
          this.#child(key),
          'unknown-field',
          `${this.#child(key)} is not allowed`,
        );
      }
    }
    return this;
  }

  has(key: string): boolean {
    const value = this.#fields()[key];
    return value !== undefined && value !== null;
  }

  field(key: string): JsonInput {
    const fields = this.#fields();
    const path = this.#child(key);
    if (!Object.hasOwn(fields, key) || fields[key] === undefined || fields[key] === null) {
      throw validationFailed(path, 'required', `${path} is required`);
    }
    return new JsonInput(fields[key], path);
  }

  optional(key: string): JsonInput | undefined {
    return this.has(key) ? this.field(key) : undefined;
  }

  array(minLength: number, maxLength: number): JsonInput[] {
    const value = this.#value;
    if (!Array.isArray(value)) {
      throw validationFailed(this.path, 'type', `${this.path} must be an array`);
    }
    if (value.length < minLength) {
      throw validationFailed(
        this.path,
        'min-items',
        `${this.path} needs at least ${minLength} items`,
      );
    }
    if (value.length > maxLength) {
      throw validationFailed(
        this.path,
        'max-items',
        `${this.path} allows at most ${maxLength} items`,
      );
    }
    return value.map((item, index) => new JsonInput(item, `${this.path}[${index}]`));
  }

  string(pattern?: RegExp, rule = 'format'): string {
    const value = this.#value;
    if (typeof value !== 'string') {
      throw validationFailed(this.path, 'type', `${this.path} must be a string`);
    }
    if (pattern !== undefined && !pattern.test(value)) {
      throw validationFailed(this.path, rule, `${this.path} does not match ${rule}`);
    }
    return value;
  }

  /** Free text: bounded length, no control characters. */
  text(maxLength: number): string {
    const value = this.string();
    if (value.trim().length === 0) {
      throw validationFailed(this.path, 'non-empty', `${this.path} must not be empty`);
    }
    if (value.length > maxLength) {
      throw validationFailed(
        this.path,
        'max-length',
        `${this.path} allows at most ${maxLength} chars`,
      );
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/u.test(value)) {
      throw validationFailed(
        this.path,
        'control-chars',
        `${this.path} must not hold control chars`,
      );
    }
    return value;
  }

  number(min: number, max: number): number {
    const value = this.#value;
    if (typeof value !== 'number') {
      throw validationFailed(this.path, 'type', `${this.path} must be a number`);
    }
    if (!Number.isFinite(value)) {
      throw validationFailed(this.path, 'finite', `${this.path} must be a finite number`);
    }
    if (value < min || value > max) {
      throw validationFailed(this.path, 'range', `${this.path} must be within ${min}..${max}`);
    }
    return value;
  }

  integer(min: number, max: number): number {
    const value = this.number(min, max);
    if (!Number.isInteger(value)) {
      throw validationFailed(this.path, 'integer', `${this.path} must be an integer`);
    }
    return value;
  }

  boolean(): boolean {
    if (typeof this.#value !== 'boolean') {
      throw validationFailed(this.path, 'type', `${this.path} must be a boolean`);
    }
    return this.#value;
  }

  oneOf<T extends string>(values: readonly T[]): T {
    const value = this.string();
    const found = values.find((candidate) => candidate === value);
    if (found === undefined) {
      throw validationFailed(this.path, 'enum', `${this.path} must be one of ${values.join(', ')}`);
    }
    return found;
  }

  #child(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }
}
