/**
 * Cheap, linear, fence-aware split of a Markdown document into heading sections. This is what keeps
 * analysis linear: remark parses each chunk on its own (see parse.ts), and an edit only invalidates
 * the chunk it touches.
 */

export interface HeadingLine {
  /** ATX level 1–6. */
  readonly level: number;
  /** Heading text without the `#` marks and the closing sequence, trimmed. */
  readonly text: string;
  /** Offsets of `text` in the document. */
  readonly textStart: number;
  readonly textEnd: number;
  /** Offsets of the whole heading line (without its line break). */
  readonly lineStart: number;
  readonly lineEnd: number;
}

export interface Chunk {
  /** Offset of the chunk in the document; a chunk starts at its heading line (or at 0). */
  readonly start: number;
  readonly end: number;
  /** The chunk's text, used as the parse cache key. */
  readonly text: string;
  readonly heading: HeadingLine | null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t\u3000]+|$)/;

/** Length of the front matter block (`---` … `---` at the very start), or 0. */
export function frontMatterLength(text: string): number {
  if (!text.startsWith('---')) return 0;
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || text.slice(0, firstBreak).trimEnd() !== '---') return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(firstBreak + 1);
  const match = close.exec(rest);
  if (!match) return 0;
  const endOfClose = firstBreak + 1 + match.index + match[0].length;
  const nextBreak = text.indexOf('\n', endOfClose);
  return nextBreak < 0 ? text.length : nextBreak + 1;
}

export function scanChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let chunkHeading: HeadingLine | null = null;
  let fence: { char: string; length: number } | null = null;
  let offset = frontMatterLength(text);

  while (offset < text.length) {
    let lineEnd = text.indexOf('\n', offset);
    const next = lineEnd < 0 ? text.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (contentEnd > offset && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    const line = text.slice(offset, contentEnd);

    const fenceMatch = FENCE.exec(line);
    if (fence) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
    } else if (fenceMatch && !(fenceMatch[1][0] === '`' && line.slice(fenceMatch[0].length).includes('`'))) {
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
    } else {
      const atx = ATX.exec(line);
      if (atx) {
        const heading = headingOf(line, offset, atx);
        if (offset > chunkStart || chunkHeading) {
          chunks.push({ start: chunkStart, end: offset, text: text.slice(chunkStart, offset), heading: chunkHeading });
        }
        chunkStart = offset;
        chunkHeading = heading;
      }
    }
    offset = next;
  }
  if (text.length > chunkStart || chunkHeading || chunks.length === 0) {
    chunks.push({ start: chunkStart, end: text.length, text: text.slice(chunkStart), heading: chunkHeading });
  }
  return chunks;
}

function headingOf(line: string, lineStart: number, atx: RegExpExecArray): HeadingLine {
  let body = line.slice(atx[0].length);
  // A closing sequence of #'s preceded by a space is not part of the heading text.
  body = body.replace(/[ \t\u3000]+#+[ \t]*$/, '').replace(/^#+[ \t]*$/, '');
  const leading = body.length - body.trimStart().length;
  const trimmed = body.trim();
  const textStart = lineStart + atx[0].length + leading;
  return {
    level: atx[1].length,
    text: trimmed,
    textStart,
    textEnd: textStart + trimmed.length,
    lineStart,
    lineEnd: lineStart + line.length,
  };
}
