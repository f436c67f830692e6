/**
 * `long-vowel-mark`: a character that looks like the long vowel mark ー but is not, where ー
 * belongs (ポリシ｜, データベ－ス, サ一バ, ユ‐ザ).
 *
 * Origin: public comment record 9 of the 2015 round on the 総務省 guideline pointed out that in
 * 図表5 (page 9) the long mark of 「ポリシー」 was drawn as a vertical bar (「長音記号の縦横」);
 * the response fixed it. Such look-alikes survive proofreading because they render almost like ー,
 * yet they break search, sorting and screen readers.
 *
 * Precision decisions (each backed by a leave-alone test):
 * - Only a character right after a full-width katakana letter (not ッ, ン, ー) is a suspect;
 *   dashes between numbers (3.6.1－3.6.3) or at line starts (Markdown lists) never are.
 * - 一 followed by a kanji starts a kanji word (メール一斉送信, ファイル一覧, システム一式) and is left
 *   alone, as are 一つ and counters (一カ月, 一ヶ所), unless the section always writes the word with ー
 *   (セキュリティポリシ一及び where セキュリティポリシー stands elsewhere).
 * - A dash or bar between two katakana words of two or more letters each is a joiner
 *   (クライアント－サーバ, ウェブ‐サイト) unless the same word is written with ー elsewhere in the
 *   segment. A side of a single letter (ユ‐ザ, データベ－ス), a right side starting with a small
 *   kana or ン, or a left side ending in ュ/ョ (コンピュ―タ; not ッシュ) is inside one word and flagged. Iroha item ranges (ア－ウ) are left alone.
 * - A dash before a kanji (サーバ－端末間) is a joiner unless the segment writes the word with ー and
 *   never without it.
 * - Doubled dashes (――) are the Japanese em dash; `|` in Markdown table rows is table syntax;
 *   a dash before ASCII (ユーザ-ID, ステップ-1) is left alone.
 */
import type { CheckConfig, SegmentContext, SegmentFinding, SegmentRule } from '../types';
import { effectiveKatakanaPreferences } from '../preferences';
import { KATAKANA_ITEM_LABELS } from '../../text/width';
import { LineIndex } from '../../text/position';
import { replacementFinding } from '../replacement';
import {
  describeChar,
  isHiragana,
  isKanji,
  isKatakanaLetter,
  isSmallKatakana,
  katakanaRunEnd,
  katakanaRunStart,
  LONG_MARK_LOOKALIKES,
  LONG_MARK_LOOKALIKE_CLASS,
} from '../chars';

const LONG_VOWEL_MARK = 'long-vowel-mark';

const KANJI_ONE = '一';
const HALFWIDTH_LONG = 'ｰ';
const CANDIDATE_SOURCE = `[${LONG_MARK_LOOKALIKE_CLASS}]`;
const EM_DASHES = '―—─';
const COUNTERS = 'カケヵヶ';

/**
 * A candidate right after a katakana letter after which a long vowel is written (ァ…ヺ but not ッ, ン,
 * ヵ, ヶ): the regex skips the many 一 in kanji words and the dashes of lists natively.
 */
export const SUSPECT_SOURCE = `(?<=[\\u30a1-\\u30fa])(?<![ッンヵヶ])${CANDIDATE_SOURCE}`;

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Line numbers (0-based) of lines that belong to a Markdown table (a block with a delimiter row). */
function tableLines(masked: string): Set<number> {
  const lines = masked.split(/\r\n|\r|\n/);
  const result = new Set<number>();
  let blockStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^\s*$/.test(lines[i])) {
      const block = lines.slice(blockStart, i);
      if (block.some((l) => l.includes('|') && DELIMITER_ROW.test(l) && l.includes('-'))) {
        for (let j = blockStart; j < i; j++) result.add(j);
      }
      blockStart = i + 1;
    } else if (/^\s*\|/.test(lines[i])) {
      result.add(i);
    }
  }
  return result;
}

/** The word written with ー occurs and the bare stem never ends a word: ポリシー but no ポリシ. */
function stemAlwaysLong(text: string, stem: string, candidate: number): boolean {
  if (!text.includes(stem + 'ー')) return false;
  let at = text.indexOf(stem);
  while (at >= 0) {
    const after = text[at + stem.length];
    const before = text[at - 1];
    const wordStart = !(before && (before === 'ー' || isKatakanaLetter(before)));
    const stemEnds =
      after === undefined || !(after === 'ー' || isKatakanaLetter(after) || LONG_MARK_LOOKALIKES.has(after));
    if (wordStart && stemEnds && at + stem.length !== candidate) return false;
    at = text.indexOf(stem, at + 1);
  }
  return true;
}

function isItemRange(left: string, right: string): boolean {
  const l = KATAKANA_ITEM_LABELS.indexOf(left);
  const r = KATAKANA_ITEM_LABELS.indexOf(right);
  return left.length === 1 && right.length === 1 && l >= 0 && r > l;
}

interface Suspect {
  readonly index: number;
  readonly left: string;
  readonly right: string;
}

/**
 * Whether the candidate at `index` (after katakana) stands where ー belongs. `deferred`: only the
 * document can tell (a lookalike before a kanji, with the long word not written in this section).
 */
