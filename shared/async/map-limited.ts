/**
 * Runs `task` over `items` with at most `limit` running at once, keeping results in input order
 * (`task` gets each item and its index). When `signal` aborts, no further item is started (results
 * for those stay empty). When a task fails, no further item is started either, and the first
 * failure is thrown once every task already started has finished: whatever clean-up follows then
 * sees all they did (an export's written files, say), and nothing runs on behind it.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  async function worker(): Promise<void> {
    while (next < items.length && !signal?.aborted && !failure) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}
