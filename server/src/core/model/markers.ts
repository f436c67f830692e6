/**
 * Recognisers for the numbering conventions of Japanese guidelines and the policies derived from
 * them. Each returns the number in canonical form (for comparison) and as written (for display).
 */
import {
  circledValue,
  dashedToDotted,
  kanjiNumeralValue,
  KATAKANA_ITEM_LABELS,
  normalizeNumber,
  numeralValue,
  SECTION_DASH,
  toHalfWidthAscii,
} from '../text/width';

export type PartName = '趣旨' | '例文' | '解説';

const DIGITS = '[0-9０-９]';
const SPACE = '[ \\t\\u3000]';

export interface HeadingNumber {
  readonly kind: 'chapter' | 'section' | 'article';
  /** Canonical: `3.6.2`, `3` for 第3章 and `1 組織体制`, `第1編` for other chapter-like labels. */
  readonly number: string;
  /** As written: `３．６．２`, `第3章`, `第3条`. */
  readonly label: string;
  readonly title: string;
  /** Length of the label in the text, from the start. */
  readonly labelLength: number;
}

const CHAPTER = new RegExp(`^第(${DIGITS}+|[一二三四五六七八九十]+)(章|編|節|款|部)${SPACE}*`);
const ARTICLE = new RegExp(`^第(${DIGITS}+|[一二三四五六七八九十百]+)条(?:の(${DIGITS}+))?${SPACE}*`);
const DOTTED = new RegExp(`^(${DIGITS}+(?:[.．]${DIGITS}+)+)[.．]?(?:${SPACE}+|(?=[^0-9０-９.．\\s]))`);
/**
 * Dash-numbered sections: 「1-1 目的」「3-1-1 …」 (個人情報保護委員会's guidelines), 「2―6―2」 (policies that
 * mirror the guideline). Parts of one to three digits, so years and ranges such as 2024-2025 stay text;
 * a unit right after the number (「2-3月」) makes it a date, not a section.
 */
const DASHED = new RegExp(
  `^(${DIGITS}{1,3}(?:${SECTION_DASH}${DIGITS}{1,3})+)[.．]?(?:${SPACE}+|(?=[^0-9０-９.．\\s年月日時分％%]))`,
);
const INTEGER = new RegExp(`^(${DIGITS}{1,3})[.．]?${SPACE}+(?=\\S)`);

const HEADING_START = /^[0-9０-９第]/;

/** Number at the start of a heading text. `allowInteger` admits municipal `1 組織体制`. */
export function parseHeadingNumber(text: string, allowInteger = true): HeadingNumber | null {
  // Every form opens with a digit or 第: most paragraphs are rejected by one character.
  if (!HEADING_START.test(text)) return null;
  let match = CHAPTER.exec(text);
  if (match) {
    const value = numeralValue(match[1]);
    if (value === undefined) return null;
    const label = match[0].trimEnd();
    return {
      kind: 'chapter',
      number: match[2] === '章' ? String(value) : `第${value}${match[2]}`,
      label,
      title: text.slice(match[0].length).trim(),
      labelLength: label.length,
    };
  }
  match = ARTICLE.exec(text);
  if (match) {
    const value = numeralValue(match[1]);
    if (value === undefined) return null;
    const label = match[0].trimEnd();
    const rest = text.slice(match[0].length).trim();
    const title = /^[（(](.*)[）)]$/.exec(rest)?.[1] ?? rest;
    return {
      kind: 'article',
      number: `第${value}${match[2] ? `の${normalizeNumber(match[2])}` : ''}条`,
      label,
      title,
      labelLength: label.length,
    };
  }
  match = DASHED.exec(text);
  if (match) {
    const written = match[0].replace(/[ \t\u3000]+$/, '');
    return {
      kind: 'section',
      number: dashedToDotted(match[1]),
      label: written,
      title: text.slice(match[0].length).trim(),
      labelLength: written.length,
    };
  }
  match = DOTTED.exec(text) ?? (allowInteger ? INTEGER.exec(text) : null);
  if (match) {
    const written = match[0].replace(/[ \t\u3000]+$/, '');
    return {
      kind: 'section',
      number: normalizeNumber(match[1]),
      label: written,
      title: text.slice(match[0].length).trim(),
      labelLength: written.length,
    };
  }
  return null;
}

export interface PartMarker {
  readonly part: PartName;
  readonly label: string;
  /** Offset of the marker in the given text and its end. */
  readonly start: number;
  readonly end: number;
  /** True when nothing but emphasis and spaces surrounds the marker. */
  readonly alone: boolean;
}

const PART = /^([*_]{0,3})[ \u3000]*(【(趣旨|例文|解説)】|[（(](趣旨|例文|解説)[）)])/;

export function parsePartMarker(text: string): PartMarker | null {
  const match = PART.exec(text);
  if (!match) return null;
  const start = match[0].length - match[2].length;
  const rest = text
    .slice(match[0].length)
    .replace(/^[*_]{0,3}/, '')
    .trim();
  return {
    part: (match[3] ?? match[4]) as PartName,
    label: match[2],
    start,
    end: match[0].length,
    alone: rest.length === 0,
  };
}

type ItemKind = 'item' | 'note' | 'figure' | 'clause';

