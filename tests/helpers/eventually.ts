/** Polls `check` until it returns a truthy value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value)
      return value
    if (Date.now() > deadline)
      throw new Error(`eventually: still false after ${timeoutMs} ms`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}
