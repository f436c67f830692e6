/**
 * Coverage of a municipal policy against a guideline's 【例文】: each 例文 clause is covered (its text is
 * in the policy once adoption's substitutions are normalised away), modified (a policy clause is
 * aligned to it but says something else) or missing; policy clauses aligned to no 例文 are extra.
 *
 * Alignment uses the shared bigram similarity (core/revisions/similarity.ts) on comparison forms,
 * an inverted index of rare bigrams to keep it near-linear on 460 KB documents, and the numbering as
 * a tie-breaker: a policy that mirrors the guideline with a prefix (3.6.2 ↔ 2―6―2) has its mapping
 * detected, and articles whose titles name a guideline section (第57条（アクセス制御）) are aligned by title.
 */
import type { GuidelineDocument } from '../model/document';
import { walk } from '../model/node';
import { greedyAssign, type ScoredPair } from '../revisions/assign';
import { charDiff, type DiffSpan } from '../revisions/char-diff';
import { bigrams, diceSimilarity, textSimilarity } from '../revisions/similarity';
import { titleKey } from '../text/width';
import {
  containerOfNode,
  exampleClauses,
  policyClauses,
  type ExampleClause,
  type PolicyClause,
  type PolicyContainer,
} from './clauses';
import { createNormalizer, placeholderPattern, type Normalizer } from './normalize';

export type CoverageStatus = 'covered' | 'modified' | 'missing';

export interface ClauseCoverage {
  readonly example: ExampleClause;
  readonly status: CoverageStatus;
  readonly policy: PolicyClause | null;
  /** Similarity of the comparison forms, 0..1 (the share of the 例文 found, for a merged clause). */
  readonly similarity: number;
  /** For modified clauses: the character differences from the 例文 to the policy's text. */
  readonly diff?: readonly DiffSpan[];
}

/** A detected prefix mapping: the guideline's first number component and the policy's. */
interface PrefixMapping {
  readonly guideline: string;
  readonly policy: string;
}

export interface CoverageResult {
  readonly clauses: readonly ClauseCoverage[];
  readonly extra: readonly PolicyClause[];
  readonly summary: { covered: number; modified: number; missing: number; extra: number };
  readonly prefix: PrefixMapping | null;
  /** The policy's sections or articles that correspond to each guideline section (by number). */
  readonly sections: ReadonlyMap<string, readonly PolicyContainer[]>;
}

export interface CoverageOptions {
  /** The project file's substitutions: a guideline word → the policy's word(s). */
  readonly substitutions?: Readonly<Record<string, string | readonly string[]>>;
  /**
   * Classify only these 例文 clauses (indices), the others are reported missing: coverage across
   * versions needs the older version's changed and deleted clauses only.
   */
  readonly only?: ReadonlySet<number>;
  /** Policy clauses (start offsets) no clause may be aligned to as modified: taken by clauses left out. */
  readonly reserved?: ReadonlySet<number>;
}

/** A modified clause must reach this score (similarity plus the numbering's bonus). */
export const MODIFIED_THRESHOLD = 0.5;
/** Similarity below which no bonus makes a pair aligned. */
const MIN_SIMILARITY = 0.3;
/** A 例文 merged into a longer clause: the share of its bigrams found there, weighted, at least. */
const MERGED_WEIGHT = 0.9;
const MIN_MERGED = 0.75;
const SECTION_BONUS = 0.1;
const TITLE_BONUS = 0.05;
/** Candidates per 例文 clause taken from the index, before the aligned section's clauses. */
const CANDIDATES = 12;
/** Posting lists read per 例文 clause when it has fewer rare bigrams than this. */
const MIN_LISTS = 4;
/** Policy containers a guideline section is aligned to by the clauses they cover, at most. */
const MAX_VOTED_CONTAINERS = 3;
/** Shortest comparison form that may be found inside a longer clause (shorter: equality only). */
const MIN_CONTAINED = 6;