export interface ItemMarker {
  readonly kind: ItemKind;
  /** 1 for (1), 2 for ①, 3 for ア, 4 for (a); article clauses `2` are 1 and their items 一 are 2. */
  readonly level: number;
  /** Canonical key: `(2)`, `⑬`, `ア`, `(a)`, `(注7)`, `図表5`, `2`, `一`. */
  readonly key: string;
  /** Position in its sequence, for numbering checks. */
  readonly value: number;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly title: string;
}

const LEAD = '^([ \\u3000]*)';
const PAREN_NUMBER = new RegExp(`${LEAD}([（(](${DIGITS}{1,3})[）)])`);
const NOTE = new RegExp(`${LEAD}([（(]?注${SPACE}*(${DIGITS}{1,3})[）)])`);
const FIGURE = new RegExp(`${LEAD}((図表|図|表)${SPACE}?(${DIGITS}{1,3}))(?![0-9０-９.．])`);
const KATAKANA = new RegExp(`${LEAD}([（(]([${KATAKANA_ITEM_LABELS}])[）)]|([${KATAKANA_ITEM_LABELS}])(?=${SPACE}))`);
/** (a) (b) …, the level below ア in 政府機関等の統一基準 and the 公用文 order (… → a → (a)). */
const LATIN = new RegExp(`${LEAD}([（(]([a-zａ-ｚ])[）)])`);
const CIRCLED = new RegExp(`${LEAD}([\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf])`);
const CLAUSE = new RegExp(`${LEAD}(${DIGITS}{1,2})${SPACE}+(?=\\S)`);
const KANJI_ITEM = new RegExp(`${LEAD}([一二三四五六七八九十]{1,3})${SPACE}+(?=\\S)`);

/**
 * What follows 図表N in a caption: nothing, or a space (or a colon) and a title, a noun phrase.
 * 「図表2に示す情報資産とする。」 is a sentence that refers to the figure, not its caption.
 */
function isCaption(rest: string): boolean {
  const line = rest.split(/\r?\n|\r/, 1)[0];
  if (line.trim() === '') return true;
  if (!/^[ \t\u3000：:]/.test(line)) return false;
  const title = line.replace(/^[ \t\u3000：:]+/, '').trimEnd();
  return !/^[\u3041-\u3096]/.test(title) && !/[。．]$/.test(title);
}

function marker(
  kind: ItemKind,
  level: number,
  key: string,
  value: number,
  match: RegExpExecArray,
  labelGroup: string,
  text: string,
): ItemMarker {
  const start = match[1].length;
  const end = start + labelGroup.length;
  return { kind, level, key, value, label: labelGroup, start, end, title: text.slice(end).trim() };
}

/** What every item, note or figure label opens with: most paragraphs are rejected by one character. */
const ITEM_START = new RegExp(
  `^[ \\u3000]*[（(注図表\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf${KATAKANA_ITEM_LABELS}0-9０-９一二三四五六七八九十]`,
);

/**
 * Item, note or figure marker at the start of a paragraph's text (emphasis stripped by the
 * caller). `inArticle` admits the clause (`2`) and kanji item (`一`) forms of articles.
 */
export function parseItemMarker(text: string, inArticle = false): ItemMarker | null {
  if (!ITEM_START.test(text)) return null;
  let match = NOTE.exec(text);
  if (match) {
    const value = Number(toHalfWidthAscii(match[3]));
    return marker('note', 0, `(注${value})`, value, match, match[2], text);
  }
  match = PAREN_NUMBER.exec(text);
  if (match) {
    const value = Number(toHalfWidthAscii(match[3]));
    return marker('item', 1, `(${value})`, value, match, match[2], text);
  }
  match = CIRCLED.exec(text);
  if (match) return marker('item', 2, match[2], circledValue(match[2])!, match, match[2], text);
  match = FIGURE.exec(text);
  if (match && isCaption(text.slice(match[0].length))) {
    const value = Number(toHalfWidthAscii(match[4]));
    return marker('figure', 0, `${match[3]}${value}`, value, match, match[2], text);
  }
  match = KATAKANA.exec(text);
  if (match) {
    const letter = match[3] ?? match[4];
    return marker('item', 3, letter, KATAKANA_ITEM_LABELS.indexOf(letter) + 1, match, match[2], text);
  }
  match = LATIN.exec(text);
  if (match) {
    const letter = toHalfWidthAscii(match[3]);
    return marker('item', 4, `(${letter})`, letter.charCodeAt(0) - 96, match, match[2], text);
  }
  if (inArticle) {
    match = CLAUSE.exec(text);
    if (match) {
      const value = Number(toHalfWidthAscii(match[2]));
      return marker('clause', 1, String(value), value, match, match[2], text);
    }
    match = KANJI_ITEM.exec(text);
    if (match) {
      const value = kanjiNumeralValue(match[2]);
      if (value !== undefined) return marker('item', 2, match[2], value, match, match[2], text);
    }
  }
  return null;
}

/** Canonical key of an item as public comments write it: `（２）` → `(2)`, `（注７）` → `(注7)`. */
export function normalizeItemKey(text: string): string {
  const marker = parseItemMarker(text.trim() + ' ', false);
  if (marker) return marker.key;
  return normalizeNumber(text);
}
