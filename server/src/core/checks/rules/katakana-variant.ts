/**
 * `katakana-variant`: one word written both with and without a trailing ー (サーバ/サーバー,
 * ユーザ/ユーザー, コンピュータ/コンピューター), found generally from katakana runs rather than from a
 * fixed list.
 *
 * Two phases so that sections can be cached and a decision can span a document or a workspace:
 * 1. `collectKatakanaSpellings(masked)` counts katakana runs per segment;
 * 2. `decideKatakanaVariants(counts, preferred)` picks, for every stem seen both ways, the spelling
 *    to keep: a preferred setting wins (the 総務省 guideline writes サーバ), else the more frequent
 *    one, else the one without ー;
 * then `findKatakanaVariants(masked, decision)` reports the other spelling in each segment.
 *
 * Only stems of three or more characters count (ケース/ケ are different words), a run is a whole
 * katakana word (サーバ室 counts as サーバ). In katakana compounds a word that also stands alone is
 * recognised at the end (ウェブサーバー) and, for the spelling with ー only, at the start
 * (サーバールーム): the bare stem at the start of a longer word (モニタ in モニタリング) is a different
 * word.
 */
import type { SegmentFinding } from '../types';
import type { RuleDescriptor } from '../types';
import { LONG_MARK_LOOKALIKE_CLASS, isKatakanaLetter, isSmallKatakana } from '../chars';

export const KATAKANA_VARIANT = 'katakana-variant';

const MIN_STEM = 3;
/** Stems whose forms with and without ー are different words. */
const DISTINCT_WORDS = new Set(['ラッパ']);

interface KatakanaVariantChoice {
  /** The spelling to replace. */
  readonly variant: string;
  /** The spelling to keep. */
  readonly preferred: string;
  readonly variantCount: number;
  readonly preferredCount: number;
  /** `builtin`: the 総務省 spelling the tool knows; `setting`: what the user's settings chose. */
  readonly reason: 'setting' | 'builtin' | 'frequency' | 'tie';
}

export interface KatakanaVariantDecision {
  /** Keyed by the spelling to replace. */
  readonly choices: ReadonlyMap<string, KatakanaVariantChoice>;
  /**
   * The katakana words the decision was made from and their counts: a fix inside a compound must
   * produce one of them (or a known word near the text) to be offered.
   */
  readonly words?: ReadonlyMap<string, number>;
}

export const EMPTY_KATAKANA_DECISION: KatakanaVariantDecision = { choices: new Map() };

function stemOf(word: string): string {
  return word.replace(/ー+$/, '');
}

function isCountableStem(stem: string): boolean {
  return stem.length >= MIN_STEM && isKatakanaLetter(stem[0]) && !isSmallKatakana(stem[0]) && !DISTINCT_WORDS.has(stem);
}

/**
 * A whole katakana run (ァ…ヺ and ー) that is not a fragment: a run cut by a look-alike of ー (ポリシ in
 * ポリシ｜) is long-vowel-mark's business, not a word. The look-arounds skip fragments natively.
 */
export const WORD_RUN = `(?<![ァ-ヺー${LONG_MARK_LOOKALIKE_CLASS}])[ァ-ヺー]+(?![ァ-ヺー${LONG_MARK_LOOKALIKE_CLASS}])`;
/**
 * The runs `collectKatakanaSpellings` may count: whole, not fragments, three letters or more, not
 * starting with ー or a small kana (`isCountableStem` then checks the stem without its ー).
 */
const COUNTED_RUN = `(?<![ァ-ヺー${LONG_MARK_LOOKALIKE_CLASS}])(?![ァィゥェォッャュョヮヵヶー])[ァ-ヺー]{${MIN_STEM},}(?![ァ-ヺー${LONG_MARK_LOOKALIKE_CLASS}])`;

const COUNTED_RUNS = new RegExp(COUNTED_RUN, 'g');

/** Katakana words of a (masked) segment and how often each occurs. */
export function collectKatakanaSpellings(masked: string): Map<string, number> {
  const counts = new Map<string, number>();
  const re = COUNTED_RUNS;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const run = m[0];
    // The stem is the run without its trailing ー (stemOf, without a regex per run); the pattern
    // has checked the rest of isCountableStem, a first letter that is neither ー nor small.
    let stemEnd = run.length;
    while (stemEnd > 0 && run.charCodeAt(stemEnd - 1) === 0x30fc) stemEnd--;
    if (stemEnd < MIN_STEM || DISTINCT_WORDS.has(stemEnd === run.length ? run : run.slice(0, stemEnd))) continue;
    counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  return counts;
}

