/**
 * Were the promised fixes made? For every accepted comment of a round made on an earlier version,
 * its target node in that version is compared with the aligned node now: unchanged means the
 * promise is still open; a response that quotes the change (「「SMS」は「ソーシャルメディアサービス」に
 * 修正いたします」) is checked word for word; a deleted target is reported as such.
 */
import type { CommentRecord, CommentRound } from '../comments/model';
import { roundYear } from '../comments/round-year';
import { localize, type Localized } from '../i18n/locale';
import type { GuidelineDocument } from '../model/document';
import { locate } from '../model/locate';
import type { Alignment, AlignmentRow, VersionNode } from './align';

export type PromiseStatus = 'applied' | 'not-applied' | 'target-deleted' | 'unknown';

/** A change a response quotes: 「A」を「B」に改める, 「B」を追記する, 「A」を削除する. */
export type QuotedChange =
  | { readonly kind: 'replace'; readonly from: string; readonly to: string }
  | { readonly kind: 'add'; readonly to: string }
  | { readonly kind: 'delete'; readonly from: string };

export interface PromiseCheck {
  readonly round: CommentRound;
  readonly comment: CommentRecord;
  readonly status: PromiseStatus;
  /** Why, in both languages: what changed, or what is still there. */
  readonly evidence: Localized;
  /** The comment's target in the version it was made on. */
  readonly oldNode: VersionNode | null;
  /** The aligned node of the current version (null when deleted or unknown). */
  readonly newNode: VersionNode | null;
  readonly row: AlignmentRow | null;
  readonly quotes: readonly QuotedChange[];
}

const Q = '[「『]([^」』]{1,80})[」』]';
const REPLACE = new RegExp(
  `${Q}(?:は|を|の(?:記載|表記|文言)を)${Q}(?:に|へ|と)(?:修正|改め|変更|置き換え|置換|訂正|改正|統一)`,
  'g',
);
const ADD = new RegExp(`${Q}(?:という(?:文言|記載|語|旨))?(?:の(?:記載|文言|旨))?を(?:追記|追加|加え|明記|記載)`, 'g');
const DELETE = new RegExp(`${Q}(?:という(?:文言|記載|語))?(?:の(?:記載|文言))?を(?:削除|削り|削る)`, 'g');

/** The changes a response quotes, in the order written. */
export function quotedChanges(response: string): QuotedChange[] {
  const text = response.replace(/\s*\n\s*/g, '');
  const found: { at: number; change: QuotedChange }[] = [];
  const replaced = new Set<number>();
  for (const m of text.matchAll(REPLACE)) {
    found.push({ at: m.index, change: { kind: 'replace', from: m[1], to: m[2] } });
    replaced.add(m.index + m[0].indexOf(m[2]) - 1);
  }
  for (const m of text.matchAll(ADD))
    if (!replaced.has(m.index)) found.push({ at: m.index, change: { kind: 'add', to: m[1] } });
  for (const m of text.matchAll(DELETE)) found.push({ at: m.index, change: { kind: 'delete', from: m[1] } });
  return found.sort((a, b) => a.at - b.at).map((f) => f.change);
}

