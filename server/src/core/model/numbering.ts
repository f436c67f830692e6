/**
 * Numbering checks among siblings: sections under their parent, items of one level under their
 * part or item. Codes: numbering-duplicate, numbering-gap, numbering-order, numbering-width (a list
 * that mixes (1) and （1）/（１）: the odd ones get a safe fix to the list's own width).
 */
import type { Finding } from '../findings';
import { localize, type Locale } from '../i18n/locale';
import type { GuidelineDocument } from './document';
import { displayName, walk, type GuidelineNode } from './node';
import { localOutline, type LocalNode } from './tree';
import { placeOf, resolvePlace, type ChunkPlace, type StructureInfo } from './structure';
import type { ParsedChunk } from './parse';
import { circledChar, circledValue, KATAKANA_ITEM_LABELS } from '../text/width';

const MESSAGES = {
  duplicate: {
    ja: '番号「{label}」が重複しています（同じ番号が前にもあります）。',
    en: 'Number "{label}" is duplicated (the same number appears earlier).',
  },
  gap: {
    ja: '番号が飛んでいます：「{previous}」の次が「{label}」です（{expected} がありません）。',
    en: 'Numbering gap: "{label}" follows "{previous}" ({expected} is missing).',
  },
  order: {
    ja: '番号の順序が逆です：「{label}」が「{previous}」の後にあります。',
    en: 'Numbering out of order: "{label}" comes after "{previous}".',
  },
  width: {
    ja: '番号「{label}」の全角・半角が同じ並びの「{other}」と異なります。「{expected}」に揃えます。',
    en: 'Number "{label}" is not written in the width of its list ("{other}"); write "{expected}".',
  },
  widthFix: { ja: '「{expected}」に揃える', en: 'Write "{expected}"' },
  related: { ja: '対象の番号：{name}', en: 'Sibling involved: {name}' },
} as const;

/** Sibling sequences are kept apart by kind and level: (1) and ① never compare. */
/** What a numbering check looks at: tree nodes and chunk-local outline nodes alike. */
type Numbered = Pick<
  GuidelineNode,
  'kind' | 'number' | 'ordinal' | 'level' | 'label' | 'title' | 'selectionStart' | 'selectionEnd'
> & { readonly children: readonly Numbered[] };

/** The style of an item's number: 0 kana, 1 kanji, 2 latin, 3 numbers (circled, parenthesised). */
function itemStyle(number: string): number {
  if (/^[ア-ン]$/.test(number)) return 0;
  if (/^[一二三四五六七八九十]+$/.test(number)) return 1;
  return /^\([a-z]\)$/.test(number) ? 2 : 3;
}

/**
 * The sequence a node numbers in: its kind for sections, chapters, articles and clauses; for items
 * a number from level and style (no string is built per item; keys only group, in first-seen order).
 */
function sequenceKey(node: Numbered): string | number | null {
  if (node.ordinal <= 0) return null;
  if (node.kind === 'section' || node.kind === 'chapter' || node.kind === 'article' || node.kind === 'clause')
    return node.kind;
  if (node.kind === 'item') return node.level * 4 + itemStyle(node.number ?? '');
  return null;
}

/** The missing number in the form its siblings are written: `3.5`, `(3)`, `③`, `ウ`, `(c)`. */
function expectedLabel(node: Numbered, previous: Numbered): string {
  const next = previous.ordinal + 1;
  const number = previous.number ?? '';
  if (node.kind === 'section') return number.replace(/\d+$/, String(next));
  if (node.kind === 'chapter') return `第${next}章`;
  if (node.kind === 'article') return `第${next}条`;
  if (/^\(\d+\)$/.test(number)) return `(${next})`;
  if (circledValue(number) !== undefined) return circledChar(next) ?? String(next);
  if (/^[ア-ン]$/.test(number)) return KATAKANA_ITEM_LABELS[next - 1] ?? String(next);
  if (/^\([a-z]\)$/.test(number) && next <= 26) return `(${String.fromCharCode(96 + next)})`;
  return String(next);
}

