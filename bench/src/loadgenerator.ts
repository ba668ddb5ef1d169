import { batchIdFor, toColdtraceError } from '@coldtrace/gateway-client';
import { type Contract, StatusCode } from '@hyperledger/fabric-gateway';
import type { LatencyRecorder } from './latencyrecorder';
import type { RateController, Sleep } from './ratecontroller';
import type { SensorFeed, SensorReadout } from './sensorfeed';

/** Options of {@link generateLoad}. */
export interface LoadOptions {
  /** The chaincode as the Logistics `sensor-gateway` user. */
  readonly contract: Contract;
  /** One worker per feed; a shipment has at most one transaction in flight. */
  readonly feeds: readonly SensorFeed[];
  readonly readingsPerTransaction: number;
  readonly rate: RateController;
  /** No transaction starts after this long; those in flight are awaited and counted. */
  readonly durationMs: number;
  readonly recorder: LatencyRecorder;
  /** Called with the first error message of each failure reason (for diagnosis). */
  readonly onNewFailure?: (reason: string, message: string) => void;
  readonly sleep?: Sleep;
}

const statusNames = new Map<number, string>(
  Object.entries(StatusCode).map(([name, code]) => [code, name]),
);

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function failureOf(options: Readonly<LoadOptions>, err: unknown, seen: Set<string>): string {
  const error = toColdtraceError(err);
  const reason = `${error.name}:${error.code}`;
  if (!seen.has(reason)) {
    seen.add(reason);
    const peers = error.details.map((d) => `${d.mspId}@${d.address}: ${d.message}`).join('; ');
    options.onNewFailure?.(
      reason,
      peers.length > 0 ? `${error.message} [${peers}]` : error.message,
    );
  }
  return reason;
}

async function submitReadout(
  options: Readonly<LoadOptions>,
  feed: SensorFeed,
  readout: SensorReadout,
  seen: Set<string>,
): Promise<void> {
  const batchJson = JSON.stringify({
    batchId: batchIdFor(feed.shipmentId, readout.readings),
    readings: readout.readings,
  });
  const readings = readout.readings.length;
  const submittedAt = performance.now();
  let orderedAt = submittedAt;
  try {
    const submitted = await options.contract.submitAsync('SubmitReadings', {
      arguments: [feed.shipmentId, batchJson],
    });
    orderedAt = performance.now();
    const status = await submitted.getStatus();
    options.recorder.record({
      submittedAt,
      orderedAt,
      finishedAt: performance.now(),
      ok: status.successful,
      readings,
      ...(status.successful
        ? {}
        : { failure: statusNames.get(status.code) ?? `CODE_${status.code}` }),
    });
  } catch (err) {
    const finishedAt = performance.now();
    options.recorder.record({
      submittedAt,
      orderedAt: orderedAt === submittedAt ? finishedAt : orderedAt,
      finishedAt,
      ok: false,
      readings,
      failure: failureOf(options, err, seen),
    });
  }
}

async function runWorker(
  options: Readonly<LoadOptions>,
  feed: SensorFeed,
  deadline: number,
  seen: Set<string>,
): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  while (performance.now() < deadline) {
    await options.rate.acquire();
    if (performance.now() >= deadline) {
      return;
    }
    const readout = feed.nextReadout(options.readingsPerTransaction);
    // A sensor cannot report the future: hold a readout until the chaincode would accept it.
    const wait = feed.waitBefore(readout, Date.now());
    if (wait > 0) {
      await sleep(wait);
    }
    await submitReadout(options, feed, readout, seen);
  }
}

/**
 * Submits `SubmitReadings` transactions from every feed in parallel, each feed one transaction
 * at a time, paced by the rate controller, for `durationMs`; records submit-to-commit latency of
 * each transaction (`submitAsync` to `getStatus`). Failures are recorded, never thrown.
 */
export async function generateLoad(options: Readonly<LoadOptions>): Promise<void> {
  const deadline = performance.now() + options.durationMs;
  const seen = new Set<string>();
  await Promise.all(options.feeds.map((feed) => runWorker(options, feed, deadline, seen)));
}
