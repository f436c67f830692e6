/**
 * Coverage in a workspace: which guideline a policy derives from, whether a document is a policy
 * at all, the clauses under the cursor, a section's （解説）, and the data of the 「例文との対応」 view.
 */
import { parseGuideline, type GuidelineDocument } from '../model/document';
import type { GuidelineNode } from '../model/node';
import type { Range } from '../text/position';
import { localize, type Locale } from '../i18n/locale';
import type { DiffSpan } from '../revisions/char-diff';
import { exampleClauses, hasExampleClauses } from './clauses';
import type { ClauseCoverage, CoverageResult, CoverageStatus } from './coverage';
import { primaryContainer } from './findings';
import { clauseName, STATUS_LABELS } from './report';

const exampleCounts = new WeakMap<GuidelineDocument, number>();

/** Number of 例文 clauses of a document (0 for a policy); remembered per snapshot. */
function exampleCount(document: GuidelineDocument): number {
  let count = exampleCounts.get(document);
  if (count === undefined) {
    count = document.text.includes('例文') ? exampleClauses(document).length : 0;
    exampleCounts.set(document, count);
  }
  return count;
}

/**
 * The guideline a policy is compared with: the one the project file names, else the workspace's
 * document with the most 例文 clauses. Null when there is none, or when `policy` is itself a
 * guideline (it has 例文 of its own).
 */
export function guidelineForPolicy(
  policy: GuidelineDocument,
  documents: readonly GuidelineDocument[],
  named: GuidelineDocument | null,
): GuidelineDocument | null {
  if (hasOwnExamples(policy)) return null;
  if (named) return named.uri === policy.uri ? null : named;
  let best: GuidelineDocument | null = null;
  for (const document of documents) {
    if (document.uri === policy.uri) continue;
    if (exampleCount(document) > (best ? exampleCount(best) : 0)) best = document;
  }
  return best;
}

const chunkExamples = new WeakMap<object, boolean>();

/**
 * Whether a document has 例文 of its own (it is a guideline, not a policy), read chunk by chunk. Every
 * diagnostics pull of the guideline being edited asks this, and the whole tree of each new version
 * cost 30 ms of every keystroke at 16×. A 【例文】 part ends at the next heading, so it lies within one
 * chunk: each chunk is read on its own once, remembered by its model, and an edit re-reads only the
 * chunk it changed. test/unit/coverage/policy-choice.test.ts holds it to hasExampleClauses.
 */
export function hasOwnExamples(document: GuidelineDocument): boolean {
  if (!document.text.includes('例文')) return false;
  return document.chunks.some((chunk) => {
    if (!chunk.text.includes('例文')) return false;
    let has = chunkExamples.get(chunk.model);
    if (has === undefined) {
      has = hasExampleClauses(parseGuideline(document.uri, chunk.text));
      chunkExamples.set(chunk.model, has);
    }
    return has;
  });
}

/**
 * Whether a document compared with a guideline is a policy derived from it: a few of its clauses
 * adopt 例文 (one is enough when the project file names the guideline). A README or a memo in the
 * same folder adopts none and gets no coverage diagnostics.
 */
export function looksLikePolicy(result: CoverageResult, named: boolean): boolean {
  const aligned = result.summary.covered + result.summary.modified;
  return aligned >= (named ? 1 : 3);
}

/** The coverage rows whose policy clause is the innermost one containing `offset`. */
export function clausesAt(result: CoverageResult, offset: number): ClauseCoverage[] {
  let best: ClauseCoverage['policy'] = null;
  for (const row of result.clauses) {
    const p = row.policy;
    if (!p) continue;
    const start = Math.min(p.start, p.node.start);
    if (start <= offset && offset <= p.end && (!best || p.end - p.start < best.end - best.start)) best = p;
  }
  return best ? result.clauses.filter((r) => r.policy === best) : [];
}

/** The （解説） of a guideline section as plain text, cut at `max` characters. */
export function explanationOf(guideline: GuidelineDocument, section: GuidelineNode, max = 500): string | null {
  const part = section.children.find((c) => c.kind === 'part' && c.part === '解説');
  if (!part) return null;
  const body = guideline.text
    .slice(part.selectionEnd, part.end)
    .split('\n')
    .map((l) => l.replace(/^[#>*\s]+|\*\*/g, '').trim())
    .filter((l) => l.length > 0)
    .join('\n');
  if (!body) return null;
  return Array.from(body).length > max ? `${Array.from(body).slice(0, max).join('')}…` : body;
}

interface CoverageViewItem {
  readonly status: CoverageStatus;
  readonly statusLabel: string;
  /** The 例文 clause as people name it: `(2)③`. */
  readonly name: string;
  readonly text: string;
  readonly guidelineRange: Range;
  readonly policyLabel: string | null;
  readonly policyRange: Range | null;
  readonly similarity: number;
  readonly diff: readonly DiffSpan[] | null;
}

export interface CoverageViewSection {
  readonly section: string;
  readonly title: string;
  readonly guidelineRange: Range;
  /** Where the section went in the policy, if anywhere. */
  readonly policyLabel: string | null;
  readonly policyRange: Range | null;
  readonly items: CoverageViewItem[];
}

/** Missing and modified 例文 clauses by guideline section, in the guideline's order. */
export function coverageViewSections(result: CoverageResult, locale: Locale): CoverageViewSection[] {
  const sections = new Map<string, CoverageViewSection>();
  for (const row of result.clauses) {
    if (row.status === 'covered') continue;
    const example = row.example;
    let entry = sections.get(example.section);
    if (!entry) {
      const container = primaryContainer(result, example.section);
      entry = {
        section: example.section,
        title: example.sectionTitle,
        guidelineRange: example.sectionNode.selectionRange,
        policyLabel: container ? `${container.label} ${container.title}`.trim() : null,
        policyRange: container?.node.selectionRange ?? null,
        items: [],
      };
      sections.set(example.section, entry);
    }
    entry.items.push({
      status: row.status,
      statusLabel: localize(locale, STATUS_LABELS[row.status]),
      name: clauseName(example, locale),
      text: example.text,
      guidelineRange: example.range,
      policyLabel: row.policy?.label ?? null,
      policyRange: row.policy?.range ?? null,
      similarity: row.similarity,
      diff: row.diff ?? null,
    });
  }
  return [...sections.values()];
}
