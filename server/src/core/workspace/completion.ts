/**
 * Completion while writing a guideline: section references after 「 or a partial dotted number,
 * the next item number where a list continues, and the standard roles and terms. Plain data; the
 * server turns it into protocol items.
 */
import type { GuidelineDocument } from '../model/document';
import { ancestryAt } from '../model/document';
import { displayName, isNumberedContainer, walk, type GuidelineNode } from '../model/node';
import { circledChar, KATAKANA_ITEM_LABELS, normalizeNumber } from '../text/width';
import type { Position } from '../text/position';
import { localize, type Locale } from '../i18n/locale';
import { STANDARD_VOCABULARY } from './vocabulary';

export interface CompletionCandidate {
  readonly kind: 'section' | 'item' | 'role' | 'term' | 'snippet';
  /** The insert text is a snippet (tab stops, choices). */
  readonly snippet?: boolean;
  readonly label: string;
  readonly insertText: string;
  /** The range the insert text replaces (the typed prefix). */
  readonly replace: { readonly start: Position; readonly end: Position };
  readonly filterText: string;
  readonly sortText: string;
  readonly detail?: string;
  readonly documentation?: string;
}

const MAX_SECTIONS = 300;
const PARTIAL_NUMBER = /(?:^|[^0-9０-９.．])([0-9０-９]{1,3}[.．](?:[0-9０-９]{1,3}[.．]?)*)$/;

/** The typed prefix of a section reference: after 「, or a dotted number being written. */
function sectionPrefix(before: string): { typed: string; quoted: boolean } | null {
  const quoted = /「([0-9０-９.．]*)$/.exec(before);
  if (quoted) return { typed: quoted[1], quoted: true };
  const partial = PARTIAL_NUMBER.exec(before);
  return partial ? { typed: partial[1], quoted: false } : null;
}

function sectionCandidates(
  documents: readonly GuidelineDocument[],
  current: GuidelineDocument,
  position: Position,
  before: string,
  after: string,
): CompletionCandidate[] {
  const prefix = sectionPrefix(before);
  if (!prefix) return [];
  const typed = normalizeNumber(prefix.typed);
  // 「3.6.」 asks for what is under 3.6, not 3.6 itself.
  const under = /[.．]$/.test(prefix.typed);
  const replace = {
    start: { line: position.line, character: position.character - prefix.typed.length },
    end: position,
  };
  const close = prefix.quoted && !after.startsWith('」') ? '」' : '';
  const out: CompletionCandidate[] = [];
  const seen = new Set<string>();
  // The current document first: its sections are what an editor cites most.
  for (const document of [current, ...documents.filter((d) => d !== current)]) {
    for (const node of walk(document.root)) {
      if (!isNumberedContainer(node) || node.kind === 'chapter' || !node.number || !/^\d/.test(node.number)) continue;
      if (typed && !(under ? node.number.startsWith(`${typed}.`) : node.number.startsWith(typed))) continue;
      const text = node.title ? `${node.number} ${node.title}` : node.number;
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({
        kind: 'section',
        label: text,
        insertText: prefix.quoted ? `${text}${close}` : node.number,
        replace,
        filterText: prefix.quoted ? `${prefix.typed}${node.number} ${node.title}` : node.number,
        sortText: node.number
          .split('.')
          .map((p) => p.padStart(3, '0'))
          .join('.'),
        detail: document === current ? undefined : document.title,
        documentation: node.title,
      });
      if (out.length >= MAX_SECTIONS) return out;
    }
  }
  return out;
}

