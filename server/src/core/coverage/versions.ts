/**
 * Coverage across two versions of a guideline: which 例文 clauses of the newer version are new or
 * changed since the older one, and whether the policy reflects them yet
 * (「新版で新設・変更された例文のうち、未反映のもの」). The versions are aligned by the revisions engine
 * (core/revisions/align.ts); the policy is compared with both versions by plain coverage.
 *
 * The rules (docs/coverage.md):
 * - a clause is `unchanged` when its comparison form equals its old counterpart's (width, spaces and
 *   punctuation do not count), `changed` otherwise, `new` without an old counterpart;
 * - an unchanged clause is always reflected (plain coverage still reports it missing or modified);
 * - a new or changed clause is reflected when the policy carries its new wording: the policy clause
 *   aligned to it covers it, or is closer to it than to any old 例文 aligned to that policy clause;
 * - otherwise it is unreflected: `old-wording` when the policy carries an old 例文's wording there
 *   (a changed clause adopted before the change), `missing` when the policy has no counterpart;
 * - a 例文 deleted in the newer version remains when the policy still has its text (alone or merged
 *   into a longer clause), or has a clause aligned to it that is closer to it than to every newer
 *   例文 aligned to that clause.
 */
import type { GuidelineDocument } from '../model/document';
import type { GuidelineNode } from '../model/node';
import { alignDocuments, type Alignment } from '../revisions/align';
import { greedyAssign, type ScoredPair } from '../revisions/assign';
import { charDiff, type DiffSpan } from '../revisions/char-diff';
import { exampleClauses, type ExampleClause, type PolicyClause } from './clauses';
import {
  clauseSimilarity,
  computeCoverage,
  formOf,
  type ClauseCoverage,
  type CoverageOptions,
  type CoverageResult,
  type Form,
} from './coverage';
import { createNormalizer } from './normalize';

export type VersionChange = 'new' | 'changed' | 'unchanged';
/** Why a new or changed 例文 is not reflected: the policy keeps the old wording, or has nothing. */
export type UnreflectedReason = 'old-wording' | 'missing';

export interface VersionedClause {
  /** Coverage of the newer version's 例文 clause. */
  readonly coverage: ClauseCoverage;
  readonly change: VersionChange;
  /** The older version's counterpart (null for a new clause). */
  readonly old: ExampleClause | null;
  /** For a changed clause: the character differences from the old text to the new. */
  readonly diff?: readonly DiffSpan[];
  readonly reflected: boolean;
  readonly reason: UnreflectedReason | null;
  /** The policy clause the verdict rests on (for old-wording: the one carrying the old text). */
  readonly policy: PolicyClause | null;
}

/** A 例文 of the older version deleted in the newer one that the policy still carries. */
interface RemainingDeleted {
  readonly old: ExampleClause;
  readonly policy: PolicyClause;
}

export interface VersionedCoverage {
  /** The alignment of the two versions. */
  readonly alignment: Alignment;
  /** Plain coverage of the newer version. */
  readonly current: CoverageResult;
  /**
   * Coverage of the older version; the clauses the policy carries word for word unchanged are
   * taken from their newer twins (its `summary` and `extra` count the others only).
   */
  readonly previous: CoverageResult;
  /** One per 例文 clause of the newer version, in its order. */
  readonly clauses: readonly VersionedClause[];
  readonly deleted: readonly RemainingDeleted[];
  readonly summary: {
    readonly new: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly unreflected: number;
    readonly deletedRemaining: number;
  };
}

export interface VersionedOptions extends CoverageOptions {
  /** The alignment of the two versions, when already made (the editor keeps one per version). */
  readonly alignment?: Alignment;
  /** Plain coverage of the newer version with the same options, when already computed. */
  readonly current?: CoverageResult;
}

/** Clauses are the same clause from this similarity (the revisions engine's threshold for a match). */
const MATCH_THRESHOLD = 0.5;
/** Above this many candidate pairs the leftover clauses are paired by equal text only. */
const MAX_PAIRS = 250_000;

