/**
 * Polls `read` until `accept` holds (no fixed sleeps: short back-off between reads). Used by the
 * page objects so that they also work outside Vitest (the browser benches); specs may prefer
 * `expect.poll`.
 */
export async function pollUntil<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  { timeout = 10_000, what = "condition" }: { timeout?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  const intervals = [0, 20, 50, 100, 100, 250];
  let attempt = 0;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}; last value: ${String(last)}`,
      );
    }
    const wait = intervals[Math.min(attempt++, intervals.length - 1)] ?? 250;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
