import type { ProvenanceReport, ProvenanceSink } from './provenancereport';

/**
 * A report file written while a verification runs: its {@link ProvenanceSink} takes the detail
 * as the verifier checks it (kept in temporary files, not in memory), `finish` writes the file
 * with the verdict and summary first. The file is opened when the report starts, so a path that
 * cannot be written fails before the verification. Use one per verification.
 */
export interface ProvenanceReportFile {
  /** Pass to the verification: `verifier.verifyShipment(id, { sink: file.sink })`. */
  readonly sink: ProvenanceSink;
  /** Writes the file from the finished report and the detail received, and removes the parts. */
  finish(report: ProvenanceReport): Promise<void>;
  /**
   * Removes the detail received, writing no file (the verification failed): a file that was at
   * the path is left as it was, one created for the report is removed. Does nothing to a
   * finished file.
   */
  discard(): Promise<void>;
}

/** One sink that passes every call on to each of `sinks` in turn (an HTML and a JSON file). */
export function teeProvenanceSinks(...sinks: readonly ProvenanceSink[]): ProvenanceSink {
  const each =
    <A extends unknown[]>(call: (sink: ProvenanceSink, ...args: A) => Promise<void> | void) =>
    async (...args: A): Promise<void> => {
      for (const sink of sinks) {
        await call(sink, ...args);
      }
    };
  return {
    shipment: each((sink, shipment, chain) => sink.shipment?.(shipment, chain)),
    history: each((sink, events) => sink.history?.(events)),
    readingsDay: each((sink, day) => sink.readingsDay?.(day)),
    alerts: each((sink, alerts) => sink.alerts?.(alerts)),
    shipmentSummary: each((sink, provenance) => sink.shipmentSummary?.(provenance)),
    transactions: each((sink, evidence) => sink.transactions?.(evidence)),
  };
}