export function computeCoverage(
  guideline: GuidelineDocument,
  policy: GuidelineDocument,
  options: CoverageOptions = {},
): CoverageResult {
  const examples = exampleClauses(guideline);
  const normalizer = createNormalizer(options.substitutions);
  const { forms: gForms, bigrams: gBigrams } = exampleForms(guideline, examples, options, normalizer);
  const { policies, pForms, pBigrams, candidates, exact } = policySide(policy, options, normalizer);
  const only = options.only;

  const prefix = detectPrefix(guideline, policy);
  const sections = alignSections(policy, prefix, examples);
  const containerIndex = new Map<PolicyContainer['node'], number[]>();
  policies.forEach((p, j) => {
    if (!p.container) return;
    const list = containerIndex.get(p.container.node);
    if (list) list.push(j);
    else containerIndex.set(p.container.node, [j]);
  });
  const sectionClauses = (i: number): number[] => {
    const out: number[] = [];
    for (const c of sections.get(examples[i].section) ?? [])
      for (const j of containerIndex.get(c.node) ?? []) out.push(j);
    return out;
  };
  const inSection = (i: number, j: number): boolean => {
    const node = policies[j].container?.node;
    return !!node && (sections.get(examples[i].section) ?? []).some((c) => c.node === node);
  };

  // Pass 1: covered clauses. Several 例文 may share one policy clause (merged clauses).
  const results: (ClauseCoverage | undefined)[] = new Array(examples.length);
  const candidateLists: number[][] = [];
  const used = new Set<number>();
  /** Policy clauses that equal a 例文 clause: nothing else aligns with them. */
  const usedWhole = new Set<number>();
  for (let i = 0; i < examples.length; i++) {
    if (only && !only.has(i)) {
      candidateLists.push([]);
      continue;
    }
    const form = gForms[i];
    const equal = exact.get(form);
    // An equal clause is the answer; the index is searched only for the others.
    const unique = equal ?? [...new Set([...candidates(gBigrams[i]), ...sectionClauses(i)])];
    candidateLists.push(equal ? [] : unique);
    const pattern = placeholderPattern(form);
    let best = -1;
    let bestKey = -1;
    for (const j of unique) {
      const other = pForms[j];
      const equal = other === form;
      const covers =
        equal || (form.length >= MIN_CONTAINED && other.includes(form)) || (pattern !== null && pattern.test(other));
      if (!covers) continue;
      // Prefer equality, then the aligned section, then the closer text, then document order.
      const key = (equal ? 4 : 0) + (inSection(i, j) ? 2 : 0) + diceSimilarity(gBigrams[i], pBigrams[j]);
      if (key > bestKey) {
        best = j;
        bestKey = key;
      }
    }
    if (best >= 0) {
      used.add(best);
      if (pForms[best] === form) usedWhole.add(best);
      results[i] = {
        example: examples[i],
        status: 'covered',
        policy: policies[best],
        similarity: round(pForms[best] === form ? 1 : Math.max(containment(gBigrams[i], pBigrams[best]), 0)),
      };
    }
  }

  // The covered clauses show where each guideline section went (articles in any order): the few
  // containers holding most of them join the section's alignment.
  const votes = new Map<string, Map<PolicyContainer['node'], { container: PolicyContainer; n: number }>>();
  for (const r of results) {
    const container = r?.policy?.container;
    if (!r || !container) continue;
    const bySection = votes.get(r.example.section) ?? new Map();
    votes.set(r.example.section, bySection);
    const entry = bySection.get(container.node);
    if (entry) entry.n++;
    else bySection.set(container.node, { container, n: 1 });
  }
  for (const [section, bySection] of votes) {
    const list = sections.get(section) ?? [];
    sections.set(section, list);
    const ranked = [...bySection.values()].sort((a, b) => b.n - a.n).slice(0, MAX_VOTED_CONTAINERS);
    for (const { container } of ranked) if (!list.some((c) => c.node === container.node)) list.push(container);
  }

  /**
   * Similarity of a 例文 clause to a policy clause. A longer policy clause may hold the 例文 merged
   * with others: the share of the 例文 found there counts, a little less than similarity; a clause
   * that already covers another 例文 counts only so.
   */
  const similarityOf = (i: number, j: number, merging: boolean): number =>
    clauseSimilarity({ form: gForms[i], bigrams: gBigrams[i] }, { form: pForms[j], bigrams: pBigrams[j] }, merging);

  // Pass 2: modified clauses, one policy clause each, the best-scored pairs first.
  const pairs: ScoredPair[] = [];
  for (let i = 0; i < examples.length; i++) {
    if (results[i] || (only && !only.has(i))) continue;
    for (const j of new Set([...candidateLists[i], ...sectionClauses(i)])) {
      if (usedWhole.has(j) || options.reserved?.has(policies[j].start)) continue;
      const similarity = similarityOf(i, j, used.has(j));
      if (similarity < MIN_SIMILARITY) continue;
      const title = examples[i].title && titleKey(examples[i].title) === titleKey(policies[j].title);
      const score = similarity + (inSection(i, j) ? SECTION_BONUS : 0) + (title ? TITLE_BONUS : 0);
      if (score >= MODIFIED_THRESHOLD) pairs.push({ left: i, right: j, score });
    }
  }
  for (const pair of greedyAssign(pairs)) {
    used.add(pair.right);
    const example = examples[pair.left];
    const match = policies[pair.right];
    results[pair.left] = modifiedClause(example, match, round(similarityOf(pair.left, pair.right, false)));
  }

  const clauses = examples.map(
    (example, i): ClauseCoverage => results[i] ?? { example, status: 'missing', policy: null, similarity: 0 },
  );
  const extra = policies.filter((_, j) => !used.has(j));
  const count = (status: CoverageStatus): number => clauses.filter((c) => c.status === status).length;
  return {
    clauses,
    extra,
    summary: { covered: count('covered'), modified: count('modified'), missing: count('missing'), extra: extra.length },
    prefix,
    sections,
  };
}