/** Sums per-segment counts (for a document or a workspace). */
export function mergeSpellingCounts(parts: Iterable<ReadonlyMap<string, number>>): Map<string, number> {
  const total = new Map<string, number>();
  for (const part of parts) for (const [word, n] of part) total.set(word, (total.get(word) ?? 0) + n);
  return total;
}

/** Preferred spelling by stem; a key or value of any form (サーバ or サーバー) names the stem. */
function preferenceByStem(preferred: Readonly<Record<string, string>>): Map<string, string> {
  const byStem = new Map<string, string>();
  for (const [key, value] of Object.entries(preferred)) {
    if (typeof value !== 'string' || stemOf(key) !== stemOf(value)) continue;
    byStem.set(stemOf(key), value);
  }
  return byStem;
}

export function decideKatakanaVariants(
  counts: ReadonlyMap<string, number>,
  preferred: Readonly<Record<string, string>>,
  builtin: Readonly<Record<string, string>> = {},
): KatakanaVariantDecision {
  const settings = preferenceByStem(preferred);
  const choices = new Map<string, KatakanaVariantChoice>();
  const all = countWithCompounds(counts);
  for (const [word, longCount] of all) {
    if (!word.endsWith('ー') || word.endsWith('ーー')) continue;
    const stem = word.slice(0, -1);
    const shortCount = all.get(stem) ?? 0;
    if (shortCount === 0 || longCount === 0 || !isCountableStem(stem)) continue;
    const setting = settings.get(stem);
    let keep: string;
    let reason: KatakanaVariantChoice['reason'];
    if (setting === stem || setting === word) {
      keep = setting;
      // 「設定により」 only when a setting chose it, not the built-in 総務省 spellings.
      reason = builtin[stem] === setting || builtin[word] === setting ? 'builtin' : 'setting';
    } else if (longCount !== shortCount) {
      keep = longCount > shortCount ? word : stem;
      reason = 'frequency';
    } else {
      keep = stem;
      reason = 'tie';
    }
    const variant = keep === stem ? word : stem;
    choices.set(variant, {
      variant,
      preferred: keep,
      variantCount: keep === stem ? longCount : shortCount,
      preferredCount: keep === stem ? shortCount : longCount,
      reason,
    });
  }
  return { choices, words: counts };
}

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly choice: KatakanaVariantChoice;
}

/**
 * Visits the words a katakana compound may end or start with: any ending of three or more letters
 * after at least two (ウェブ|サーバー), then beginnings that end with ー (サーバー|ルーム), longest
 * first; `start` is the part's offset in the run. Stops at the first result `visit` returns.
 */