export function computeVersionedCoverage(
  oldGuideline: GuidelineDocument,
  newGuideline: GuidelineDocument,
  policy: GuidelineDocument,
  options: VersionedOptions = {},
): VersionedCoverage {
  const alignment = options.alignment ?? alignDocuments(oldGuideline, newGuideline);
  const current = options.current ?? computeCoverage(newGuideline, policy, options);
  const normalizer = createNormalizer(options.substitutions);
  const oldClauses = exampleClauses(oldGuideline);
  const newClauses = current.clauses.map((c) => c.example);
  const oldForms = oldClauses.map((c) => formOf(normalizer, c.text));
  const newForms = newClauses.map((c) => formOf(normalizer, c.text));
  const newToOld = pairClauses(alignment, oldClauses, newClauses, oldForms, newForms);
  const oldToNew = new Map<number, number>();
  for (const [n, o] of newToOld) oldToNew.set(o, n);
  // The older version's coverage is needed for its changed and deleted clauses. An unchanged clause
  // the policy carries word for word is covered there as its newer twin is here, and its policy
  // clause is no other's: only those are left out (most of a policy), the rest compete as in full.
  const twin = (o: number): ClauseCoverage | null => {
    const n = oldToNew.get(o);
    if (n === undefined || oldForms[o].form !== newForms[n].form) return null;
    const row = current.clauses[n];
    return row.status === 'covered' && row.similarity === 1 ? row : null;
  };
  const only = new Set<number>();
  const reserved = new Set<number>();
  oldClauses.forEach((_, o) => {
    const row = twin(o);
    if (row?.policy) reserved.add(row.policy.start);
    else only.add(o);
  });
  const partial = computeCoverage(oldGuideline, policy, { substitutions: options.substitutions, only, reserved });
  const previous: CoverageResult = {
    ...partial,
    clauses: partial.clauses.map((c, o) =>
      only.has(o) ? c : { ...current.clauses[oldToNew.get(o)!], example: c.example },
    ),
  };

  const policyForms = new Map<number, Form>();
  const policyForm = (p: PolicyClause): Form => {
    let form = policyForms.get(p.start);
    if (!form) policyForms.set(p.start, (form = formOf(normalizer, p.text)));
    return form;
  };
  /** Policy clause (by start offset) → the clauses of a version aligned to it. */
  const byPolicy = (result: CoverageResult): Map<number, number[]> => {
    const map = new Map<number, number[]>();
    result.clauses.forEach((c, i) => {
      if (!c.policy) return;
      const list = map.get(c.policy.start);
      if (list) list.push(i);
      else map.set(c.policy.start, [i]);
    });
    return map;
  };
  const oldByPolicy = byPolicy(previous);
  const newByPolicy = byPolicy(current);
  /** The best score of an old 例文 aligned to `p` (the old counterpart's own included). */
  const bestOldScore = (p: PolicyClause): number =>
    Math.max(0, ...(oldByPolicy.get(p.start) ?? []).map((o) => clauseSimilarity(oldForms[o], policyForm(p))));

  /** Whether the policy carries the new wording of clause `n`, and the policy clause that says so. */
  const verdict = (n: number, o: number | undefined, change: VersionChange): Verdict => {
    const coverage = current.clauses[n];
    if (change === 'unchanged' || coverage.status === 'covered')
      return { reflected: true, reason: null, policy: coverage.policy };
    const was = o === undefined ? null : previous.clauses[o];
    // The old wording adopted verbatim, and the new one not: the policy has not followed the change.
    if (was?.status === 'covered') return { reflected: false, reason: 'old-wording', policy: was.policy };
    const p = coverage.policy;
    if (p) {
      const closerToOld = bestOldScore(p) >= clauseSimilarity(newForms[n], policyForm(p));
      return { reflected: !closerToOld, reason: closerToOld ? 'old-wording' : null, policy: p };
    }
    if (was?.policy) return { reflected: false, reason: 'old-wording', policy: was.policy };
    return { reflected: false, reason: 'missing', policy: null };
  };
  const clauses = current.clauses.map((coverage, n): VersionedClause => {
    const o = newToOld.get(n);
    const old = o === undefined ? null : oldClauses[o];
    const change: VersionChange =
      o === undefined ? 'new' : oldForms[o].form === newForms[n].form ? 'unchanged' : 'changed';
    return versionedClause({ coverage, change, old, ...verdict(n, o, change) });
  });

  const deleted: RemainingDeleted[] = [];
  previous.clauses.forEach((was, o) => {
    if (oldToNew.has(o) || !was.policy) return;
    const p = was.policy;
    const score = clauseSimilarity(oldForms[o], policyForm(p));
    // Its text still there (alone, or merged with a clause that stays) remains; a clause that was
    // only like it remains unless a newer 例文 explains it better.
    const explained =
      was.status !== 'covered' &&
      (newByPolicy.get(p.start) ?? []).some(
        (n) => current.clauses[n].status === 'covered' || clauseSimilarity(newForms[n], policyForm(p)) > score,
      );
    if (!explained) deleted.push({ old: was.example, policy: p });
  });

  const count = (change: VersionChange): number => clauses.filter((c) => c.change === change).length;
  return {
    alignment,
    current,
    previous,
    clauses,
    deleted,
    summary: {
      new: count('new'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      unreflected: clauses.filter((c) => !c.reflected).length,
      deletedRemaining: deleted.length,
    },
  };
}

type Verdict = Pick<VersionedClause, 'reflected' | 'reason' | 'policy'>;

/** A clause; a changed one's diff is worked out when first read (JSON output never reads it). */
function versionedClause(fields: Omit<VersionedClause, 'diff'>): VersionedClause {
  const { old, change, coverage } = fields;
  if (change !== 'changed' || !old) return fields;
  let diff: DiffSpan[] | undefined;
  return {
    ...fields,
    get diff(): DiffSpan[] {
      return (diff ??= charDiff(old.text, coverage.example.text));
    },
  };
}

/**
 * The older version's counterpart of each newer 例文 clause (new index → old index). Clauses of
 * aligned nodes pair first, then the rest across the document (a clause moved to another section);
 * each time by equal form, then by similarity. The node alignment alone is not enough: it pairs a
 * deleted item with the unrelated new one that took its number, which for coverage is a deletion
 * and an addition.
 */
function pairClauses(
  alignment: Alignment,
  oldClauses: readonly ExampleClause[],
  newClauses: readonly ExampleClause[],
  oldForms: readonly Form[],
  newForms: readonly Form[],
): Map<number, number> {
  const group = (list: readonly ExampleClause[]): Map<GuidelineNode, number[]> => {
    const map = new Map<GuidelineNode, number[]>();
    list.forEach((c, i) => {
      const entry = map.get(c.node);
      if (entry) entry.push(i);
      else map.set(c.node, [i]);
    });
    return map;
  };
  const oldByNode = group(oldClauses);
  const pairs = new Map<number, number>();
  const oldTaken = new Set<number>();
  const match = (news: readonly number[], olds: readonly number[], limit: number): void => {
    const freeNew = news.filter((n) => !pairs.has(n));
    const freeOld = olds.filter((o) => !oldTaken.has(o));
    if (freeNew.length === 0 || freeOld.length === 0) return;
    const take = (n: number, o: number): void => {
      pairs.set(n, o);
      oldTaken.add(o);
    };
    // Equal forms first, in document order.
    const byForm = new Map<string, number[]>();
    for (const o of freeOld) byForm.set(oldForms[o].form, [...(byForm.get(oldForms[o].form) ?? []), o]);
    const rest: number[] = [];
    for (const n of freeNew) {
      const o = byForm.get(newForms[n].form)?.shift();
      if (o === undefined) rest.push(n);
      else take(n, o);
    }
    const restOld = freeOld.filter((o) => !oldTaken.has(o));
    if (rest.length === 0 || restOld.length === 0 || rest.length * restOld.length > limit) return;
    const scored: ScoredPair[] = [];
    for (const n of rest)
      for (const o of restOld) {
        // A sentence added to a short clause, or most of a long one cut, keeps the clause.
        const score = Math.max(clauseSimilarity(oldForms[o], newForms[n]), clauseSimilarity(newForms[n], oldForms[o]));
        if (score >= MATCH_THRESHOLD) scored.push({ left: n, right: o, score });
      }
    for (const pair of greedyAssign(scored)) take(pair.left, pair.right);
  };
  for (const [node, news] of group(newClauses)) {
    const oldNode = alignment.rowOf(node)?.old?.node;
    if (oldNode) match(news, oldByNode.get(oldNode) ?? [], Number.MAX_SAFE_INTEGER);
  }
  // Leftovers anywhere: a clause moved to another item or section.
  match(
    newClauses.map((_, n) => n),
    oldClauses.map((_, o) => o),
    MAX_PAIRS,
  );
  return pairs;
}
