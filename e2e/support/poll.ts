/** Polls `read` until `ok` accepts its value; throws with the last value after `timeout` ms. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  { timeout = 10_000, interval = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
    value = await read();
  }
  return value;
}
