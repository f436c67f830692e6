/**
 * Applying edits to a text. Fix-all gathers the safe fixes of many findings, which can touch the
 * same characters (two rules on one word); edits are applied in order and an edit overlapping an
 * already accepted one is rejected rather than corrupting the text.
 */
import type { Finding, Fix, TextEdit } from '../findings';
import { LineIndex } from '../text/position';
import { isWordChar } from './soft-breaks';

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface ApplyEditsResult {
  readonly text: string;
  readonly applied: readonly OffsetEdit[];
  /** Edits out of range or overlapping an earlier accepted edit. */
  readonly rejected: readonly OffsetEdit[];
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  // Two insertions at one point have no defined order; touching replacements are fine.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * Sorts the edits by position, rejects the ones that overlap an earlier one or fall outside the
 * text, and applies the rest in one pass.
 */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): ApplyEditsResult {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map((e) => e.edit);
  const applied: OffsetEdit[] = [];
  const rejected: OffsetEdit[] = [];
  for (const edit of sorted) {
    const valid = edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length;
    if (!valid || applied.some((a) => overlaps(a, edit))) rejected.push(edit);
    else applied.push(edit);
  }
  let out = '';
  let cursor = 0;
  for (const edit of applied) {
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return { text: out + text.slice(cursor), applied, rejected };
}

/** `applyOffsetEdits` for LSP-shaped edits (ranges in lines and UTF-16 characters). */
export function applyFixes(text: string, edits: readonly TextEdit[]): ApplyEditsResult {
  const index = new LineIndex(text);
  return applyOffsetEdits(
    text,
    edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText })),
  );
}

const BREAK = /[\r\n]/;

/**
 * Whether an edit spans a line break, writes one, or touches a break inside a wrapped word or
 * sentence (a Japanese letter on both sides): such an edit may join, split or double a word the
 * PDF wrapped (コンピュータリソ⏎ース), so fix-all never applies it, whatever the rule said.
 */
export function touchesLineBreak(text: string, edit: OffsetEdit): boolean {
  if (BREAK.test(text.slice(edit.start, edit.end)) || BREAK.test(edit.newText)) return true;
  const after = text.slice(edit.end, edit.end + 2);
  const breakAfter = after.startsWith('\r\n') ? 2 : BREAK.test(after[0] ?? '') ? 1 : 0;
  if (breakAfter > 0 && isWordChar(text[edit.end + breakAfter]) && isWordChar(text[edit.end - 1])) return true;
  const before = text[edit.start - 1];
  if (before !== undefined && BREAK.test(before)) {
    const prev = text[edit.start - (before === '\n' && text[edit.start - 2] === '\r' ? 3 : 2)];
    if (isWordChar(prev) && isWordChar(text[edit.start])) return true;
  }
  return false;
}

/**
 * The edits of the first safe fix of each finding, whole fixes only: a fix whose edits overlap an
 * earlier chosen fix is skipped (the next fix-all pass picks it up if it still applies).
 */
export function safeFixEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  return safeFixes(text, findings).edits;
}

/** `safeFixEdits` with the findings whose fixes were chosen, so a fix-all can say what it did. */
export function safeFixes(text: string, findings: readonly Finding[]): { edits: TextEdit[]; fixed: Finding[] } {
  const index = new LineIndex(text);
  const chosen: OffsetEdit[] = [];
  const result: TextEdit[] = [];
  const fixed: Finding[] = [];
  for (const finding of findings) {
    const fix: Fix | undefined = finding.fixes?.find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    const offsets = fix.edits.map((e) => ({
      start: index.offsetAt(e.range.start),
      end: index.offsetAt(e.range.end),
      newText: e.newText,
    }));
    if (offsets.some((o) => touchesLineBreak(text, o))) continue;
    if (offsets.some((o) => chosen.some((c) => overlaps(c, o)))) continue;
    if (offsets.some((o, i) => offsets.some((p, j) => i < j && overlaps(o, p)))) continue;
    chosen.push(...offsets);
    result.push(...fix.edits);
    fixed.push(finding);
  }
  return { edits: result, fixed };
}
