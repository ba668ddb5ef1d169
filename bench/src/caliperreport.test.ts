import { buildCaliperRound } from './caliperreport';
import type { TransactionSample } from './latencyrecorder';

function sample(
  submittedAt: number,
  finishedAt: number,
  ok = true,
  readings = 500,
  failure?: string,
): TransactionSample {
  return {
    submittedAt,
    orderedAt: submittedAt + 100,
    finishedAt,
    ok,
    readings,
    ...(failure !== undefined ? { failure } : {}),
  };
}

const settings = { name: 'batched', readingsPerTransaction: 500, concurrency: 4 };

describe('buildCaliperRound', () => {
  it('counts failed transactions in throughput but not in committed figures', () => {
    const samples = [
      sample(0, 1000),
      sample(500, 1500),
      sample(1000, 2000, false, 500, 'MVCC_READ_CONFLICT'),
      sample(2000, 4000),
    ];
    const round = buildCaliperRound(settings, samples);
    expect(round.succeeded).toBe(3);
    expect(round.failed).toBe(1);
    // 4 submitted over 0..2000 ms; 4 finished over 0..4000 ms; 3 committed.
    expect(round.sendRateTps).toBe(2);
    expect(round.throughputTps).toBe(1);
    expect(round.committedTps).toBe(0.8);
    expect(round.readingsPerSecond).toBe(375);
    expect(round.durationS).toBe(4);
    expect(round.failures).toEqual({ MVCC_READ_CONFLICT: 1 });
  });

  it('reports latency of committed transactions only, in seconds and milliseconds', () => {
    const samples = [
      sample(0, 1000),
      sample(0, 3000),
      sample(0, 2000),
      sample(0, 60_000, false, 500, 'TIMEOUT'),
    ];
    const round = buildCaliperRound(settings, samples);
    expect(round.latencyS).toEqual({ min: 1, avg: 2, max: 3 });
    expect(round.latencyMs).toEqual({
      min: 1000,
      avg: 2000,
      p50: 2000,
      p95: 3000,
      p99: 3000,
      max: 3000,
    });
    expect(round.endorseMs.p50).toBe(100);
  });

  it('states the offered load in transactions and readings, null for a closed loop', () => {
    expect(buildCaliperRound({ ...settings, offeredTps: 12.5 }, [sample(0, 10)])).toMatchObject({
      offeredTps: 12.5,
      offeredReadingsPerSecond: 6250,
    });
    expect(buildCaliperRound(settings, [sample(0, 10)])).toMatchObject({
      offeredTps: null,
      offeredReadingsPerSecond: null,
    });
  });

  it('reports an empty round as zeros rather than NaN or Infinity', () => {
    const round = buildCaliperRound(settings, []);
    expect(round).toMatchObject({
      succeeded: 0,
      failed: 0,
      sendRateTps: 0,
      throughputTps: 0,
      readingsPerSecond: 0,
      durationS: 0,
      latencyS: { min: 0, avg: 0, max: 0 },
    });
  });

  it('handles more samples than a function call takes arguments', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => sample(i, i + 10, true, 1));
    expect(buildCaliperRound(settings, many).latencyMs.max).toBe(10);
  });
});
