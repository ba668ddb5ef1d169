import type { Contract } from '@hyperledger/fabric-gateway';
import { LatencyRecorder } from './latencyrecorder';
import { generateLoad } from './loadgenerator';
import { unlimitedRate } from './ratecontroller';
import { SensorFeed } from './sensorfeed';

interface Call {
  readonly shipmentId: string;
  readonly readings: number;
}

/** A contract whose transactions commit after `delayMs`; every `failEvery`-th is invalid. */
function fakeContract(delayMs: number, failEvery = 0) {
  const calls: Call[] = [];
  const inFlight = new Map<string, number>();
  let maxPerShipment = 0;
  const submitAsync = (_name: string, options: { arguments: string[] }) => {
    const [shipmentId = '', batchJson = '{}'] = options.arguments;
    const batch = JSON.parse(batchJson) as { readings: unknown[] };
    calls.push({ shipmentId, readings: batch.readings.length });
    const n = calls.length;
    inFlight.set(shipmentId, (inFlight.get(shipmentId) ?? 0) + 1);
    maxPerShipment = Math.max(maxPerShipment, inFlight.get(shipmentId) ?? 0);
    return Promise.resolve({
      getStatus: async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        inFlight.set(shipmentId, (inFlight.get(shipmentId) ?? 1) - 1);
        const ok = failEvery === 0 || n % failEvery !== 0;
        return { successful: ok, code: ok ? 0 : 11 };
      },
    });
  };
  return {
    contract: { submitAsync } as unknown as Contract,
    calls,
    maxPerShipment: () => maxPerShipment,
  };
}

function feeds(count: number): SensorFeed[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new SensorFeed({ shipmentId: `S${i}`, sensors: 2, startMs: Date.now(), spacingMs: 10 }),
  );
}

describe('generateLoad', () => {
  it('keeps one transaction in flight per shipment and records each one', async () => {
    const fake = fakeContract(5);
    const recorder = new LatencyRecorder();
    await generateLoad({
      contract: fake.contract,
      feeds: feeds(3),
      readingsPerTransaction: 7,
      rate: unlimitedRate(),
      durationMs: 60,
      recorder,
    });
    expect(fake.maxPerShipment()).toBe(1);
    expect(new Set(fake.calls.map((c) => c.shipmentId))).toEqual(new Set(['S0', 'S1', 'S2']));
    expect(fake.calls.every((c) => c.readings === 7)).toBe(true);
    expect(recorder.size).toBe(fake.calls.length);
    expect(recorder.samples.every((s) => s.ok && s.finishedAt >= s.orderedAt)).toBe(true);
  });

  it('records invalid commits and endorsement errors as failures with a reason', async () => {
    const fake = fakeContract(1, 2);
    const recorder = new LatencyRecorder();
    const reasons: string[] = [];
    const failing = {
      submitAsync: (name: string, options: { arguments: string[] }) =>
        recorder.size === 0
          ? Promise.reject(new Error('endorsement refused'))
          : (fake.contract.submitAsync as (n: string, o: { arguments: string[] }) => unknown)(
              name,
              options,
            ),
    } as unknown as Contract;
    await generateLoad({
      contract: failing,
      feeds: feeds(1),
      readingsPerTransaction: 1,
      rate: unlimitedRate(),
      durationMs: 30,
      recorder,
      onNewFailure: (reason) => reasons.push(reason),
    });
    const failures = recorder.samples.filter((s) => !s.ok).map((s) => s.failure);
    expect(failures[0]).toMatch(/:/);
    expect(failures).toContain('MVCC_READ_CONFLICT');
    expect(reasons).toHaveLength(1);
  });
});
