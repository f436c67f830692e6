/**
 * A paragraph, matched from its first line's start: non-blank lines (a blank line holds only
 * spaces, tabs and U+3000) joined by line breaks. One native search per paragraph instead of a copy
 * and a test per line; a match cannot start inside a line, since a line it fails at is blank.
 */
const PARAGRAPH = /[^\r\n]*[^ \t\u3000\r\n][^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*[^ \t\u3000\r\n][^\r\n]*)*/g;

/** Paragraphs of a text: runs of non-blank lines, as [start, end) offsets in order; an end is the next line's start. */
export function paragraphRanges(text: string): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  const re = PARAGRAPH;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let end = m.index + m[0].length;
    // The paragraph keeps the line break after its last line.
    if (text.charCodeAt(end) === 0x0d) end += text.charCodeAt(end + 1) === 0x0a ? 2 : 1;
    else if (text.charCodeAt(end) === 0x0a) end += 1;
    result.push([m.index, end]);
    re.lastIndex = end;
  }
  return result;
}

/** The paragraph containing `index` (or an empty range at `index` when it is on a blank line). */
export function paragraphAt(paragraphs: ReadonlyArray<readonly [number, number]>, index: number): [number, number] {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [s, e] = paragraphs[mid];
    if (index < s) high = mid - 1;
    else if (index >= e) low = mid + 1;
    else return [s, e];
  }
  return [index, index];
}