export function findCompoundPart<T>(run: string, visit: (word: string, start: number) => T | undefined): T | undefined {
  for (let k = 2; k <= run.length - MIN_STEM; k++) {
    if (isSmallKatakana(run[k]) || run[k] === 'ー') continue;
    const found = visit(run.slice(k), k);
    if (found !== undefined) return found;
  }
  for (let k = run.length - 1; k > MIN_STEM; k--) {
    if (run[k - 1] !== 'ー' || run[k] === 'ー' || isSmallKatakana(run[k])) continue;
    const found = visit(run.slice(0, k), 0);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Counts of whole words plus the compound parts whose stem also occurs as a word of its own. */
function countWithCompounds(counts: ReadonlyMap<string, number>): Map<string, number> {
  const stems = new Set([...counts.keys()].map(stemOf));
  const total = new Map(counts);
  for (const [word, n] of counts) {
    findCompoundPart(word, (part) => {
      if (stems.has(stemOf(part))) total.set(part, (total.get(part) ?? 0) + n);
      return undefined;
    });
  }
  return total;
}

interface VariantEdges {
  /** Last letters of the variants, as char codes (a run's letter is looked up without a string). */
  readonly last: Set<number>;
  /** First letters of the variants ending in ー. */
  readonly firstOfLong: Set<number>;
  /** Lengths of the variants: a part of another length is not looked up. */
  readonly lengths: Set<number>;
  /** The runs (`WORD_RUN`) that end in a last letter or start with a first letter of a long variant. */
  readonly runs: RegExp;
}

/**
 * The last letters of the variants: a run that ends in none of them (and does not start with a
 * variant ending in ー) holds no variant, which spares most runs the look-up of every part; the
 * run pattern skips those runs natively.
 */
const variantEdges = new WeakMap<ReadonlyMap<string, KatakanaVariantChoice>, VariantEdges>();

function classOf(codes: Set<number>): string {
  return [...codes].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('');
}

export function edgesOf(choices: ReadonlyMap<string, KatakanaVariantChoice>): VariantEdges {
  let edges = variantEdges.get(choices);
  if (!edges) {
    const last = new Set<number>();
    const firstOfLong = new Set<number>();
    const lengths = new Set<number>();
    for (const variant of choices.keys()) {
      last.add(variant.charCodeAt(variant.length - 1));
      if (variant.endsWith('ー')) firstOfLong.add(variant.charCodeAt(0));
      lengths.add(variant.length);
    }
    const starts = firstOfLong.size > 0 ? `[${classOf(firstOfLong)}]|` : '';
    const ends = last.size > 0 ? `[ァ-ヺー]*[${classOf(last)}](?![ァ-ヺー])` : '(?!)';
    const runs = new RegExp(`(?=${starts}${ends})${WORD_RUN}`, 'g');
    edges = { last, firstOfLong, lengths, runs };
    variantEdges.set(choices, edges);
  }
  return edges;
}

/**
 * Where in a katakana run a variant stands: the whole run, its end, or (with ー) its start; the
 * parts in `findCompoundPart`'s order, skipping those no variant can be (by letter or length).
 */
export function hitInRun(
  run: string,
  runStart: number,
  choices: ReadonlyMap<string, KatakanaVariantChoice>,
): Hit | undefined {
  const edges = edgesOf(choices);
  const endings = edges.last.has(run.charCodeAt(run.length - 1));
  const beginnings = edges.firstOfLong.has(run.charCodeAt(0));
  if (!endings && !beginnings) return undefined;
  const whole = choices.get(run);
  if (whole) return { start: runStart, end: runStart + run.length, choice: whole };
  if (endings) {
    for (let k = 2; k <= run.length - MIN_STEM; k++) {
      if (!edges.lengths.has(run.length - k) || isSmallKatakana(run[k]) || run[k] === 'ー') continue;
      const choice = choices.get(run.slice(k));
      if (choice) return { start: runStart + k, end: runStart + run.length, choice };
    }
  }
  if (beginnings) {
    for (let k = run.length - 1; k > MIN_STEM; k--) {
      if (!edges.lengths.has(k) || run[k - 1] !== 'ー' || run[k] === 'ー' || isSmallKatakana(run[k])) continue;
      const choice = choices.get(run.slice(0, k));
      if (choice && choice.variant.endsWith('ー')) return { start: runStart, end: runStart + k, choice };
    }
  }
  return undefined;
}

const OPEN_QUOTES = '「『“"';
const CLOSE_QUOTES = '」』”"';

/** 「ユーザ」と「ユーザー」が混在: both spellings quoted in one line talk about the spelling itself. */
function isQuotedMention(masked: string, hit: Hit): boolean {
  if (!OPEN_QUOTES.includes(masked[hit.start - 1] ?? '_') || !CLOSE_QUOTES.includes(masked[hit.end] ?? '_'))
    return false;
  let from = hit.start;
  while (from > 0 && masked[from - 1] !== '\n') from--;
  let to = hit.end;
  while (to < masked.length && masked[to] !== '\n') to++;
  const line = masked.slice(from, to);
  const preferred = hit.choice.preferred;
  return [...OPEN_QUOTES].some((q, i) => line.includes(q + preferred + CLOSE_QUOTES[i]));
}

/** Whether `a` becomes `b` by inserting, deleting or replacing one character. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The most frequent known word one edit away from `run` (クラウドービス → クラウドサービス). */
function nearKnownWord(run: string, words: ReadonlyMap<string, number> | undefined): string | undefined {
  if (!words) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [word, count] of words) {
    if (word.length < 4 || count <= bestCount || !oneEditApart(run, word) || word.includes('ーー')) continue;
    best = word;
    bestCount = count;
  }
  return best;
}

type CompoundFix = { kind: 'variant' } | { kind: 'near'; word: string } | { kind: 'none' };

/**
 * A variant at the start of a longer run (サーバー|ルーム) is replaced only where what follows is a
 * word of its own (three letters or more, or a known word) or the result is a known word; else the
 * run is a typo rather than a variant (クラウドービス is not クラウドー + ビス: replacing would write
 * クラウドビス), and the fix, if any, is the known word one letter away, for review.
 */
function compoundFix(
  run: string,
  hit: Hit,
  runStart: number,
  words: ReadonlyMap<string, number> | undefined,
): CompoundFix {
  const rest = run.slice(hit.end - runStart);
  if (hit.start !== runStart || rest === '') return { kind: 'variant' };
  const result = hit.choice.preferred + rest;
  if (rest.length >= MIN_STEM || words?.has(rest) || words?.has(result)) return { kind: 'variant' };
  const near = nearKnownWord(run, words);
  return near ? { kind: 'near', word: near } : { kind: 'none' };
}

export function findKatakanaVariants(masked: string, decision: KatakanaVariantDecision): SegmentFinding[] {
  if (decision.choices.size === 0) return [];
  const findings: SegmentFinding[] = [];
  // Only the runs whose edges a variant may stand at.
  const re = edgesOf(decision.choices).runs;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const hit = hitInRun(m[0], m.index, decision.choices);
    if (!hit || isQuotedMention(masked, hit)) continue;
    const { variant, preferred, variantCount, preferredCount, reason } = hit.choice;
    const compound = compoundFix(m[0], hit, m.index, decision.words);
    if (compound.kind === 'near') {
      findings.push(nearWordFinding(m[0], m.index, compound.word));
      continue;
    }
    findings.push({
      code: KATAKANA_VARIANT,
      start: hit.start,
      end: hit.end,
      message:
        reason === 'setting'
          ? {
              ja: '「{variant}」と「{preferred}」の表記が混在しています。設定により「{preferred}」に統一します。',
              en: '"{variant}" and "{preferred}" are both used; the settings prefer "{preferred}".',
            }
          : reason === 'builtin'
            ? {
                ja: '「{variant}」と「{preferred}」の表記が混在しています。総務省のガイドラインの表記「{preferred}」に統一します。',
                en: '"{variant}" and "{preferred}" are both used; government guidelines write "{preferred}".',
              }
            : {
                ja: '「{variant}」（{variantCount}回）と「{preferred}」（{preferredCount}回）の表記が混在しています。「{preferred}」に統一します。',
                en: '"{variant}" ({variantCount}×) and "{preferred}" ({preferredCount}×) are both used; write "{preferred}".',
              },
      args: { variant, preferred, variantCount, preferredCount },
      fixes:
        compound.kind === 'none'
          ? []
          : [
              {
                title: { ja: '「{preferred}」に置き換える', en: 'Replace with "{preferred}"' },
                args: { preferred },
                replacement: preferred,
                start: hit.start,
                end: hit.end,
                safe: true,
              },
            ],
      data: { variant, preferred },
    });
  }
  return findings;
}

