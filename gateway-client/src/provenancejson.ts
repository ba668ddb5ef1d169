import type { ProvenanceReport, ProvenanceSink } from './provenancereport';
import type { ProvenanceReportFile } from './provenancefile';
import { ReportParts } from './reportfile';

/** The arrays of a shipment's entry, in the order the verifier fills them. */
const arrays = ['history', 'readingsDays', 'alerts'] as const;

/**
 * The JSON report (`coldtrace.provenance/v2`): the {@link ProvenanceReport} fields, then
 * `shipments` (each `{ shipment, custodyChain, history, readingsDays, alerts, summary }`) and
 * `transactions`, one item per line. Written as the verification runs, like the HTML report.
 */
class ProvenanceJsonFile implements ProvenanceReportFile {
  readonly sink: ProvenanceSink;
  readonly #file: string;
  readonly #parts: ReportParts;
  /** Index in {@link arrays} of the array being written, -1 before the first. */
  #array = -1;
  #items = 0;
  #shipments = 0;
  #transactions = 0;

  constructor(file: string, parts: ReportParts) {
    this.#file = file;
    this.#parts = parts;
    this.sink = {
      shipment: async (shipment, custodyChain) => {
        this.#array = -1;
        const separator = this.#shipments++ === 0 ? '' : ',\n';
        await this.#out().write(
          `${separator}{"shipment":${JSON.stringify(shipment)},"custodyChain":${JSON.stringify(custodyChain)}`,
        );
      },
      history: (events) => this.#itemsOf(0, events),
      readingsDay: (day) => this.#itemsOf(1, [day]),
      alerts: (alerts) => this.#itemsOf(2, alerts),
      shipmentSummary: async (provenance) => {
        await this.#enter(arrays.length);
        // The shipment and its custody chain opened the entry already.
        const { events, readings, alerts, dispositions, dispositionCount, disposition } =
          provenance;
        const summary = { events, readings, alerts, dispositions, dispositionCount, disposition };
        await this.#out().write(`,"summary":${JSON.stringify(summary)}}`);
      },
      transactions: async (evidence) => {
        const text = evidence
          .map((t) => `${this.#transactions++ === 0 ? '' : ',\n'}${JSON.stringify(t)}`)
          .join('');
        await parts.part('transactions').write(text);
      },
    };
  }

  #out() {
    return this.#parts.part('shipments');
  }

  async #enter(array: number): Promise<void> {
    while (this.#array < array) {
      if (this.#array >= 0) {
        await this.#out().write('\n]');
      }
      this.#array++;
      this.#items = 0;
      const next = arrays[this.#array];
      if (next !== undefined) {
        await this.#out().write(`,"${next}":[\n`);
      }
    }
  }

  async #itemsOf(array: number, items: readonly unknown[]): Promise<void> {
    await this.#enter(array);
    const text = items
      .map((item) => `${this.#items++ === 0 ? '' : ',\n'}${JSON.stringify(item)}`)
      .join('');
    await this.#out().write(text);
  }

  async finish(report: ProvenanceReport): Promise<void> {
    // The report's own fields first, then the two streamed arrays inside the same object.
    const fields = JSON.stringify(report, null, 2).replace(/\n\}$/u, '');
    await this.#parts.assemble(this.#file, [
      { text: `${fields},\n"shipments": [\n` },
      { part: 'shipments' },
      { text: '\n],\n"transactions": [\n' },
      { part: 'transactions' },
      { text: '\n]\n}\n' },
    ]);
  }

  discard(): Promise<void> {
    return this.#parts.discard();
  }
}

/** Starts a JSON provenance report at `file`; see {@link ProvenanceReportFile}. */
export async function newProvenanceJsonFile(file: string): Promise<ProvenanceReportFile> {
  return new ProvenanceJsonFile(file, await ReportParts.create(['shipments', 'transactions']));
}
