// A sensor feed as its own process, so a test can SIGKILL it halfway and start it again: reads
// `{ shipmentId, readings }` from --input, ingests it through @coldtrace/gateway-client (the built
// package) in batches of --batch-size, and prints one JSON line per settled batch. Plain
// JavaScript because ts-jest compiles only what jest itself loads.
'use strict';
const { readFileSync } = require('node:fs');
const { parseArgs } = require('node:util');
const { connect } = require('@coldtrace/gateway-client');

async function main() {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string' },
      user: { type: 'string' },
      input: { type: 'string' },
      'batch-size': { type: 'string', default: '100' },
    },
  });
  if (!values.profile || !values.user || !values.input) {
    console.error('usage: ingest-feed.js --profile FILE --user NAME --input FILE [--batch-size N]');
    return 2;
  }
  const { shipmentId, readings } = JSON.parse(readFileSync(values.input, 'utf8'));
  const client = await connect({ connection: { profile: values.profile, user: values.user } });
  try {
    const ingestion = client.readings.newIngestion({
      maxBatchSize: Number(values['batch-size']),
      onBatchSettled: (result) => {
        console.log(
          JSON.stringify({
            batchId: result.batchId,
            outcome: result.outcome,
            readings: result.readingCount,
            stored: result.receipt?.stored ?? null,
            duplicates: result.receipt?.duplicates ?? null,
            error: result.error?.message ?? null,
          }),
        );
      },
    });
    const summary = await ingestion.ingest([{ shipmentId, readings }]);
    return summary.failedBatches === 0 && summary.skippedBatches === 0 ? 0 : 1;
  } finally {
    client.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