/** A modified clause whose diff is worked out when first read (JSON output never reads it). */
function modifiedClause(example: ExampleClause, policy: PolicyClause, similarity: number): ClauseCoverage {
  let diff: DiffSpan[] | undefined;
  return {
    example,
    status: 'modified',
    policy,
    similarity,
    get diff(): DiffSpan[] {
      return (diff ??= charDiff(example.text, policy.text));
    },
  };
}

interface Forms {
  readonly substitutions: CoverageOptions['substitutions'];
  readonly forms: string[];
  readonly bigrams: Map<string, number>[];
}
const formsCache = new WeakMap<GuidelineDocument, Forms>();

/** Comparison forms of a guideline's 例文, remembered per snapshot and substitutions object. */
function exampleForms(
  guideline: GuidelineDocument,
  examples: readonly ExampleClause[],
  options: CoverageOptions,
  normalizer: Normalizer,
): Forms {
  const cached = formsCache.get(guideline);
  if (cached && cached.substitutions === options.substitutions) return cached;
  const forms = examples.map((c) => normalizer.canonical(c.text));
  const made = { substitutions: options.substitutions, forms, bigrams: forms.map(bigrams) };
  formsCache.set(guideline, made);
  return made;
}

/** A comparison form with its bigrams. */
export interface Form {
  readonly form: string;
  readonly bigrams: Map<string, number>;
}

/** A comparison form of `text` under `normalizer`. */
export const formOf = (normalizer: Normalizer, text: string): Form => {
  const form = normalizer.canonical(text);
  return { form, bigrams: bigrams(form) };
};

/**
 * Similarity of a 例文's form to a policy clause's: Dice, or for a much longer policy clause the
 * share of the 例文 found in it (merged clauses), a little less; `merging` counts only the share.
 */