const MESSAGES = {
  unchanged: {
    ja: '意見{number}（{round}）で修正を約束しましたが、案から変わっていません（{old}）。',
    en: 'Comment {number} ({round}) was promised a change, but {old} is as in the draft.',
  },
  changed: {
    ja: '意見{number}（{round}）で約束した修正：{old} → {new} が変更されています（類似度 {similarity}）。',
    en: 'Comment {number} ({round}): {old} → {new} was changed (similarity {similarity}).',
  },
  quotedApplied: {
    ja: '意見{number}（{round}）で約束した修正（{changes}）が {new} に反映されています。',
    en: 'The change promised to comment {number} ({round}) ({changes}) is in {new}.',
  },
  quotedMissing: {
    ja: '意見{number}（{round}）で約束した修正が {new} に反映されていません：{missing}。',
    en: 'The change promised to comment {number} ({round}) is not in {new}: {missing}.',
  },
  stillThere: { ja: '「{word}」が残っています', en: '"{word}" is still there' },
  notFound: { ja: '「{word}」がありません', en: '"{word}" is not there' },
  replace: { ja: '「{from}」→「{to}」', en: '"{from}" → "{to}"' },
  add: { ja: '「{to}」の追記', en: 'adding "{to}"' },
  delete: { ja: '「{from}」の削除', en: 'deleting "{from}"' },
  deleted: {
    ja: '意見{number}（{round}）の該当箇所 {old} は削除されました。',
    en: 'The place of comment {number} ({round}), {old}, was deleted.',
  },
  mergedInto: { ja: '（{new} に統合）', en: ' (merged into {new})' },
  general: {
    ja: '意見{number}（{round}）は特定の箇所についての意見ではないため、反映を確認できません。',
    en: 'Comment {number} ({round}) is not about one place; its change cannot be checked.',
  },
  unresolved: {
    ja: '意見{number}（{round}）の該当箇所「{raw}」が {version} に見つからないため、反映を確認できません。',
    en: 'The place "{raw}" of comment {number} ({round}) is not in {version}; its change cannot be checked.',
  },
} as const;

function both(message: Localized, args: Record<string, string | number>): Localized {
  return { ja: localize('ja', message, args), en: localize('en', message, args) };
}

/** 「2015年」 for a round of 2015; the file name when the year is unknown. */
export function roundShortLabel(round: CommentRound): Localized {
  const year = roundYear(round);
  if (year) return { ja: `${year}年`, en: year };
  const file = decodeURIComponent(round.uri.split('/').pop() ?? round.uri);
  return { ja: file, en: file };
}

/** 「3.8.3 【例文】 (1)」: a node named the way 該当箇所 are written (labels as the guideline writes them). */
function pathLabel(v: VersionNode): string {
  const chain: VersionNode[] = [];
  for (let n: VersionNode | null = v; n; n = n.isContainer ? null : n.parent) chain.unshift(n);
  return chain.map((n) => (n.isContainer ? (n.node.number ?? n.node.title) : n.node.label)).join(' ');
}

/** Whether `word` occurs in `text` outside the occurrences of `replacement` (「情報」→「情報資産」). */
function occursOutside(text: string, word: string, replacement: string): boolean {
  const rest = replacement && replacement.includes(word) ? text.split(replacement).join('\u0000') : text;
  return rest.includes(word);
}

function checkQuotes(
  quotes: readonly QuotedChange[],
  oldText: string,
  newText: string,
): { missing: Localized[]; applied: Localized[] } {
  const missing: Localized[] = [];
  const applied: Localized[] = [];
  for (const q of quotes) {
    const problems: Localized[] = [];
    if (
      q.kind !== 'add' &&
      occursOutside(newText, q.from, q.kind === 'replace' ? q.to : '') &&
      oldText.includes(q.from)
    )
      problems.push(both(MESSAGES.stillThere, { word: q.from }));
    if (q.kind !== 'delete' && !newText.includes(q.to)) problems.push(both(MESSAGES.notFound, { word: q.to }));
    if (problems.length > 0) missing.push(...problems);
    else
      applied.push(
        both(
          MESSAGES[q.kind],
          q.kind === 'replace' ? { from: q.from, to: q.to } : q.kind === 'add' ? { to: q.to } : { from: q.from },
        ),
      );
  }
  return { missing, applied };
}

const join = (items: readonly Localized[], ja: string, en: string): Localized => ({
  ja: items.map((i) => i.ja).join(ja),
  en: items.map((i) => i.en).join(en),
});

/**
 * The scope a quote is checked in: the target node, or its section when the quoted words are not in
 * the target (a 該当箇所 that names the section loosely).
 */