/** 「クラウドービス」: a word one letter away from a known word, which the fix writes after review. */
function nearWordFinding(run: string, start: number, word: string): SegmentFinding {
  return {
    code: KATAKANA_VARIANT,
    start,
    end: start + run.length,
    message: {
      ja: '「{actual}」は「{expected}」の誤りではありませんか（文書に「{expected}」があります）。',
      en: '"{actual}" may be a typo of "{expected}" (which the documents use).',
    },
    args: { actual: run, expected: word },
    fixes: [
      {
        title: { ja: '「{expected}」に置き換える', en: 'Replace with "{expected}"' },
        args: { expected: word },
        replacement: word,
        start,
        end: start + run.length,
        safe: false,
      },
    ],
    data: { typo: run, expected: word },
  };
}

export const katakanaVariantDescriptor: RuleDescriptor = {
  code: KATAKANA_VARIANT,
  defaultSeverity: 'information',
  fixable: true,
  title: { ja: 'カタカナ語の長音の揺れ', en: 'Katakana spelling variants' },
  description: {
    ja: '「サーバ／サーバー」のように語末の長音の有無が揺れているカタカナ語を指摘し、設定または多い方の表記に揃えます。',
    en: 'Flags katakana words written both with and without a trailing ー (サーバ/サーバー) and unifies them to the preferred or more frequent spelling.',
  },
};
