import { type EpcisExportSummary, epcisExport } from '@coldtrace/readings-io';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command, CommandContext } from './commandregistry';
import { UsageError } from './usageerror';

async function* piecesAndSummary(
  pieces: AsyncGenerator<string, EpcisExportSummary>,
  done: (summary: EpcisExportSummary) => void,
): AsyncGenerator<string> {
  done(yield* pieces);
}

/** Streams the pieces to `destination` with backpressure; stdout is left open. */
async function writePieces(
  pieces: AsyncGenerator<string, EpcisExportSummary>,
  destination: NodeJS.WritableStream,
  options: { readonly signal: AbortSignal; readonly end: boolean },
): Promise<EpcisExportSummary> {
  let summary: EpcisExportSummary | undefined;
  await pipeline(
    Readable.from(
      piecesAndSummary(pieces, (written) => {
        summary = written;
      }),
    ),
    destination,
    options,
  );
  if (summary === undefined) {
    throw new Error('the export ended before its last event');
  }
  return summary;
}

/** Writes beside `path` and renames at the end: a failed export leaves no half-written file. */
async function writeFile(
  path: string,
  pieces: AsyncGenerator<string, EpcisExportSummary>,
  signal: AbortSignal,
): Promise<EpcisExportSummary> {
  const partial = `${path}.partial`;
  try {
    const summary = await writePieces(pieces, createWriteStream(partial), { signal, end: true });
    await rename(partial, path);
    return summary;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

function report(context: CommandContext, path: string, summary: EpcisExportSummary): void {
  context.out(
    context.json
      ? JSON.stringify({ file: path, ...summary }, null, 2)
      : `wrote ${path}: ${summary.custodyEvents} custody step(s), ${summary.readings} reading(s) in ${summary.sensorEvents} sensor event(s)`,
  );
}

export const shipmentExport: Command = {
  path: ['shipment', 'export'],
  summary: "write a shipment's custody steps and readings as a GS1 EPCIS 2.0 JSON-LD document",
  roles: 'any role',
  options: [
    { name: 'shipment', description: 'shipment id', required: true },
    {
      name: 'epcis',
      description: 'GS1 EPCIS 2.0 JSON-LD, the export format (required)',
      flag: true,
    },
    { name: 'output', description: 'file to write (default: standard output)' },
  ],
  async run(context) {
    if (!context.args.flags.has('epcis')) {
      throw new UsageError('--epcis is required: it names the format, GS1 EPCIS 2.0 JSON-LD');
    }
    const shipmentId = context.option('shipment');
    const output = context.optionalOption('output');
    const client = await context.client();
    const pieces = epcisExport({
      shipment: await client.shipments.get(shipmentId),
      // The iterators' default pages are the largest the chaincode serves.
      history: client.shipments.history(shipmentId),
      readings: client.readings.all(shipmentId),
      createdAtMs: Date.now(),
    });
    if (output === undefined) {
      await writePieces(pieces, context.stdout, { signal: context.signal, end: false });
      return 0;
    }
    report(context, output, await writeFile(output, pieces, context.signal));
    return 0;
  },
};