function quoteScope(
  alignment: Alignment,
  oldNode: VersionNode,
  newNode: VersionNode,
  quotes: readonly QuotedChange[],
): { oldText: string; newText: string } {
  const words = quotes.map((q) => (q.kind === 'add' ? '' : q.from)).filter(Boolean);
  if (words.length === 0 || words.some((w) => oldNode.text.includes(w)))
    return { oldText: oldNode.text, newText: newNode.text };
  const sectionOf = (v: VersionNode): VersionNode => {
    let s: VersionNode = v;
    while (!s.isContainer && s.parent) s = s.parent;
    return s;
  };
  const oldSection = sectionOf(oldNode);
  const newSection = alignment.rowOf(oldSection.node)?.new ?? sectionOf(newNode);
  return { oldText: oldSection.text, newText: newSection.text };
}

/** Checks every accepted comment of `round`, made on `alignment.oldDocument`. */
export function verifyPromises(round: CommentRound, alignment: Alignment, versionLabel: string): PromiseCheck[] {
  const checks: PromiseCheck[] = [];
  const roundName = roundShortLabel(round);
  const oldDocument: GuidelineDocument = alignment.oldDocument;
  for (const comment of round.comments) {
    if (comment.disposition !== 'accepted') continue;
    const quotes = quotedChanges(comment.response);
    const base = { round, comment, quotes };
    const args = (locale: 'ja' | 'en') => ({ number: comment.number, round: roundName[locale] });
    // Arguments are plain values or Localized ones, filled per language.
    const msg = (m: Localized, extra: Record<string, string | number | Localized>): Localized => {
      const pick = (locale: 'ja' | 'en') =>
        Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, typeof v === 'object' ? v[locale] : v]));
      return {
        ja: localize('ja', m, { ...args('ja'), ...pick('ja') }),
        en: localize('en', m, { ...args('en'), ...pick('en') }),
      };
    };
    const location = comment.location;
    if (!location?.section) {
      checks.push({
        ...base,
        status: 'unknown',
        evidence: msg(MESSAGES.general, {}),
        oldNode: null,
        newNode: null,
        row: null,
      });
      continue;
    }
    const found = locate(oldDocument, { section: location.section, part: location.part, items: location.items });
    const row = found.node ? (alignment.rowOf(found.node) ?? null) : null;
    const oldNode = row?.old ?? null;
    if (!row || !oldNode || found.match === 'none') {
      checks.push({
        ...base,
        status: 'unknown',
        evidence: msg(MESSAGES.unresolved, { raw: location.raw, version: versionLabel }),
        oldNode: null,
        newNode: null,
        row,
      });
      continue;
    }
    const old = pathLabel(oldNode);
    if (!row.new) {
      const merged = row.relation?.kind === 'merged' ? row.relation.with : null;
      const evidence = msg(MESSAGES.deleted, { old });
      checks.push({
        ...base,
        status: 'target-deleted',
        evidence: merged
          ? {
              ja: evidence.ja + both(MESSAGES.mergedInto, { new: pathLabel(merged) }).ja,
              en: evidence.en + both(MESSAGES.mergedInto, { new: pathLabel(merged) }).en,
            }
          : evidence,
        oldNode,
        newNode: null,
        row,
      });
      continue;
    }
    const newNode = row.new;
    const current = pathLabel(newNode);
    if (quotes.length > 0) {
      const scope = quoteScope(alignment, oldNode, newNode, quotes);
      const { missing, applied } = checkQuotes(quotes, scope.oldText, scope.newText);
      const ok = missing.length === 0;
      checks.push({
        ...base,
        status: ok ? 'applied' : 'not-applied',
        evidence: ok
          ? msg(MESSAGES.quotedApplied, { new: current, changes: join(applied, '、', ', ') })
          : msg(MESSAGES.quotedMissing, { new: current, missing: join(missing, '、', ', ') }),
        oldNode,
        newNode,
        row,
      });
      continue;
    }
    if (row.change === 'unchanged') {
      checks.push({
        ...base,
        status: 'not-applied',
        evidence: msg(MESSAGES.unchanged, { old }),
        oldNode,
        newNode,
        row,
      });
    } else {
      checks.push({
        ...base,
        status: 'applied',
        evidence: msg(MESSAGES.changed, { old, new: current, similarity: row.similarity.toFixed(2) }),
        oldNode,
        newNode,
        row,
      });
    }
  }
  return checks;
}
