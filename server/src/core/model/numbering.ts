/**
 * Numbering checks among siblings: sections under their parent, items of one level under their
 * part or item. Codes: numbering-duplicate, numbering-gap, numbering-order.
 */
import type { Finding } from '../findings';
import { localize, type Locale } from '../i18n/locale';
import type { GuidelineDocument } from './document';
import { displayName, walk, type GuidelineNode } from './node';
import { circledChar, circledValue, KATAKANA_ITEM_LABELS } from '../text/width';

const MESSAGES = {
  duplicate: { ja: '番号「{label}」が重複しています（同じ番号が前にもあります）。', en: 'Number "{label}" is duplicated (the same number appears earlier).' },
  gap: { ja: '番号が飛んでいます：「{previous}」の次が「{label}」です（{expected} がありません）。', en: 'Numbering gap: "{label}" follows "{previous}" ({expected} is missing).' },
  order: { ja: '番号の順序が逆です：「{label}」が「{previous}」の後にあります。', en: 'Numbering out of order: "{label}" comes after "{previous}".' },
  related: { ja: '対象の番号：{name}', en: 'Sibling involved: {name}' },
} as const;

/** Sibling sequences are kept apart by kind and level: (1) and ① never compare. */
function sequenceKey(node: GuidelineNode): string | null {
  if (node.ordinal <= 0) return null;
  if (node.kind === 'section' || node.kind === 'chapter' || node.kind === 'article' || node.kind === 'clause') return node.kind;
  if (node.kind === 'item') return `item:${node.level}:${/^[ア-ン]$/.test(node.number ?? '') ? 'kana' : /^[一二三四五六七八九十]+$/.test(node.number ?? '') ? 'kanji' : 'num'}`;
  return null;
}

/** The missing number in the form its siblings are written: `3.5`, `(3)`, `③`, `ウ`. */
function expectedLabel(node: GuidelineNode, previous: GuidelineNode): string {
  const next = previous.ordinal + 1;
  const number = previous.number ?? '';
  if (node.kind === 'section') return number.replace(/\d+$/, String(next));
  if (node.kind === 'chapter') return `第${next}章`;
  if (node.kind === 'article') return `第${next}条`;
  if (/^\(\d+\)$/.test(number)) return `(${next})`;
  if (circledValue(number) !== undefined) return circledChar(next) ?? String(next);
  if (/^[ア-ン]$/.test(number)) return KATAKANA_ITEM_LABELS[next - 1] ?? String(next);
  return String(next);
}

export function numberingFindings(document: GuidelineDocument, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  const name = (n: GuidelineNode): string => displayName(n);
  for (const parent of walk(document.root)) {
    const sequences = new Map<string, GuidelineNode[]>();
    for (const child of parent.children) {
      const key = sequenceKey(child);
      if (!key) continue;
      const list = sequences.get(key);
      if (list) list.push(child);
      else sequences.set(key, [child]);
    }
    for (const siblings of sequences.values()) {
      const seen = new Map<string, GuidelineNode>();
      let previous: GuidelineNode | null = null;
      for (const node of siblings) {
        const key = node.number ?? String(node.ordinal);
        const earlier = seen.get(key);
        const related = (other: GuidelineNode) => [{ uri: document.uri, range: other.selectionRange, message: localize(locale, MESSAGES.related, { name: name(other) }) }];
        if (earlier) {
          findings.push({ code: 'numbering-duplicate', severity: 'warning', range: node.selectionRange, message: localize(locale, MESSAGES.duplicate, { label: node.label }), related: related(earlier) });
        } else if (previous && node.ordinal < previous.ordinal) {
          findings.push({ code: 'numbering-order', severity: 'warning', range: node.selectionRange, message: localize(locale, MESSAGES.order, { label: node.label, previous: previous.label }), related: related(previous) });
        } else if (previous && node.ordinal > previous.ordinal + 1) {
          findings.push({ code: 'numbering-gap', severity: 'warning', range: node.selectionRange, message: localize(locale, MESSAGES.gap, { label: node.label, previous: previous.label, expected: expectedLabel(node, previous) }), related: related(previous) });
        }
        if (!earlier) seen.set(key, node);
        if (!previous || node.ordinal >= previous.ordinal) previous = node;
      }
    }
  }
  return findings;
}
