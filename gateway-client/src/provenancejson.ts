import type { ProvenanceReport, ProvenanceSink } from './provenancereport';
import type { ProvenanceReportFile } from './provenancefile';
import { ReportParts, StreamedSections } from './reportfile';

/** The arrays of a shipment's entry, in the order the verifier fills them. */
const arrays = ['history', 'readingsDays', 'alerts'] as const;

const jsonItems = (items: readonly unknown[]): string[] =>
  items.map((item) => JSON.stringify(item));

/**
 * The JSON report (`coldtrace.provenance/v2`): the {@link ProvenanceReport} fields, then
 * `shipments` (each `{ shipment, custodyChain, history, readingsDays, alerts, summary }`) and
 * `transactions`, one item per line. Written as the verification runs, like the HTML report.
 */
class ProvenanceJsonFile implements ProvenanceReportFile {
  readonly sink: ProvenanceSink;
  readonly #parts: ReportParts;
  readonly #transactions: StreamedSections<string>;
  #shipments = 0;

  constructor(parts: ReportParts) {
    this.#parts = parts;
    const out = parts.part('shipments');
    const entry = new StreamedSections(out, arrays, {
      open: (name) => `,"${name}":[\n`,
      close: () => '\n]',
      separator: ',\n',
    });
    // Its brackets are written by `finish`, around the part.
    this.#transactions = new StreamedSections(parts.part('transactions'), ['transactions'], {
      open: () => '',
      close: () => '',
      separator: ',\n',
    });
    this.sink = {
      shipment: async (shipment, custodyChain) => {
        entry.restart();
        const separator = this.#shipments++ === 0 ? '' : ',\n';
        await out.write(
          `${separator}{"shipment":${JSON.stringify(shipment)},"custodyChain":${JSON.stringify(custodyChain)}`,
        );
      },
      history: (events) => entry.add(0, jsonItems(events)),
      readingsDay: (day) => entry.add(1, jsonItems([day])),
      alerts: (alerts) => entry.add(2, jsonItems(alerts)),
      shipmentSummary: async (provenance) => {
        await entry.end();
        // The shipment and its custody chain opened the entry already.
        const { events, readings, alerts, dispositions, dispositionCount, disposition } =
          provenance;
        const summary = { events, readings, alerts, dispositions, dispositionCount, disposition };
        await out.write(`,"summary":${JSON.stringify(summary)}}`);
      },
      transactions: (evidence) => this.#transactions.add(0, jsonItems(evidence)),
    };
  }

  async finish(report: ProvenanceReport): Promise<void> {
    await this.#transactions.end();
    // The report's own fields first, then the two streamed arrays inside the same object.
    const fields = JSON.stringify(report, null, 2).replace(/\n\}$/u, '');
    await this.#parts.assemble([
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

/**
 * Starts a JSON provenance report at `file`; see {@link ProvenanceReportFile}.
 * @throws {@link ConfigurationError} naming `file` when it cannot be opened for writing, before
 * anything is verified.
 */
export async function newProvenanceJsonFile(file: string): Promise<ProvenanceReportFile> {
  return new ProvenanceJsonFile(await ReportParts.create(file, ['shipments', 'transactions']));
}