/** A finding in offsets: the node's marker, the sibling involved. */
interface OffsetFinding {
  readonly code: 'numbering-duplicate' | 'numbering-gap' | 'numbering-order' | 'numbering-width';
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly relatedStart: number;
  readonly relatedEnd: number;
  readonly relatedMessage: string;
  /** numbering-width: the marker in the list's width, and the fix's title. */
  readonly replacement?: { readonly text: string; readonly title: string };
}

function offsetFinding(
  code: OffsetFinding['code'],
  message: string,
  node: Numbered,
  other: Numbered,
  locale: Locale,
): OffsetFinding {
  // Items are named by their marker: their text may change without the structure changing.
  const name = other.kind === 'item' || other.kind === 'clause' ? other.label : displayName(other);
  return {
    code,
    start: node.selectionStart,
    end: node.selectionEnd,
    message,
    relatedStart: other.selectionStart,
    relatedEnd: other.selectionEnd,
    relatedMessage: localize(locale, MESSAGES.related, { name }),
  };
}

/** How a parenthesised number is written: the brackets' width and the digits' width. */
function widthStyle(label: string): string | null {
  const m = /^([（(])([0-9０-９]+)([）)])$/.exec(label.trim());
  if (!m) return null;
  return `${m[1] === '（' ? 'F' : 'H'}${/[０-９]/.test(m[2]) ? 'F' : 'H'}`;
}

function inStyle(label: string, style: string): string {
  const digits = label.replace(/[^0-9０-９]/g, '').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const number = style[1] === 'F' ? digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : digits;
  return style[0] === 'F' ? `（${number}）` : `(${number})`;
}

/** Items of one list written in two widths: the odd ones out, to the width most of the list uses. */
function checkWidths(siblings: readonly Numbered[], locale: Locale, out: OffsetFinding[]): void {
  const styled = siblings.filter((s) => s.kind === 'item').map((node) => ({ node, style: widthStyle(node.label) }));
  const counts = new Map<string, number>();
  for (const { style } of styled) if (style) counts.set(style, (counts.get(style) ?? 0) + 1);
  if (counts.size < 2) return;
  // The most used width; on a tie, the first item's.
  const first = styled.find((s) => s.style)!.style!;
  const majority = [...counts.entries()].reduce((best, entry) =>
    entry[1] > best[1] || (entry[1] === best[1] && entry[0] === first) ? entry : best,
  )[0];
  const model = styled.find((s) => s.style === majority)!.node;
  for (const { node, style } of styled) {
    if (!style || style === majority) continue;
    const expected = inStyle(node.label, majority);
    out.push({
      ...offsetFinding(
        'numbering-width',
        localize(locale, MESSAGES.width, { label: node.label, other: model.label, expected }),
        node,
        model,
        locale,
      ),
      replacement: { text: expected, title: localize(locale, MESSAGES.widthFix, { expected }) },
    });
  }
}

