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

/** A chunk boundary found by the scan: where a chunk starts and its heading (absolute offsets). */
interface ChunkBoundary {
  readonly start: number;
  readonly heading: HeadingLine | null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t\u3000]+|$)/;
/**
 * The next line that may open or close a fence or be a heading: those start with a space, a
 * backquote, a tilde or `#`. The lines between (prose, mostly) are skipped in one native search.
 */
const NEXT_CANDIDATE = /\n[ `~#]/g;

/** Length of the front matter block (`---` … `---` at the very start), or 0. */
function frontMatterLength(text: string): number {
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

export interface ScanResult {
  /** Chunk starts in order; each chunk runs to the next start (the last to `to`). */
  readonly boundaries: ChunkBoundary[];
  /** A fence was still open at `to`: the text after it may be code, not headings. */
  readonly fenceOpen: boolean;
}

/**
 * Chunk boundaries of `text[from, to)`. `from` must be a chunk start (0, or a heading line outside
 * any fence), so that the scan starts outside fences; the first boundary is always `from`.
 */
export function scanRange(text: string, from: number, to: number): ScanResult {
  const boundaries: ChunkBoundary[] = [];
  let chunkStart = from;
  let chunkHeading: HeadingLine | null = null;
  let fence: { char: string; length: number } | null = null;
  let offset = from === 0 ? frontMatterLength(text) : from;

  while (offset < to) {
    const c0 = text.charCodeAt(offset);
    if (c0 !== 32 && c0 !== 96 && c0 !== 126 && c0 !== 35) {
      NEXT_CANDIDATE.lastIndex = offset;
      const candidate = NEXT_CANDIDATE.exec(text);
      offset = candidate ? candidate.index + 1 : text.length;
      continue;
    }
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
        if (offset > chunkStart || chunkHeading) boundaries.push({ start: chunkStart, heading: chunkHeading });
        chunkStart = offset;
        chunkHeading = heading;
      }
    }
    offset = next;
  }
  boundaries.push({ start: chunkStart, heading: chunkHeading });
  return { boundaries, fenceOpen: fence !== null };
}

/** The chunks of a whole text, as plain ranges (see chunks.ts for the cached chunk models). */
export function scanChunks(
  text: string,
): Array<{ start: number; end: number; text: string; heading: HeadingLine | null }> {
  const { boundaries } = scanRange(text, 0, text.length);
  return boundaries.map((b, i) => {
    const end = i + 1 < boundaries.length ? boundaries[i + 1].start : text.length;
    return { start: b.start, end, text: text.slice(b.start, end), heading: b.heading };
  });
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
