// Records the blocks and query results the provenance verifier's unit tests replay
// (gateway-client/src/testdata/verifier): drives one small scenario on the live local network
// (a lot, a shipment handed to Logistics, a readings batch that raises an alert, its
// acknowledgement), then saves, as the Auditor's peer serves them, every block from the first
// scenario block to the tip, the configuration block they point at, a tampered copy of the
// readings block and the exact query answers the verifier asks for. Plain JavaScript because
// ts-jest compiles only what jest itself loads; needs `npm run build` and a deployed network.
//
//   node test/support/record-verifier-fixtures.js [--output DIR]
'use strict';
const { mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { connect, decodeBlockBytes, decodeTransaction } = require('@coldtrace/gateway-client');

const repoRoot = path.resolve(__dirname, '..', '..');
const profileDir =
  process.env.COLDTRACE_PROFILES ?? path.join(repoRoot, '.coldtrace', 'network', 'profiles');
const defaultOutput = path.join(repoRoot, 'gateway-client', 'src', 'testdata', 'verifier');
const decoder = new TextDecoder();

function connectUser(mspId, user) {
  return connect({ connection: { profile: path.join(profileDir, `${mspId}.json`), user } });
}

/** Waits until the three peers report the same height, so the next endorsement sees the last commit. */
async function peersInSync(clients) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const heights = await Promise.all(
      clients.map(async (c) => (await c.ledger.chainInfo()).height),
    );
    if (heights.every((h) => h === heights[0])) return heights[0];
    if (Date.now() > deadline) throw new Error(`peers out of sync: ${heights.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readingsAt(sensorId, startMs, celsius) {
  return celsius.map((value, index) => ({
    sensorId,
    timestamp: new Date(startMs + index * 60_000).toISOString(),
    value,
    unit: 'CEL',
  }));
}

/** Changes the first digit of the first `,5000,` in the readings bucket `transactionId` wrote. */
function tamperReadings(bytes, transactionId) {
  const block = decodeBlockBytes(bytes);
  const transaction = block.data
    .map((_, index) => decodeTransaction(block, index))
    .find((t) => t.transactionId === transactionId);
  const write = transaction?.actions
    .flatMap((a) => a.writes)
    .find((w) => w.key.startsWith('\u0000readings\u0000'));
  if (write === undefined) throw new Error(`no readings write in ${transactionId}`);
  const value = Buffer.from(write.value);
  const at = Buffer.from(bytes).indexOf(value);
  if (at < 0 || Buffer.from(bytes).indexOf(value, at + 1) >= 0) {
    throw new Error('the readings write is not stored exactly once in its block');
  }
  const digit = value.indexOf(',5000,') + 1;
  if (digit <= 0) throw new Error('no reading of 5.000 °C in the readings write');
  const tampered = Buffer.from(bytes);
  tampered[at + digit] = '6'.charCodeAt(0);
  return tampered;
}

async function scenario(parties) {
  const { shipper, dispatcher, carrier, auditor } = parties;
  const all = [shipper, dispatcher, auditor];
  const suffix = Date.now().toString(36);
  const lot = await shipper.lots.register({
    gtin: '09506000134352',
    lotNumber: `LFX-${suffix}`,
    expiry: '2028-03-31',
    productName: 'Rotavirus vaccine, oral, 1-dose tube',
    profile: 'refrigerated-2-8',
  });
  const shipmentId = `SHP-FX-${suffix}`;
  await shipper.shipments.create({
    shipmentId,
    lots: [{ lotId: lot.lotId, quantity: 240 }],
    origin: { name: 'Pharma DC, Frankfurt' },
    destination: { name: 'Hospital pharmacy, Porto' },
  });
  const offered = await shipper.custody.offer(shipmentId, 'LogisticsMSP');
  await peersInSync(all);
  const accepted = await dispatcher.custody.accept(shipmentId);
  await peersInSync(all);
  // 9.5 °C is out of the 2-8 range: one OUT_OF_RANGE warning, closed by the next reading.
  const [batch] = await carrier.readings
    .newIngestion()
    .enqueue(shipmentId, readingsAt('SEAL-1', Date.now() - 240_000, [5.0, 9.5, 5.2, 4.9]));
  if (batch?.outcome !== 'committed') throw new Error(`readings batch ${batch?.outcome}`);
  await peersInSync(all);
  const { items: [alert] = [] } = await auditor.alerts.byShipmentPage(shipmentId);
  if (alert === undefined) throw new Error('the readings raised no alert');
  await dispatcher.alerts.acknowledge(shipmentId, alert.alertId, 'Door left open at loading');
  await peersInSync(all);
  return {
    lotId: lot.lotId,
    shipmentId,
    alertId: alert.alertId,
    transactions: {
      registerLot: lot.txId,
      offerCustody: offered.pendingHandover?.offeredTxId,
      acceptCustody: accepted.handovers.at(-1)?.acceptedTxId,
      submitReadings: batch.transactionId,
    },
  };
}

/** The query calls the verifier makes, answered by the Auditor's own peer, as raw text. */
async function recordQueries(auditor, facts) {
  const contract = auditor.network.getContract(auditor.chaincode);
  const calls = [
    ['GetShipment', [facts.shipmentId]],
    ['GetShipmentHistory', [facts.shipmentId, '1000', '']],
    ['GetReadings', [facts.shipmentId, '0', String(Number.MAX_SAFE_INTEGER), '1000', '']],
    ['GetAlertsByShipment', [facts.shipmentId, '1000', '']],
    ['GetLot', [facts.lotId]],
    ['GetLotHistory', [facts.lotId, '1000', '']],
  ];
  const answers = [];
  for (const [name, args] of calls) {
    const bytes = await contract.evaluate(name, {
      arguments: args,
      endorsingOrganizations: [auditor.mspId],
    });
    answers.push({ name, args, result: decoder.decode(bytes) });
  }
  return answers;
}

async function main() {
  const { values } = parseArgs({ options: { output: { type: 'string' } } });
  const output = values.output ?? defaultOutput;
  const parties = {
    shipper: await connectUser('PharmaMSP', 'shipper'),
    dispatcher: await connectUser('LogisticsMSP', 'dispatcher'),
    carrier: await connectUser('LogisticsMSP', 'sensor-gateway'),
    auditor: await connectUser('AuditorMSP', 'auditor'),
  };
  try {
    const { auditor } = parties;
    const before = await peersInSync([parties.shipper, parties.dispatcher, auditor]);
    const facts = await scenario(parties);
    const queries = await recordQueries(auditor, facts);
    const info = await auditor.ledger.chainInfo();
    const qscc = auditor.network.getContract('qscc');
    const blockBytes = (n) =>
      qscc.evaluate('GetBlockByNumber', {
        arguments: [auditor.channel, n.toString()],
        endorsingOrganizations: [auditor.mspId],
      });
    mkdirSync(output, { recursive: true });
    for (const name of readdirSync(output).filter((n) => n.endsWith('.bin'))) {
      rmSync(path.join(output, name));
    }
    const blocks = [];
    let configBlock;
    for (let n = before; n < info.height; n++) {
      const bytes = await blockBytes(n);
      const block = decodeBlockBytes(bytes);
      configBlock ??= block.lastConfigBlock ?? 0n;
      writeFileSync(path.join(output, `block-${n}.bin`), bytes);
      blocks.push(Number(n));
      const ids = block.data.map((_, i) => decodeTransaction(block, i).transactionId);
      if (ids.includes(facts.transactions.submitReadings)) {
        const tampered = tamperReadings(bytes, facts.transactions.submitReadings);
        writeFileSync(path.join(output, `block-${n}-tampered.bin`), tampered);
      }
    }
    writeFileSync(path.join(output, `block-${configBlock}.bin`), await blockBytes(configBlock));
    const manifest = {
      recordedAt: new Date().toISOString(),
      channel: auditor.channel,
      chaincode: auditor.chaincode,
      mspId: auditor.mspId,
      chainInfo: {
        height: Number(info.height),
        currentBlockHash: Buffer.from(info.currentBlockHash).toString('hex'),
      },
      configBlock: Number(configBlock),
      blocks,
      ...facts,
      queries,
    };
    writeFileSync(path.join(output, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(
      `recorded blocks ${blocks.join(', ')} and config block ${configBlock} in ${output}`,
    );
  } finally {
    for (const client of Object.values(parties)) client.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
