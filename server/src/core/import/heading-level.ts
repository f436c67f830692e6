/**
 * The Markdown heading level a numbered heading gets, from its numbering alone, so that every
 * import (PDF or Word, whatever the source's own styles) nests the same way:
 *   # title · ## 第3章 / 3 · ### 3.6 / 第3節 / 第3条 · #### 3.6.2 · ##### 3.6.2.1
 * Municipal numbering with dashes (２―６―２) counts like dots (parseHeadingNumber reads it).
 */
import { parseHeadingNumber } from '../model/markers';

const SUB_CHAPTER: Record<string, number> = { 編: 2, 部: 2, 章: 2, 節: 3, 款: 4 };

export interface NumberedHeading {
  readonly level: number;
  /** The number as written, for matching against the table of contents. */
  readonly label: string;
  readonly title: string;
}

/** Numbering at the start of `text` and the level it implies; null when the text is not numbered. */
export function numberedHeading(text: string, allowInteger = true): NumberedHeading | null {
  const trimmed = text.trim();
  const number = parseHeadingNumber(trimmed, allowInteger);
  if (!number) return null;
  let level: number;
  if (number.kind === 'chapter') level = SUB_CHAPTER[/第.+?(編|部|章|節|款)/.exec(number.label)?.[1] ?? '章'] ?? 2;
  else if (number.kind === 'article') level = 3;
  else level = Math.min(6, number.number.split('.').length + 1);
  return { level, label: number.label, title: number.title };
}

/** A key that equals for the same heading written with full- or half-width digits and spacing. */
export function headingKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[―‐－—–ー-]/g, '-');
}
