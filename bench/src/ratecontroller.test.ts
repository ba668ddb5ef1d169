import { fixedRate, unlimitedRate } from './ratecontroller';

describe('fixedRate', () => {
  it('spaces starts 1/tps apart from the first', async () => {
    let clock = 1000;
    const waits: number[] = [];
    const rate = fixedRate(
      4,
      () => clock,
      (ms) => {
        waits.push(ms);
        clock += ms;
        return Promise.resolve();
      },
    );
    for (let i = 0; i < 4; i++) {
      await rate.acquire();
    }
    expect(waits).toEqual([250, 250, 250]);
    expect(clock).toBe(1750);
  });

  it('does not wait for starts already behind schedule', async () => {
    let clock = 0;
    const waits: number[] = [];
    const rate = fixedRate(
      10,
      () => clock,
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    );
    await rate.acquire();
    clock = 1000; // every worker was busy for a second
    for (let i = 0; i < 5; i++) {
      await rate.acquire();
    }
    expect(waits).toEqual([]);
  });

  it('rejects a non-positive rate', () => {
    expect(() => fixedRate(0)).toThrow(RangeError);
  });
});

describe('unlimitedRate', () => {
  it('never waits and has no target', async () => {
    const rate = unlimitedRate();
    await expect(rate.acquire()).resolves.toBeUndefined();
    expect(rate.tps).toBeUndefined();
  });
});
