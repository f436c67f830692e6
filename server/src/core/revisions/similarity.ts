/**
 * Text similarity for Japanese, which has no spaces to split words on: character bigrams compared
 * as multisets (Dice's coefficient). One engine for every alignment in the core: versions of a
 * guideline (revisions) and a municipal policy against the guideline's 例文 (coverage).
 */

/** Bigram counts of `text`; a one-character text counts as its single character. */
export function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  if (chars.length === 1) counts.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const key = chars[i] + chars[i + 1];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Bigram counts keyed by two UTF-16 code units as one number: the same multiset as `bigrams` for
 * text without astral characters, without allocating a string per bigram (long texts, many nodes).
 */
export function bigramCodes(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  if (text.length === 1) counts.set(text.charCodeAt(0), 1);
  for (let i = 0; i + 1 < text.length; i++) {
    const key = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Dice's coefficient over bigram multisets: 1 for equal texts, 0 for texts sharing no bigram. */
export function diceSimilarity<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const [key, n] of b) {
    sizeB += n;
    const m = a.get(key);
    if (m !== undefined) shared += Math.min(m, n);
  }
  if (sizeA + sizeB === 0) return 1;
  return (2 * shared) / (sizeA + sizeB);
}

/** Similarity of two texts in [0, 1]. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return diceSimilarity(bigrams(a), bigrams(b));
}
