/** Bounds how many transactions are between submit and commit status at once. */
export class InFlightLimit {
  readonly #capacity: number;
  #inUse = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError('capacity must be a positive integer');
    }
    this.#capacity = capacity;
  }

  get inUse(): number {
    return this.#inUse;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (this.#inUse < this.#capacity) {
      this.#inUse++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      // The releasing task hands its slot over directly, so the count stays the same.
      this.#waiting.push(resolve);
    });
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next !== undefined) {
      next();
    } else {
      this.#inUse--;
    }
  }
}
