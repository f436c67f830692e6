/**
 * Best-first one-to-one assignment: scored candidate pairs are taken in descending score, each
 * left and right item at most once. Not the optimum of the Hungarian method, but stable, linear
 * after the sort, and what reviewers expect: the clearest correspondence is never given up for
 * two weaker ones. Shared by alignments of clauses (coverage) and of nodes (revisions).
 */
export interface ScoredPair {
  readonly left: number;
  readonly right: number;
  readonly score: number;
}

/**
 * The pairs kept, in the order taken. Ties go to the earlier left item, then the earlier right one,
 * so document order decides between equal candidates. `leftTaken` / `rightTaken` mark items already
 * matched elsewhere.
 */
export function greedyAssign(
  pairs: readonly ScoredPair[],
  leftTaken: ReadonlySet<number> = new Set(),
  rightTaken: ReadonlySet<number> = new Set(),
): ScoredPair[] {
  const sorted = [...pairs].sort((a, b) => b.score - a.score || a.left - b.left || a.right - b.right);
  const usedLeft = new Set(leftTaken);
  const usedRight = new Set(rightTaken);
  const out: ScoredPair[] = [];
  for (const pair of sorted) {
    if (usedLeft.has(pair.left) || usedRight.has(pair.right)) continue;
    usedLeft.add(pair.left);
    usedRight.add(pair.right);
    out.push(pair);
  }
  return out;
}
