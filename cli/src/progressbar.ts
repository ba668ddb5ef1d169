/** A one-line progress bar on a TTY stream; silent when the stream is not a terminal. */
export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #total: number;
  #done = 0;
  #failed = 0;

  constructor(stream: NodeJS.WriteStream, total: number) {
    this.#stream = stream;
    this.#total = total;
  }

  advance(count: number, failed = false): void {
    this.#done += count;
    if (failed) {
      this.#failed += count;
    }
    this.#render();
  }

  #render(): void {
    if (!this.#stream.isTTY) {
      return;
    }
    const width = 30;
    const ratio = this.#total === 0 ? 1 : Math.min(1, this.#done / this.#total);
    const filled = Math.round(ratio * width);
    const failed = this.#failed > 0 ? `, ${this.#failed} failed` : '';
    this.#stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.#done}/${this.#total} readings${failed}`,
    );
  }

  finish(): void {
    if (this.#stream.isTTY) {
      this.#stream.write('\n');
    }
  }
}