export function clauseSimilarity(example: Form, policy: Form, merging = false): number {
  const dice = merging ? 0 : diceSimilarity(example.bigrams, policy.bigrams);
  const share = policy.form.length > example.form.length * 1.5 ? containment(example.bigrams, policy.bigrams) : 0;
  return Math.max(dice, share >= MIN_MERGED ? MERGED_WEIGHT * share : 0);
}

interface PolicySide {
  readonly substitutions: CoverageOptions['substitutions'];
  readonly policies: PolicyClause[];
  readonly pForms: string[];
  readonly pBigrams: Map<string, number>[];
  readonly candidates: (of: Map<string, number>) => number[];
  readonly exact: Map<string, number[]>;
}
const policyCache = new WeakMap<GuidelineDocument, PolicySide>();

/**
 * A policy's clauses, comparison forms and indexes, remembered per snapshot and substitutions
 * object: coverage across versions compares one policy with two guidelines.
 */
function policySide(policy: GuidelineDocument, options: CoverageOptions, normalizer: Normalizer): PolicySide {
  const cached = policyCache.get(policy);
  if (cached && cached.substitutions === options.substitutions) return cached;
  const policies = policyClauses(policy);
  const pForms = policies.map((c) => normalizer.canonical(c.text));
  const pBigrams = pForms.map(bigrams);
  const exact = new Map<string, number[]>();
  pForms.forEach((form, j) => {
    const list = exact.get(form);
    if (list) list.push(j);
    else exact.set(form, [j]);
  });
  const made = {
    substitutions: options.substitutions,
    policies,
    pForms,
    pBigrams,
    candidates: candidateIndex(pBigrams),
    exact,
  };
  policyCache.set(policy, made);
  return made;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Share of the bigrams of `a` that `b` has too. */
function containment(a: Map<string, number>, b: Map<string, number>): number {
  let size = 0;
  let shared = 0;
  for (const [key, n] of a) {
    size += n;
    shared += Math.min(n, b.get(key) ?? 0);
  }
  return size === 0 ? 1 : shared / size;
}

/**
 * Candidate policy clauses for a 例文 clause: those sharing most of its rare bigrams. Bigrams found
 * in many clauses (しなければならない) say nothing about which clause it is and would make the
 * search quadratic; they are used only when a clause has no other.
 */
function candidateIndex(policyBigrams: readonly Map<string, number>[]): (of: Map<string, number>) => number[] {
  const postings = new Map<string, number[]>();
  policyBigrams.forEach((grams, j) => {
    for (const key of grams.keys()) {
      const list = postings.get(key);
      if (list) list.push(j);
      else postings.set(key, [j]);
    }
  });
  const maxPostings = Math.max(16, Math.ceil(policyBigrams.length * 0.02));
  const counts = new Int32Array(policyBigrams.length);
  return (of) => {
    const lists: number[][] = [];
    for (const key of of.keys()) {
      const list = postings.get(key);
      if (list) lists.push(list);
    }
    // The rare bigrams, or failing enough of them the least common few.
    lists.sort((a, b) => a.length - b.length);
    let taken = 0;
    while (taken < lists.length && (lists[taken].length <= maxPostings || taken < MIN_LISTS)) taken++;
    const touched: number[] = [];
    for (let k = 0; k < taken; k++) {
      for (const j of lists[k]) {
        if (counts[j]++ === 0) touched.push(j);
      }
    }
    // The CANDIDATES best by shared bigrams (ties: document order), without sorting them all.
    const best: number[] = [];
    for (const j of touched) {
      let at = best.length;
      while (at > 0 && (counts[best[at - 1]] < counts[j] || (counts[best[at - 1]] === counts[j] && best[at - 1] > j)))
        at--;
      if (at < CANDIDATES) {
        best.splice(at, 0, j);
        if (best.length > CANDIDATES) best.pop();
      }
    }
    for (const j of touched) counts[j] = 0;
    return best;
  };
}

const similarTitles = (a: string, b: string): boolean =>
  titleKey(a) === titleKey(b) || textSimilarity(titleKey(a), titleKey(b)) >= 0.6;

/** Numbered containers of a policy: dash-numbered headings, dotted sections, articles. */
function containersOf(policy: GuidelineDocument): PolicyContainer[] {
  const out: PolicyContainer[] = [];
  for (const node of walk(policy.root)) {
    const container = containerOfNode(node);
    if (container) out.push(container);
  }
  return out;
}

/**
 * The policy's prefix for the guideline's numbers: for every policy section `P.x.y` and guideline
 * section `G.x.y` with a similar title, a vote for G → P; the mapping with most votes wins. Null
 * when the policy does not mirror the guideline's numbering.
 */
function detectPrefix(guideline: GuidelineDocument, policy: GuidelineDocument): PrefixMapping | null {
  const bySuffix = new Map<string, { first: string; title: string }[]>();
  for (const [number, nodes] of guideline.fullSectionsByNumber) {
    const parts = number.split('.');
    if (parts.length < 2) continue;
    const suffix = parts.slice(1).join('.');
    const list = bySuffix.get(suffix) ?? [];
    for (const node of nodes) list.push({ first: parts[0], title: node.title });
    bySuffix.set(suffix, list);
  }
  const votes = new Map<string, number>();
  for (const container of containersOf(policy)) {
    if (container.node.kind === 'article') continue;
    const parts = container.number.split('.');
    if (parts.length < 2) continue;
    for (const candidate of bySuffix.get(parts.slice(1).join('.')) ?? []) {
      if (!similarTitles(candidate.title, container.title)) continue;
      const key = `${candidate.first}\u0000${parts[0]}`;
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
  }
  let best: PrefixMapping | null = null;
  let bestVotes = 0;
  for (const [key, n] of votes) {
    if (n <= bestVotes) continue;
    const [g, p] = key.split('\u0000');
    best = { guideline: g, policy: p };
    bestVotes = n;
  }
  return best;
}

/**
 * Guideline section number → the policy containers that correspond to it: by the prefix mapping
 * (3.6.2 → 2.6.2), else by title (第57条（アクセス制御） ↔ 3.6.2 アクセス制御).
 */
function alignSections(
  policy: GuidelineDocument,
  prefix: PrefixMapping | null,
  examples: readonly ExampleClause[],
): Map<string, PolicyContainer[]> {
  const containers = containersOf(policy);
  const byNumber = new Map<string, PolicyContainer[]>();
  const byTitle = new Map<string, PolicyContainer[]>();
  for (const c of containers) {
    byNumber.set(c.number, [...(byNumber.get(c.number) ?? []), c]);
    if (c.title) byTitle.set(titleKey(c.title), [...(byTitle.get(titleKey(c.title)) ?? []), c]);
  }
  const guidelineTitles = new Map<string, number>();
  const seen = new Set<string>();
  for (const example of examples) {
    if (seen.has(example.section)) continue;
    seen.add(example.section);
    const key = titleKey(example.sectionTitle);
    guidelineTitles.set(key, (guidelineTitles.get(key) ?? 0) + 1);
  }
  const out = new Map<string, PolicyContainer[]>();
  for (const example of examples) {
    if (out.has(example.section)) continue;
    const parts = example.section.split('.');
    let found: PolicyContainer[] = [];
    if (prefix && parts[0] === prefix.guideline)
      found = byNumber.get([prefix.policy, ...parts.slice(1)].join('.')) ?? [];
    // A title aligns only when it names one section on each side (目的, 定義 recur everywhere).
    const byTitleHere = byTitle.get(titleKey(example.sectionTitle)) ?? [];
    if (found.length === 0 && byTitleHere.length === 1 && guidelineTitles.get(titleKey(example.sectionTitle)) === 1)
      found = byTitleHere;
    out.set(example.section, [...found]);
  }
  return out;
}
