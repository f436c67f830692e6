// Polling instead of fixed sleeps: the extension host and the language server start asynchronously,
// so a result is awaited until it appears or a generous deadline passes with a clear message.

export interface PollOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
  /** Describes the last state seen, appended to the timeout message to show what did arrive. */
  lastSeen?: () => string;
}

/** Calls `probe` until it returns a value other than `undefined`; throws after the timeout. */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  { what, timeoutMs = 20_000, intervalMs = 250, lastSeen }: PollOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      // A provider may throw while the server is still starting; retried like an empty answer.
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const seen = lastSeen ? `; last seen: ${lastSeen()}` : '';
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${cause}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A pause for the workbench to draw (views, hovers, menus) before a screenshot or a keyboard step. */
export const settle = (ms = 800) => new Promise((resolve) => setTimeout(resolve, ms));
