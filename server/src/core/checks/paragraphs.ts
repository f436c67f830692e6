/** Paragraphs of a text: runs of non-blank lines, as [start, end) offsets in order. */
export function paragraphRanges(text: string): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  const re = /\r\n|\r|\n/g;
  let lineStart = 0;
  let paraStart = -1;
  for (;;) {
    const m = re.exec(text);
    const lineEnd = m ? m.index : text.length;
    const blank = /^[ \t\u3000]*$/.test(text.slice(lineStart, lineEnd));
    if (blank && paraStart >= 0) {
      result.push([paraStart, lineStart]);
      paraStart = -1;
    } else if (!blank && paraStart < 0) {
      paraStart = lineStart;
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  if (paraStart >= 0) result.push([paraStart, text.length]);
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