/** A section number as a tuple (3.4.1 → [3, 4, 1]); null when a component is not a number. */
function sectionTuple(node: Numbered): number[] | null {
  if (node.kind !== 'section' || !node.number) return null;
  const parts = node.number.split('.');
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

type Step = { kind: 'ok' } | { kind: 'order' } | { kind: 'gap'; expected: string };

/**
 * How a section number follows the previous one among siblings. Numbers compare as tuples across
 * levels: after 0.1, 0.2 comes 1; 3.4.1 after 3.3 (3.4 absent from an excerpt) ascends. A missing
 * parent or a skipped number is one gap at most, never an order error.
 */
function sectionStep(previous: readonly number[], node: readonly number[]): Step {
  if (compareTuples(node, previous) < 0) return { kind: 'order' };
  let j = 0;
  while (j < previous.length && j < node.length && previous[j] === node[j]) j++;
  const prefix = node.slice(0, j);
  if (j === previous.length) {
    // Deeper under the previous number: 3.3 → 3.3.1 is fine, 3.3 → 3.3.2 skips 3.3.1.
    if (j >= node.length) return { kind: 'ok' };
    if (node[j] > 1) return { kind: 'gap', expected: [...prefix, 1].join('.') };
    return node.length > j + 1 ? { kind: 'gap', expected: node.slice(0, j + 1).join('.') } : { kind: 'ok' };
  }
  if (node[j] > previous[j] + 1) return { kind: 'gap', expected: [...prefix, previous[j] + 1].join('.') };
  // The next number at this level: a deeper number misses its parent (3.3 → 3.4.1 without 3.4).
  return node.length > j + 1 ? { kind: 'gap', expected: node.slice(0, j + 1).join('.') } : { kind: 'ok' };
}

/** Duplicates, gaps and order errors among the children of one parent. */
function checkChildren(parent: Numbered, locale: Locale, out: OffsetFinding[]): void {
  // One child has no sibling to differ from: most nodes (every leaf item) are settled here.
  if (parent.children.length < 2) return;
  const sequences = new Map<string | number, Numbered[]>();
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const key = sequenceKey(child);
    if (!key) continue;
    const list = sequences.get(key);
    if (list) list.push(child);
    else sequences.set(key, [child]);
  }
  for (const siblings of sequences.values()) {
    // A node alone in its sequence has nothing to be compared with.
    if (siblings.length < 2) continue;
    checkWidths(siblings, locale, out);
    const seen = new Map<string, Numbered>();
    let previous: Numbered | null = null;
    for (const node of siblings) {
      const key = node.number ?? String(node.ordinal);
      const earlier = seen.get(key);
      const step = earlier || !previous ? ({ kind: 'ok' } as const) : stepOf(previous, node);
      if (earlier)
        out.push(
          offsetFinding(
            'numbering-duplicate',
            localize(locale, MESSAGES.duplicate, { label: node.label }),
            node,
            earlier,
            locale,
          ),
        );
      else if (previous && step.kind === 'order')
        out.push(
          offsetFinding(
            'numbering-order',
            localize(locale, MESSAGES.order, { label: node.label, previous: previous.label }),
            node,
            previous,
            locale,
          ),
        );
      else if (previous && step.kind === 'gap') {
        out.push(
          offsetFinding(
            'numbering-gap',
            localize(locale, MESSAGES.gap, { label: node.label, previous: previous.label, expected: step.expected }),
            node,
            previous,
            locale,
          ),
        );
      }
      if (!earlier) seen.set(key, node);
      if (!previous || (!earlier && step.kind !== 'order')) previous = node;
    }
  }
}

/** The step from one sibling to the next: section numbers as tuples, other sequences by ordinal. */
function stepOf(previous: Numbered, node: Numbered): Step {
  const a = sectionTuple(previous);
  const b = sectionTuple(node);
  if (a && b) {
    const step = sectionStep(a, b);
    // Sections written with dashes (「2-2」「2―6―2」) name the missing one the same way.
    const dash = /^[0-9０-９]+([^0-9０-９.．])[0-9０-９]/.exec(node.label)?.[1];
    return step.kind === 'gap' && dash ? { kind: 'gap', expected: step.expected.replaceAll('.', dash) } : step;
  }
  if (node.ordinal < previous.ordinal) return { kind: 'order' };
  if (node.ordinal > previous.ordinal + 1) return { kind: 'gap', expected: expectedLabel(node, previous) };
  return { kind: 'ok' };
}

/** Findings among the descendants of a chunk's own outline, relative to the chunk; cached. */
const localCache = new WeakMap<ParsedChunk, Map<Locale, readonly OffsetFinding[]>>();

