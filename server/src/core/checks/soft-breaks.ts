/**
 * Paragraphs with their soft line breaks joined, for the word-level checks. Text converted from a
 * PDF keeps the PDF's wraps, often inside a word (コンピュータリソ⏎ースを): a check that read the
 * two halves as words reported 「コンピュータリソ」 as a variant and its fix doubled the long vowel.
 * Word-level rules therefore see the paragraph joined (a wrap between two Japanese letters is no
 * boundary) and their offsets are mapped back to the original; a fix whose word crosses such a
 * wrap, or whose edit touches one, is never applied without review.
 */
import type { SegmentFinding, SegmentFix } from './types';

/** A segment with its soft breaks removed and the places they were removed. */
export interface JoinedView {
  readonly text: string;
  readonly masked: string;
  /** Joined offsets at which a break was removed, ascending. */
  readonly cuts: readonly number[];
  /** Characters removed up to and including each cut (`\n` counts 1, `\r\n` 2). */
  readonly removedUpTo: readonly number[];
}

/**
 * Letters a Japanese word is made of: kana, ー, kanji, full-width letters and digits, half-width
 * katakana and the full-width look-alikes of ー (｜－). A wrap between two of them is inside a word
 * or a sentence; punctuation (。、「」（）), spaces and ASCII end a line for good.
 */
const WORD_CHAR =
  /[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uff9f\uff5c\uff0d\u3005]/;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/**
 * Lines that start a block or an item of their own even after a Japanese letter: ア　…, 第3条 …
 * Matched at the line start in the whole text; the bound on the 第 number keeps the match within the
 * 12 characters the rule looks at.
 */
const OWN_LINE_START_AT =
  /(?:[ア-ンｱ-ﾝ][ \u3000.．)）]|第[0-9０-９一二三四五六七八九十百千]{1,10}[編章節款条項]|図表[0-9０-９]|[表図][0-9０-９])/y;