function isMistakenLongMark(masked: string, s: Suspect, inTable: (offset: number) => boolean): boolean | 'deferred' {
  const ch = masked[s.index];
  if (ch === HALFWIDTH_LONG) return true;
  if (ch === '|' && inTable(s.index)) return false;
  const next = masked[s.index + 1];
  if (EM_DASHES.includes(ch) && next !== undefined && EM_DASHES.includes(next)) return false;
  if (next === undefined || /[\s\p{P}\p{S}]/u.test(next)) {
    // Before punctuation, a space or the end nothing else than ー fits (ポリシ－。, ユーザ｜」).
    return true;
  }
  if (isHiragana(next)) return !(ch === KANJI_ONE && next === 'つ');
  // Before a kanji, ー fits only where the section always writes the word long: セキュリティポリシ一及び
  // (ポリシー elsewhere) is a slip, メール一斉送信 (no メールー anywhere) is a kanji word.
  if (isKanji(next))
    return stemAlwaysLong(masked, s.left, s.index) || (masked.includes(s.left + 'ー') ? false : 'deferred');
  if (isKatakanaLetter(next) || next === 'ー') {
    if (
      ch === KANJI_ONE &&
      COUNTERS.includes(next) &&
      (isKanji(masked[s.index + 2]) || masked[s.index + 2] === undefined)
    ) {
      return false;
    }
    if (isSmallKatakana(next) || next === 'ン' || next === 'ー') return true;
    // Words do not end in ュ or ョ except in ッシュ (キャッシュ): コンピュ―タ is one word.
    if (/[ュョ]$/.test(s.left) && !/ッ[シジチ]ュ$/.test(s.left)) return true;
    if (isItemRange(s.left, s.right)) return false;
    if (s.left.length === 1 || s.right.length === 1) return true;
    return masked.includes(`${s.left}ー${s.right}`);
  }
  return false;
}

/** A lookalike before a kanji that the document decides: a slip if it writes `stem`ー elsewhere. */
export interface DeferredLongMark {
  readonly start: number;
  readonly char: string;
  readonly stem: string;
  readonly right: string;
  /** The word crosses a line wrap (soft-breaks.ts): its fix is offered for review only. */
  readonly wrapped?: boolean;
}

/**
 * `safe`: false where the word the fix would write (サーバー) is not the spelling the workspace
 * prefers (サーバ): fix-all must not write it, or the katakana and prh rules would undo it and the
 * two would take turns for ever. The quick fix is still offered.
 */
export function longVowelFinding(index: number, ch: string, left: string, right: string, safe = true): SegmentFinding {
  return replacementFinding({
    code: LONG_VOWEL_MARK,
    start: index,
    end: index + 1,
    message: {
      ja: '「{char}」は長音記号「ー」の誤りと思われます（{word}）。',
      en: '"{char}" looks like a mistaken long vowel mark "ー" ({word}).',
    },
    args: { char: describeChar(ch), word: `${left}ー${right}` },
    replacement: 'ー',
    safe,
  });
}

/** Whether the preferred spelling of the word ending at `left` is without ー (サーバ, not サーバー). */
export type PrefersShort = (left: string) => boolean;

function prefersShortFrom(preferences: Readonly<Record<string, string>>): PrefersShort {
  const short = new Set<string>();
  for (const [key, value] of Object.entries(preferences)) if (!value.endsWith('ー')) short.add(key.replace(/ー+$/, ''));
  return (left) => {
    for (let i = 0; i < left.length - 1; i++) if (short.has(left.slice(i))) return true;
    return false;
  };
}

export function scanLongVowelMarks(
  masked: string,
  prefersShort: PrefersShort = () => false,
): { findings: SegmentFinding[]; deferred: DeferredLongMark[] } {
  const findings: SegmentFinding[] = [];
  const deferred: DeferredLongMark[] = [];
  let tables: { lines: Set<number>; index: LineIndex } | undefined;
  const inTable = (offset: number): boolean => {
    tables ??= { lines: tableLines(masked), index: new LineIndex(masked) };
    return tables.lines.has(tables.index.positionAt(offset).line);
  };
  const re = new RegExp(SUSPECT_SOURCE, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const index = m.index;
    const left = masked.slice(katakanaRunStart(masked, index), index);
    const right = masked.slice(index + 1, katakanaRunEnd(masked, index + 1));
    const verdict = isMistakenLongMark(masked, { index, left, right }, inTable);
    if (verdict === 'deferred') deferred.push({ start: index, char: m[0], stem: left, right });
    else if (verdict) findings.push(longVowelFinding(index, m[0], left, right, !(right === '' && prefersShort(left))));
  }
  return { findings, deferred };
}

export function findLongVowelMarks(masked: string, prefersShort?: PrefersShort): SegmentFinding[] {
  return scanLongVowelMarks(masked, prefersShort).findings;
}

const prefersShortCache = new WeakMap<CheckConfig, PrefersShort>();

export function prefersShortOf(config: CheckConfig): PrefersShort {
  let prefersShort = prefersShortCache.get(config);
  if (!prefersShort)
    prefersShortCache.set(config, (prefersShort = prefersShortFrom(effectiveKatakanaPreferences(config))));
  return prefersShort;
}

export const longVowelMarkRule: SegmentRule = {
  wordLevel: true,
  descriptor: {
    code: LONG_VOWEL_MARK,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '長音記号の誤り', en: 'Mistaken long vowel mark' },
    description: {
      ja:
        'カタカナの後で長音記号「ー」の代わりに使われた似た文字（｜ ― － ‐ 一 ｰ など）を指摘します。' +
        '2015年の意見募集の意見9（図表5の「ポリシー」の長音記号が縦棒になっていた）に由来します。',
      en:
        'Flags characters that look like the long vowel mark "ー" but are not (｜ ― － ‐ 一 ｰ …) after katakana. ' +
        'Origin: public comment 9 of the 2015 round (the long mark of ポリシー drawn as a vertical bar in 図表5).',
    },
  },
  check: (context: SegmentContext) => findLongVowelMarks(context.masked, prefersShortOf(context.config)),
};