/** The marker that follows `previous` in its sequence, in the same width and bracket style. */
export function nextMarker(previous: GuidelineNode): string | null {
  const next = previous.ordinal + 1;
  const label = previous.label;
  if (previous.kind === 'note') return null;
  if (/^[（(]/.test(label) && /\d|[０-９]/.test(label)) {
    const fullWidthDigits = /[０-９]/.test(label);
    const digits = fullWidthDigits
      ? String(next).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
      : String(next);
    return `${label[0]}${digits}${label[label.length - 1]}`;
  }
  if (previous.level === 2 && previous.kind === 'item' && circledChar(previous.ordinal))
    return circledChar(next) ?? null;
  if (previous.level === 3) {
    const letter = KATAKANA_ITEM_LABELS[next - 1];
    if (!letter) return null;
    return /^[（(]/.test(label) ? `${label[0]}${letter}${label[label.length - 1]}` : letter;
  }
  return null;
}

const ITEM_DETAIL = { ja: '{previous} の次の項目', en: 'The item after {previous}' } as const;

function itemCandidates(
  document: GuidelineDocument,
  position: Position,
  before: string,
  locale: Locale,
): CompletionCandidate[] {
  // At the start of a paragraph (optionally after full-width spaces or an opening bracket).
  const typed = /^([ \u3000]*)([（(]?)$/.exec(before);
  if (!typed) return [];
  const levels = previousItems(document, position);
  const replace = { start: { line: position.line, character: typed[1].length }, end: position };
  const out: CompletionCandidate[] = [];
  [...levels].reverse().forEach((previous, depth) => {
    const marker = nextMarker(previous);
    if (!marker || (typed[2] && !/^[（(]/.test(marker))) return;
    out.push({
      kind: 'item',
      label: marker,
      insertText: `${marker} `,
      replace,
      filterText: `${typed[2]}${marker}`,
      sortText: `0${depth}`,
      detail: localize(locale, ITEM_DETAIL, { previous: displayName(previous) }),
    });
  });
  return out;
}

/**
 * The last item of each level before the position, outermost first ((2), then ② under it): what a
 * new item there continues.
 */
export function previousItems(document: GuidelineDocument, position: Position): GuidelineNode[] {
  const offset = document.lines.offsetAt(position);
  // From the enclosing heading section, follow the last part, article or item before the cursor
  // down: each item on the way is the last of its level ((2), then ② under it).
  const chain = ancestryAt(document, offset);
  let scope: GuidelineNode =
    [...chain].reverse().find((n) => n.kind === 'section' || n.kind === 'chapter' || n.kind === 'heading') ??
    document.root;
  const levels: GuidelineNode[] = [];
  for (;;) {
    const previous = [...scope.children]
      .reverse()
      .find(
        (c) =>
          c.start < offset &&
          c.kind !== 'note' &&
          c.kind !== 'figure' &&
          c.kind !== 'chapter' &&
          !(c.kind === 'section' && c.level > 0),
      );
    if (!previous) break;
    if (previous.kind === 'item' || previous.kind === 'clause') levels.push(previous);
    scope = previous;
  }
  return levels;
}

/** The longest end of `before` that begins one of the terms: 「統括」 → 統括情報セキュリティ責任者. */
function vocabularyCandidates(
  position: Position,
  before: string,
  extraTerms: readonly string[],
  locale: Locale,
): CompletionCandidate[] {
  const entries = [
    ...STANDARD_VOCABULARY,
    ...extraTerms.map((term) => ({ term, kind: 'term' as const, note: { ja: '用語辞書', en: 'Dictionary term' } })),
  ];
  const out: CompletionCandidate[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.term)) continue;
    let typed = '';
    for (let length = Math.min(before.length, entry.term.length); length > 0; length--) {
      if (entry.term.startsWith(before.slice(before.length - length))) {
        typed = before.slice(before.length - length);
        break;
      }
    }
    if (!typed && before.length > 0 && !/[\s、。「（(]$/.test(before)) continue;
    seen.add(entry.term);
    out.push({
      kind: entry.kind,
      label: entry.term,
      insertText: entry.term,
      replace: { start: { line: position.line, character: position.character - typed.length }, end: position },
      filterText: entry.term,
      sortText: `${entry.kind === 'role' ? 1 : 2}${entry.term}`,
      detail: localize(locale, entry.note),
    });
  }
  return out;
}

export function completionCandidates(
  documents: readonly GuidelineDocument[],
  document: GuidelineDocument,
  position: Position,
  locale: Locale,
  extraTerms: readonly string[] = [],
): CompletionCandidate[] {
  const line = document.lines.lineText(position.line);
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  const sections = sectionCandidates(documents, document, position, before, after);
  if (sections.length > 0 || /「[0-9０-９.．]*$/.test(before)) return sections;
  return [
    ...itemCandidates(document, position, before, locale),
    ...vocabularyCandidates(position, before, extraTerms, locale),
  ];
}