/** A heading or a table row, at a line start: both start with ASCII after spaces. */
const HEADING_OR_ROW_AT = /[ \t]*[#|]/y;

/**
 * A line break between two word letters: only such a break can be soft. Its letters are single
 * UTF-16 units, so the break starts one unit after the match.
 */
const WORD_BREAK = new RegExp(`${WORD_CHAR.source}(\\r\\n|\\r|\\n)(?=${WORD_CHAR.source})`, 'g');

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Start of the line that ends at `breakStart`. */
function lineStartBefore(masked: string, breakStart: number, hasCarriageReturn: boolean): number {
  if (!hasCarriageReturn) return masked.lastIndexOf('\n', breakStart - 1) + 1;
  let lineStart = breakStart;
  while (lineStart > 0 && masked[lineStart - 1] !== '\n' && masked[lineStart - 1] !== '\r') lineStart--;
  return lineStart;
}

/**
 * Whether the break [breakStart, next) between two word letters is soft: a wrap inside a
 * paragraph's word or sentence.
 */
function isSoftBreak(masked: string, breakStart: number, next: number, hasCarriageReturn: boolean): boolean {
  // A heading or a table row ends at its line; both start with ASCII, so only the next line needs a look.
  if (matchesAt(HEADING_OR_ROW_AT, masked, lineStartBefore(masked, breakStart, hasCarriageReturn))) return false;
  return !matchesAt(OWN_LINE_START_AT, masked, next);
}

/** The segment with its soft breaks removed; `masked` decides where they are, `text` follows. */
export function joinSoftBreaks(text: string, masked: string): JoinedView {
  const cuts: number[] = [];
  const removedUpTo: number[] = [];
  const hasCarriageReturn = masked.includes('\r');
  let removed = 0;
  let cursor = 0;
  let joinedText = '';
  let joinedMasked = '';
  let m: RegExpExecArray | null;
  WORD_BREAK.lastIndex = 0;
  while ((m = WORD_BREAK.exec(masked))) {
    const breakStart = m.index + 1;
    const next = breakStart + m[1].length;
    if (!isSoftBreak(masked, breakStart, next, hasCarriageReturn)) continue;
    joinedText += text.slice(cursor, breakStart);
    joinedMasked += masked.slice(cursor, breakStart);
    cursor = next;
    removed += m[1].length;
    cuts.push(next - removed);
    removedUpTo.push(removed);
  }
  if (cuts.length === 0) return { text, masked, cuts, removedUpTo };
  return {
    text: joinedText + text.slice(cursor),
    masked: joinedMasked + masked.slice(cursor),
    cuts,
    removedUpTo,
  };
}

/** Index of the last cut at or before `offset`, or -1. */
function lastCutAtOrBefore(view: JoinedView, offset: number): number {
  let low = 0;
  let high = view.cuts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (view.cuts[mid] <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The original offset of a joined offset; an end offset at a cut stays before the removed break. */
export function originalOffset(view: JoinedView, offset: number, side: 'start' | 'end' = 'start'): number {
  if (view.cuts.length === 0) return offset;
  const i = lastCutAtOrBefore(view, side === 'end' ? offset - 1 : offset);
  return offset + (i >= 0 ? view.removedUpTo[i] : 0);
}

/** Whether a cut lies strictly inside [start, end), or (`touching`) at either end of it. */
export function hasCut(view: JoinedView, start: number, end: number, touching: boolean): boolean {
  if (view.cuts.length === 0) return false;
  const i = lastCutAtOrBefore(view, end);
  if (i < 0) return false;
  const cut = view.cuts[i];
  if (touching) return cut >= start;
  if (cut > start && cut < end) return true;
  const before = i > 0 ? view.cuts[i - 1] : -1;
  return cut === end && before > start;
}

const KATAKANA_WORD = /[\u30a1-\u30fa\u30fc\uff66-\uff9f\uff5c\uff0d\u2010-\u2015]/;

/** The katakana word around [start, end) (with look-alikes of ー), or the range itself. */
function wordExtent(masked: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s > 0 && KATAKANA_WORD.test(masked[s - 1])) s--;
  while (e < masked.length && KATAKANA_WORD.test(masked[e])) e++;
  return [s, e];
}

function mapFix(view: JoinedView, fix: SegmentFix, wordCrossed: boolean): SegmentFix | undefined {
  let { start, end, replacement } = fix;
  if (hasCut(view, start, end, false)) {
    // Keep the break where it is: trim what the fix leaves unchanged; if the change itself still
    // spans the break, offer no fix (it would have to move text across lines).
    const old = view.text.slice(start, end);
    let head = 0;
    while (head < old.length && head < replacement.length && old[head] === replacement[head]) head++;
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < replacement.length - head &&
      old[old.length - 1 - tail] === replacement[replacement.length - 1 - tail]
    )
      tail++;
    start += head;
    end -= tail;
    replacement = replacement.slice(head, replacement.length - tail);
    if (hasCut(view, start, end, false)) return undefined;
  }
  const safe = fix.safe && !wordCrossed && !hasCut(view, start, end, true);
  return {
    ...fix,
    replacement,
    start: originalOffset(view, start, 'start'),
    end: start === end ? originalOffset(view, start, 'start') : originalOffset(view, end, 'end'),
    safe,
  };
}

/** A finding made on the joined view, in the segment's own offsets. */
export function mapFindingToOriginal(view: JoinedView, finding: SegmentFinding): SegmentFinding {
  if (view.cuts.length === 0) return finding;
  const [ws, we] = wordExtent(view.masked, finding.start, finding.end);
  const wordCrossed = hasCut(view, ws, we, false);
  const mapRange = <T extends { start: number; end: number }>(r: T): T => ({
    ...r,
    start: originalOffset(view, r.start, 'start'),
    end: r.start === r.end ? originalOffset(view, r.start, 'start') : originalOffset(view, r.end, 'end'),
  });
  const fixes = finding.fixes
    ?.map((fix) => mapFix(view, fix, wordCrossed))
    .filter((f): f is SegmentFix => f !== undefined);
  return {
    ...mapRange(finding),
    ...(finding.related ? { related: finding.related.map(mapRange) } : {}),
    ...(fixes ? { fixes } : {}),
  };
}
