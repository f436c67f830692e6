/**
 * 該当箇所 as public comments write it: 「3.8.1 （解説）（2）⑬（注7）（107ページ）」, 「1.6.1 図表5」,
 * 「３．６．１ 【例文】（６）」. Tokens are recognised anywhere in the string and unknown words (a
 * section title, 「6行目」) are skipped, so the structured fields hold only what was understood and
 * `raw` keeps everything.
 *
 * Decision: an empty string (or a placeholder such as `-`) is no location → null. Any other text is
 * a LocationPath; text without a section number (「全般」「その他」) has `section: null` and counts as a
 * general comment.
 */
import { circledValue, dashedToDotted, SECTION_DASH, toHalfWidthAscii } from '../text/width';
import type { LocationPath, PartName } from './model';

const EMPTY_PLACEHOLDERS = new Set(['', '-', '－', '—', '―', 'ー', 'なし', '無し', 'N/A', 'n/a']);

/** Katakana item labels ア, イ … standing alone (not the first letter of a word like アクセス). */
const KATAKANA_ITEM =
  /[アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン](?![ァ-ヺー・])/y;

interface TokenRule {
  readonly pattern: RegExp;
  readonly apply: (match: RegExpExecArray, into: LocationPath) => void;
}

const SECTION_RULE: TokenRule = {
  // 3.8.1 / 3.6.3. / a bare chapter number before a space; only the first one is the location.
  pattern: /(\d+(?:\.\d+)+)\.?(?![\d.])|(\d+)(?=\s|$|[(【[〔])/y,
  apply: (m, into) => {
    if (into.section === null) into.section = m[1] ?? m[2];
  },
};

/** 第3章 → `3` and 第57条 → `第57条`, the canonical numbers of model/markers.ts; 第2項 after it is skipped. */
const CHAPTER_RULE: TokenRule = {
  pattern: /第\s*(\d+)\s*(章|条)(?:\s*の\s*(\d+))?/y,
  apply: (m, into) => {
    if (into.section === null) into.section = m[2] === '章' ? m[1] : `第${m[1]}${m[3] ? `の${m[3]}` : ''}条`;
  },
};

/** Tried in order at each position; every pattern is sticky and works on half-width text. */
const RULES: readonly TokenRule[] = [
  CHAPTER_RULE,
  {
    // (107ページ) 107頁 p.107 P107 (p107)
    pattern: /[(【]?\s*(?:[pP]\.?\s*(\d+)|(\d+)\s*(?:ページ|頁))(?:目)?\s*[)】]?/y,
    apply: (m, into) => {
      if (into.page === null) into.page = Number(m[1] ?? m[2]);
    },
  },
  {
    pattern: /[(【[〔]\s*(趣旨|例文|解説)\s*[)】\]〕]|(趣旨|例文|解説)/y,
    apply: (m, into) => {
      if (into.part === null) into.part = (m[1] ?? m[2]) as PartName;
    },
  },
  { pattern: /\(?注\s*(\d+)\)?/y, apply: (m, into) => void into.items.push(`(注${m[1]})`) },
  { pattern: /(図表|図|表)\s*(\d+)/y, apply: (m, into) => void into.items.push(`${m[1]}${m[2]}`) },
  { pattern: /\(\s*(\d+|[ア-ン]|[a-zA-Z])\s*\)/y, apply: (m, into) => void into.items.push(`(${m[1]})`) },
  SECTION_RULE,
  {
    pattern: /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/y,
    apply: (m, into) => {
      if (circledValue(m[0]) !== undefined) into.items.push(m[0]);
    },
  },
  { pattern: KATAKANA_ITEM, apply: (m, into) => void into.items.push(m[0]) },
];

/** 「の」 joins places as in 「P.12の図表3」「3.6.2の(2)」. */
const SEPARATOR = /[\s、,・:：の]+/y;
/** An unrecognised word: up to the next separator or opening bracket. */
const UNKNOWN_WORD = /[^\s、,・:：の(【[〔]+|./y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m && m[0].length > 0 ? m : null;
}

/**
 * The tokens of `text` from left to right, separators skipped: each with the first rule (in RULES
 * order) that reads it, or null for a word no rule reads (then skipped).
 */
function* tokens(text: string): Generator<{ rule: TokenRule; match: RegExpExecArray } | null> {
  let at = 0;
  while (at < text.length) {
    const sep = matchAt(SEPARATOR, text, at);
    if (sep) {
      at += sep[0].length;
      continue;
    }
    let token: { rule: TokenRule; match: RegExpExecArray } | null = null;
    for (const rule of RULES) {
      const match = matchAt(rule.pattern, text, at);
      if (match) {
        token = { rule, match };
        break;
      }
    }
    at += (token?.match ?? matchAt(UNKNOWN_WORD, text, at)!)[0].length;
    yield token;
  }
}

const MUNICIPAL_NUMBER = new RegExp(`(?<![\\d.])\\d{1,3}(?:\\s*${SECTION_DASH}\\s*\\d{1,3}){1,3}(?![\\d.])`, 'g');

export function parseLocation(raw: string): LocationPath | null {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  if (EMPTY_PLACEHOLDERS.has(collapsed)) return null;
  const text = toHalfWidthAscii(collapsed)
    .replace(/[．｡。]/g, '.')
    // Municipal numbering 「2―6―2」「2-6-2」 with any dash is the section 2.6.2.
    .replace(MUNICIPAL_NUMBER, dashedToDotted);
  const result: LocationPath = { raw: collapsed, section: null, part: null, items: [], page: null };
  for (const token of tokens(text)) token?.rule.apply(token.match, result);
  return result;
}

/**
 * True when a line holds nothing but location tokens without a section (a page line
 * `（107ページ）`, items `（14）（15）`): the published layout continues a 該当箇所 that way.
 */
export function isLocationContinuation(line: string): boolean {
  const text = toHalfWidthAscii(line.trim());
  if (!text) return false;
  // No rule after the section rule reads a digit, so a token read as a section is one no other
  // rule reads: the line names a section and is no continuation.
  for (const token of tokens(text)) if (!token || token.rule === SECTION_RULE) return false;
  return true;
}

/** Numeric order of section numbers (`3.6` < `3.6.1` < `3.10`); null (general) sorts last. */
export function compareSections(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (i >= pa.length) return -1;
    if (i >= pb.length) return 1;
    if (pa[i] !== pb[i]) return pa[i] - pb[i];
  }
  return 0;
}

const PAGE_WORDS = String.raw`(?:[PpＰｐ][.．]?\s*[0-9０-９]+|[0-9０-９]+\s*(?:頁|ページ))`;
const SECTION_WORDS = String.raw`(?:第\s*[0-9０-９]+\s*[章条](?:第\s*[0-9０-９]+\s*項)?|[0-9０-９]+(?:[.．][0-9０-９]+)+)`;
const DETAIL_WORDS = String.raw`(?:\s*(?:[（(][^）)]{1,6}[）)]|【[^】]{1,6}】|[①-⑳]))*`;
const FIGURE_WORDS = String.raw`(?:図表|図|表)\s*[0-9０-９]+`;
/**
 * A place written at the start of an opinion: 「3.8.1について」「P.12 3.6.2 の…」「第3章について」
 * 「P.12の図表3の説明について」「図表5の…」「12ページについて」.
 */
const LEADING_PLACE = new RegExp(
  String.raw`^[\s【［[「『]*(` +
    String.raw`(?:${PAGE_WORDS}[\s\u3000]*(?:の\s*)?)?(?:${SECTION_WORDS}${DETAIL_WORDS}(?:\s*(?:の\s*)?${FIGURE_WORDS})?|${FIGURE_WORDS})` +
    String.raw`|${PAGE_WORDS}(?=\s*(?:について|の記載|の記述|、))` +
    ')',
);
/**
 * An opinion about the whole document: 「全体として」「全体的に」「資料全体について」「全般について」.
 * Only as its opening words, so that 「全体最適の観点から…」 is not read as one.
 */
const GENERAL_OPENING =
  /^[\s【［[「『]*((?:全体として|全体的に|全般的に|全般として)|(?:資料全体|素案全体|案全体|全体|全般)(?=\s*(?:について|に対して|を通じて|、|,|，)))/;

/**
 * The place an opinion names in its first words, for tables without a 該当箇所 column, marked
 * `inferred`; a 「全体として」 opening is a general place. Null when the opinion names none.
 */
export function locationFromOpinion(opinion: string): LocationPath | null {
  const head = opinion.slice(0, 60);
  const general = GENERAL_OPENING.exec(head);
  if (general) return { raw: general[1], section: null, part: null, items: [], page: null, inferred: true };
  const m = LEADING_PLACE.exec(head);
  if (!m) return null;
  const location = parseLocation(m[1]);
  if (!location || (location.section === null && location.items.length === 0 && location.page === null)) return null;
  return { ...location, inferred: true };
}
