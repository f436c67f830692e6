/**
 * Character classes the notation checks share. Japanese script boundaries decide most of the
 * rules (a dash after katakana is a long-mark suspect, after a digit it is a range), so they are
 * defined once here rather than as ad-hoc ranges in each rule.
 */

/** Full-width katakana letters ァ…ヺ (without ー and ・). */
export function isKatakanaLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x30a1 && c <= 0x30fa;
}

/** Full-width katakana letters or the long vowel mark ー: the characters of a katakana word. */
export function isKatakanaWordChar(ch: string | undefined): boolean {
  return ch === 'ー' || isKatakanaLetter(ch);
}

const SMALL_KANA = new Set('ァィゥェォッャュョヮヵヶ');

/** Small katakana: a word never starts with one. */
export function isSmallKatakana(ch: string | undefined): boolean {
  return !!ch && SMALL_KANA.has(ch);
}

export function isHiragana(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e;
}

export function isKanji(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3005 /* 々 */ ||
    c === 0x3006 /* 〆 */ ||
    c === 0x3007 /* 〇 */ ||
    (c >= 0xd840 && c <= 0xd87f) /* high surrogate of CJK extension B… */
  );
}

/** Start of the katakana word run (ァ…ヺ, ー) that ends just before `end`. */
export function katakanaRunStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && isKatakanaWordChar(text[i - 1])) i--;
  return i;
}

/** End of the katakana word run that starts at `start`. */
export function katakanaRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isKatakanaWordChar(text[i])) i++;
  return i;
}

/** Visible form of a character for messages, with its code point when it is easily confused. */
export function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `${ch} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Characters mistaken for the long vowel mark ー (see rules/long-vowel-mark.ts). A katakana run next
 * to one is a fragment of a word (ポリシ in ポリシ｜), not a word.
 */
export const LONG_MARK_LOOKALIKES: ReadonlySet<string> = new Set('｜|丨︱―—‐‑-－−–一ｰ');

/** `LONG_MARK_LOOKALIKES` as the inside of a regex character class. */
export const LONG_MARK_LOOKALIKE_CLASS = [...LONG_MARK_LOOKALIKES]
  .map((c) => (c === '-' || c === '|' ? `\\${c}` : c))
  .join('');
