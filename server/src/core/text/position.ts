/**
 * Positions and ranges in the shape LSP uses (0-based lines, UTF-16 code units), so the server can
 * hand core results to the protocol without conversion while the core stays protocol-free.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Offset <-> position conversion for one immutable text. Line breaks: \n, \r\n or a lone \r. */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: readonly number[];

  constructor(
    readonly text: string,
    lineStarts?: readonly number[],
  ) {
    this.lineStarts = lineStarts ?? LineIndex.scan(text, 0, text.length, [0]);
  }

  /**
   * Appends to `starts` the start of every line that begins in (from, to]. Jumps from break to
   * break with indexOf (native) rather than visiting every character: this runs over the whole
   * text of every guideline opened.
   */
  private static scan(text: string, from: number, to: number, starts: number[]): number[] {
    let lf = text.indexOf('\n', from);
    let cr = text.indexOf('\r', from);
    if (cr < 0 || cr >= to) {
      // No carriage return in the range (the usual text): only \n breaks, one search per line.
      while (lf >= 0 && lf < to) {
        starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
      return starts;
    }
    for (;;) {
      const at = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
      if (at < 0 || at >= to) return starts;
      // \r\n is one break; a lone \r is one too.
      const next = at === cr && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
      starts.push(next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
  }

  /**
   * The index of `text`, which is this index's text with [from, oldTo) replaced by what now stands
   * at [from, newTo). Costs the changed lines plus a shift of the line starts after them, not a
   * pass over the text.
   */
  edited(text: string, from: number, oldTo: number, newTo: number): LineIndex {
    const delta = newTo - oldTo;
    const old = this.lineStarts;
    // From the line before: a change right after a \r can join it to a \n (one line break, not two).
    const first = Math.max(0, this.positionAt(from).line - 1);
    // The first old line start beyond the change; the text before it is unchanged, so it is still a
    // line start once shifted.
    let next = first + 1;
    while (next < old.length && old[next] <= oldTo) next++;
    const scanEnd = next < old.length ? old[next] + delta : text.length;
    const starts = old.slice(0, first + 1);
    LineIndex.scan(text, old[first], scanEnd, starts);
    if (starts[starts.length - 1] === scanEnd && next < old.length) starts.pop();
    for (let k = next; k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/**
 * A URI that opens `uri` at a line (and column): `#L12` or `#L12,5`, 1-based, as VS Code's opener
 * and Markdown previews read it.
 */
export function uriAtPosition(uri: string, position: { readonly line: number; readonly character?: number }): string {
  return `${uri}#L${position.line + 1}${position.character === undefined ? '' : `,${position.character + 1}`}`;
}
