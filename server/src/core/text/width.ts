/**
 * Width normalisation. Japanese documents mix full-width and half-width forms of the same digits,
 * letters and brackets (「３．８．１」「（２）」「(注７)」); numbers are compared in one canonical
 * half-width form and displayed as written.
 */

const FULL_WIDTH_ASCII = /[\uff01-\uff5e\u3000]/g;
const halfWidth = (ch: string): string => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/**
 * Full-width ASCII variants (U+FF01–U+FF5E) to ASCII, and the ideographic space to a space. Runs on
 * whole segments: a native replace, not a loop over characters (the loop was a tenth of a cold open).
 */
export function toHalfWidthAscii(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, halfWidth);
}

/**
 * The dashes that separate the parts of a dash-numbered section (「2―6―2」「1-1」「3－1－1」): every
 * hyphen and dash, and ー typed for one. A regex character class, for composing patterns.
 */
export const SECTION_DASH = '[-‐‑–—―−－ー]';
const SECTION_DASHES = new RegExp(`[ \\t\u3000]*${SECTION_DASH}[ \\t\u3000]*`, 'g');

/** A dash-numbered section number in the dotted canonical form: `２―６―２` → `2.6.2`. */
export function dashedToDotted(text: string): string {
  return normalizeNumber(text.replace(SECTION_DASHES, '.'));
}

/**
 * Canonical form of a section or item number: half-width digits and brackets, 「．」「・」 and
 * similar separators as `.`, no spaces, no trailing dot. `３．８．１．` → `3.8.1`, `（２）` → `(2)`.
 */
export function normalizeNumber(text: string): string {
  return toHalfWidthAscii(text)
    .replace(/[．｡。・･]/g, '.')
    .replace(/\s+/g, '')
    .replace(/\.+$/, '');
}

/** Key for comparing titles width-, space- and punctuation-insensitively. */
export function titleKey(text: string): string {
  let key = titleKeys.get(text);
  if (key === undefined) {
    key = toHalfWidthAscii(text)
      .normalize('NFKC')
      .replace(/[\s　「」『』]/g, '')
      .toLowerCase();
    // Titles repeat on every version of a document: remember a bounded number of them.
    if (titleKeys.size > 50000) titleKeys.clear();
    titleKeys.set(text, key);
  }
  return key;
}
const titleKeys = new Map<string, string>();

const CIRCLED_BASE: ReadonlyArray<readonly [number, number, number]> = [
  [0x2460, 0x2473, 1], // ①–⑳
  [0x3251, 0x325f, 21], // ㉑–㉟
  [0x32b1, 0x32bf, 36], // ㊱–㊿
];

/** Value of a circled number ①…㊿, or undefined. */
export function circledValue(ch: string): number | undefined {
  const code = ch.codePointAt(0);
  if (code === undefined) return undefined;
  for (const [from, to, base] of CIRCLED_BASE) if (code >= from && code <= to) return base + code - from;
  return undefined;
}

/** The circled character for 1…50, or undefined outside that range. */
export function circledChar(value: number): string | undefined {
  for (const [from, to, base] of CIRCLED_BASE) {
    if (value >= base && value <= base + (to - from)) return String.fromCodePoint(from + value - base);
  }
  return undefined;
}

/** Iroha-order katakana used as third-level item labels (ア, イ, ウ …). */
export const KATAKANA_ITEM_LABELS =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';

/** Kanji numerals used for article items (一, 二 …) up to 99. */
export function kanjiNumeralValue(text: string): number | undefined {
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!/^[一二三四五六七八九十]+$/.test(text)) return undefined;
  const tenIndex = text.indexOf('十');
  if (tenIndex < 0) return text.length === 1 ? digits[text] : undefined;
  if (text.indexOf('十', tenIndex + 1) >= 0) return undefined;
  const tens = tenIndex === 0 ? 1 : text.length >= 2 && tenIndex === 1 ? digits[text[0]] : undefined;
  const ones = tenIndex === text.length - 1 ? 0 : digits[text.slice(tenIndex + 1)];
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}

/** A numeral as written in a label: Arabic digits of either width (３, 12) or kanji (十二). */
export function numeralValue(text: string): number | undefined {
  const ascii = toHalfWidthAscii(text);
  return /^\d+$/.test(ascii) ? Number(ascii) : kanjiNumeralValue(text);
}
