/**
 * Text extracted from a PDF table breaks every line at the column edge. Readers (and term search)
 * want the sentences back, while the author's own line breaks (list items, headings, one sentence
 * per line in responses) should stay. Decisions:
 *
 * - Blank lines separate paragraphs and stay as one blank line.
 * - Two lines of a paragraph are joined (soft break) unless the break is "hard":
 *   the line ends a sentence (。！？), the line is visibly shorter than the column (the author broke
 *   it: width < 80 % of the column), the line is a heading (▼…, 【…】, a lone item marker), or the
 *   next line opens a list item or label (・, ▼, ※, http…, ideographic-space indent, 「理由：」).
 * - A soft join inserts nothing between Japanese characters and one space between two ASCII words;
 *   a URL broken across lines is rejoined without a space.
 *
 * Item markers such as （１） or 【例文】 at a line start do not force a break on their own: in
 * responses they are usually the continuation of a cross reference (「3.6.1 …」\n【例文】（14）).
 */

/** Code units that count 2: all but Latin-1 and half-width katakana (U+FF61–FF9F). */
const WIDE = /[\u0100-\uff60\uffa0-\uffff]+/g;
const SURROGATE = /[\ud800-\udfff]/;

/** Display width in half-width cells: wide (full-width) characters count 2. */
export function displayWidth(text: string): number {
  // Without surrogates every code unit is a character: narrow ones (what removing the wide ones
  // leaves) count 1, the rest 2. Two native passes instead of a string iterator, which made a
  // string per character (a 14 KB comment text spent 2-14 ms here in a fresh process).
  if (!SURROGATE.test(text)) return 2 * text.length - text.replace(WIDE, '').length;
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code > 0xff && !(code >= 0xff61 && code <= 0xff9f) ? 2 : 1;
  }
  return width;
}

/** Estimate of a column's width from its lines: the 95th percentile, robust to one long outlier. */
export function estimateColumnWidth(lines: readonly string[]): number {
  const widths = lines.map((l) => displayWidth(l.trimEnd())).filter((w) => w > 0);
  if (widths.length === 0) return 0;
  widths.sort((a, b) => a - b);
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.95))];
}

const FULL_RATIO = 0.8;
const SENTENCE_END = /[。！？!?][」』）)]*$/;
const HEADING = /^(?:[▼▽■□●○◆◇＜<].*|【[^】]*】|[(（][0-9０-９ア-ン]{1,3}[)）]|-{4,}|[-ー―─━=＝]{4,})$/;
const STRONG_START = /^(?:[・▼▽■□●○◆◇※＊*]|\u3000|https?:\/\/|[-ー―─━=＝]{4,}|[^\s、。：:「」]{1,8}[：:])/;
const URL_AT_END = /https?:\/\/\S*$/;
const ASCII_WORD_END = /[A-Za-z0-9,.;)\]]$/;
const ASCII_WORD_START = /^[A-Za-z0-9([]/;

function isHardBreak(line: string, next: string, column: number): boolean {
  const current = line.trimEnd();
  if (SENTENCE_END.test(current)) return true;
  if (column > 0 && displayWidth(current) < column * FULL_RATIO) return true;
  if (HEADING.test(current.trim())) return true;
  return STRONG_START.test(next);
}

export function softJoin(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.replace(/^[ \t]+/, '');
  if (URL_AT_END.test(a)) return a + b;
  return ASCII_WORD_END.test(a) && ASCII_WORD_START.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Joins wrapped lines. `column` is the column width in half-width cells (0: join only at
 * sentence/heading/marker rules, as if every line were full).
 */
export function unwrapLines(lines: readonly string[], column: number): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  // `pending` is the logical line being built; `last` its last physical line, whose width counts.
  let pending: string | null = null;
  let last = '';
  const flush = () => {
    if (pending !== null) current.push(pending.trimEnd());
    if (current.length > 0) paragraphs.push(current.join('\n'));
    current = [];
    pending = null;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (pending === null) pending = line;
    else if (isHardBreak(last, line, column)) {
      current.push(pending.trimEnd());
      pending = line;
    } else pending = softJoin(pending, line);
    last = line;
  }
  flush();
  return paragraphs.join('\n\n');
}
