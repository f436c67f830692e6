/** Repeated trials with a warm-up and a time budget, summarised by their median. */

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round1 = (value) => Math.round(value * 10) / 10;

/**
 * Runs `trial` (async, returns milliseconds) `warmup` times unrecorded, then up to `max` times,
 * at least `min`, starting no new trial once the next one would likely end after `budgetMs`.
 * A warm-up that alone exceeds `warmupLimitMs` is skipped: code already warmed at a smaller size
 * is warm, and a 30-second warm-up would only spend the budget.
 */
export async function runTrials(
  trial,
  { warmup = 1, min = 1, max = 5, budgetMs = Infinity, warmupLimitMs = Infinity, estimateMs = 0 } = {},
) {
  if (estimateMs <= warmupLimitMs) for (let i = 0; i < warmup; i++) await trial();
  const samples = [];
  const started = performance.now();
  while (samples.length < max) {
    const elapsed = performance.now() - started;
    const last = samples.at(-1) ?? 0;
    if (samples.length >= min && elapsed + last > budgetMs) break;
    samples.push(await trial());
  }
  return { median: median(samples), samples };
}