function localFindings(chunk: Parameters<typeof localOutline>[0], locale: Locale): readonly OffsetFinding[] {
  let byLocale = localCache.get(chunk.parsed);
  if (!byLocale) localCache.set(chunk.parsed, (byLocale = new Map()));
  const hit = byLocale.get(locale);
  if (hit) return hit;
  const out: OffsetFinding[] = [];
  const outline = localOutline(chunk);
  const stack: LocalNode[] = [];
  for (let i = 0; i < outline.length; i++) stack.push(outline[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children;
    if (children.length === 0) continue;
    checkChildren(node, locale, out);
    for (let i = 0; i < children.length; i++) stack.push(children[i]);
  }
  byLocale.set(locale, out);
  return out;
}

/** The same findings from the whole tree: the definition the split computation must equal. */
export function treeNumberingFindings(document: GuidelineDocument, locale: Locale): Finding[] {
  const out: OffsetFinding[] = [];
  for (const parent of walk(document.root)) checkChildren(parent, locale, out);
  return toFindings(
    document,
    out.sort((a, b) => a.start - b.start).map((finding) => ({ finding, offset: 0 })),
  );
}

function toFindings(
  document: GuidelineDocument,
  placed: ReadonlyArray<{ finding: OffsetFinding; offset: number }>,
): Finding[] {
  return placed.map(({ finding, offset }) => ({
    code: finding.code,
    severity: 'warning',
    range: document.lines.rangeOf(finding.start + offset, finding.end + offset),
    message: finding.message,
    ...(finding.replacement
      ? {
          fixes: [
            {
              title: finding.replacement.title,
              edits: [
                {
                  range: document.lines.rangeOf(finding.start + offset, finding.end + offset),
                  newText: finding.replacement.text,
                },
              ],
              safe: true,
              preferred: true,
            },
          ],
        }
      : {}),
    related: [
      {
        uri: document.uri,
        range: document.lines.rangeOf(finding.relatedStart + offset, finding.relatedEnd + offset),
        message: finding.relatedMessage,
      },
    ],
  }));
}

/** Structural findings in chunk terms, worked out once per structure and locale (see structure.ts). */
interface PlacedStructural {
  readonly finding: OffsetFinding;
  readonly node: ChunkPlace;
  readonly other: ChunkPlace;
}

function structuralFindings(structure: StructureInfo, locale: Locale): readonly PlacedStructural[] {
  const known = structure.numbering.get(locale) as readonly PlacedStructural[] | undefined;
  if (known) return known;
  const found: OffsetFinding[] = [];
  for (const parent of walk(structure.skeleton)) checkChildren(parent, locale, found);
  const placed = found.map((finding) => ({
    finding,
    node: placeOf(structure.origin, finding.start, finding.end),
    other: placeOf(structure.origin, finding.relatedStart, finding.relatedEnd),
  }));
  structure.numbering.set(locale, placed);
  return placed;
}

/**
 * Numbering findings of a document: among the children of the structural nodes (on the skeleton,
 * once per structure) and within each chunk's outline (cached per chunk), which together are
 * every parent of the tree.
 */
export function numberingFindings(document: GuidelineDocument, locale: Locale): Finding[] {
  const placed: Array<{ finding: OffsetFinding; offset: number }> = [];
  for (const { finding, node, other } of structuralFindings(document.structure, locale)) {
    // Places in the current version: the same chunks and outline nodes, wherever they now stand.
    const at = resolvePlace(document.chunks, node);
    const related = resolvePlace(document.chunks, other);
    if (!at || !related) continue;
    placed.push({
      finding: { ...finding, start: at.start, end: at.end, relatedStart: related.start, relatedEnd: related.end },
      offset: 0,
    });
  }
  for (const chunk of document.chunks)
    for (const finding of localFindings(chunk, locale)) placed.push({ finding, offset: chunk.start });
  placed.sort((a, b) => a.finding.start + a.offset - (b.finding.start + b.offset));
  return toFindings(document, placed);
}
