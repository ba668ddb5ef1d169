import { InFlightLimit } from './inflightlimit';

describe('InFlightLimit', () => {
  it('never runs more tasks than its capacity and runs them all', async () => {
    const limit = new InFlightLimit(3);
    let running = 0;
    let peak = 0;
    const task = async (): Promise<number> => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => limit.run(task)));
    expect(results).toHaveLength(10);
    expect(peak).toBe(3);
    expect(limit.inUse).toBe(0);
  });

  it('releases the slot when a task fails', async () => {
    const limit = new InFlightLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limit.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new InFlightLimit(0)).toThrow(RangeError);
  });
});
