import { countItems } from './itemcount';

async function* yielding<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe('countItems', () => {
  it('counts every item, whatever its value', async () => {
    expect(await countItems(yielding([1, undefined, null, 0, '', undefined]))).toBe(6);
  });

  it('counts none of an empty iterable', async () => {
    expect(await countItems(yielding([]))).toBe(0);
  });
});
