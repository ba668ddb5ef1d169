/** How many items an async iterable yields (each counted, whatever its value), in one walk. */
export async function countItems(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  const iterator = items[Symbol.asyncIterator]();
  while (!(await iterator.next()).done) n++;
  return n;
}
