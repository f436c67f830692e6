/**
 * Parses one chunk (see scan.ts) with remark-parse and flattens it into the blocks the structure
 * recogniser needs. Results are cached by chunk text, so an edit re-parses only the chunk it
 * touched; offsets are relative to the chunk and corrected by the caller.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';

type BlockKind = 'heading' | 'paragraph' | 'code' | 'html' | 'table' | 'other';

export interface Block {
  readonly kind: BlockKind;
  /** Offsets relative to the chunk. */
  readonly start: number;
  readonly end: number;
  /** Source text of the block with inline code, raw HTML and link destinations blanked out. */
  readonly prose: string;
  readonly inQuote: boolean;
  readonly inList: boolean;
}

export interface ParsedChunk {
  readonly blocks: readonly Block[];
}

const processor = unified().use(remarkParse);

/**
 * Most chunks of a guideline are a heading and plain paragraphs. For those, the blocks remark would
 * produce follow from blank lines alone, and parsing them with remark is most of the cost of a cold
 * analysis. A chunk qualifies only when no line can open any other Markdown construct and no
 * paragraph holds inline syntax that prose masking cares about; everything else goes to remark.
 * test/unit/model/fast-path.test.ts checks the equivalence against remark.
 */
/** A line that could open (or, after a paragraph line, interrupt or underline) another construct. */
const NOT_PLAIN_LINE =
  /^(?: {0,3}(?:[>#~`<[]|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|(?:=+|-+)[ \t]*$|([-*_])(?:[ \t]*\1){2,}[ \t]*$)| {4}|\t)/;
/**
 * Inline syntax that prose masking blanks out (code spans, HTML, links), and the carriage returns
 * and tabs the fast path leaves to remark: one test per line.
 */
const INLINE_SYNTAX_CR_TAB = /[`<[\]\r\t]/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * A run of prose lines: each starts with a character no construct, indent or blank line starts
 * with (see NOT_PLAIN_LINE and the bullet and quote forms), holds no inline syntax, tab or carriage
 * return, and ends with \n or the text. Line by line these all continue one paragraph; matched at
 * once, the loop below does not visit them one by one.
 */
const PROSE_LINES = /(?:[^ \t>#~`<[\]*+\-=_0-9\n\r][^\n`<[\]\r\t]*(?:\n|$))+/y;

/** A one-line bullet item: indent, marker, spaces, text. */
const BULLET = /^( *)[*+-]( {1,4})(\S.*)$/;
/** A one-line quote: `> text`. */
const QUOTE = /^( {0,3})> ?(\S.*)$/;
/** A one-line bullet item inside a quote: `> - text`, `>   - nested`. */
const QUOTED_BULLET = /^( {0,3})> ?( *)[*+-]( {1,4})(\S.*)$/;

/**
 * Blocks of a chunk made of a heading, plain paragraphs, one-line bullet items (nested by
 * indentation), one-line-per-line block quotes and one-line bullet items inside them (the 【例文】
 * quotes of a guideline list their clauses so); null when anything else stands in it (lazy
 * continuations, list items of several lines, code, HTML, tables of remark's kind…), which remark
 * then parses.
 */
export function parsePlainChunk(text: string): ParsedChunk | null {
  const blocks: Block[] = [];
  let paragraph: { start: number; end: number; inQuote: boolean } | null = null;
  /** What the previous non-blank line was, and whether a blank line came after it. */
  let previous: 'none' | 'paragraph' | 'item' | 'quote' | 'quotedItem' = 'none';
  let blankSince = true;
  /** Content column of the last bullet item of the current list; -1 outside a list. */
  let listContent = -1;
  /** The same for a list inside the current block quote, counted from the quote's content. */
  let quotedListContent = -1;
  const flush = (): void => {
    if (!paragraph) return;
    blocks.push({
      kind: 'paragraph',
      start: paragraph.start,
      end: paragraph.end,
      prose: text.slice(paragraph.start, paragraph.end),
      inQuote: paragraph.inQuote,
      inList: false,
    });
    paragraph = null;
  };
  for (let offset = 0, first = true; offset < text.length; first = false) {
    const next = text.charCodeAt(offset);
    if (next === 10) {
      // An empty line, as the blank-line branch below takes it.
      flush();
      blankSince = true;
      quotedListContent = -1;
      offset++;
      continue;
    }
    if (blankSince || previous === 'paragraph' || previous === 'none') {
      PROSE_LINES.lastIndex = offset;
      if (PROSE_LINES.test(text)) {
        // As the paragraph branch below takes each of these lines (no indent, no list before them).
        const runEnd = PROSE_LINES.lastIndex;
        const end = text.charCodeAt(runEnd - 1) === 10 ? runEnd - 1 : runEnd;
        if (paragraph && !paragraph.inQuote && !blankSince) paragraph.end = end;
        else {
          flush();
          paragraph = { start: offset, end, inQuote: false };
        }
        listContent = -1;
        quotedListContent = -1;
        previous = 'paragraph';
        blankSince = false;
        offset = runEnd;
        continue;
      }
    }
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (contentEnd > offset && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    const line = text.slice(offset, contentEnd);
    if (INLINE_SYNTAX_CR_TAB.test(line)) return null;
    // Bullets and quotes open with a space, a bullet or `>`: most lines (prose) skip the three regexes.
    const c0 = line.length > 0 ? line.charCodeAt(0) : -1;
    const maybeContainer = c0 === 32 || c0 === 42 || c0 === 43 || c0 === 45 || c0 === 62;
    const bullet = maybeContainer ? BULLET.exec(line) : null;
    const quotedBullet = bullet || !maybeContainer ? null : QUOTED_BULLET.exec(line);
    const quote = bullet || quotedBullet || !maybeContainer ? null : QUOTE.exec(line);
    const inQuote = previous === 'quote' || previous === 'quotedItem';
    if (first && ATX_HEADING.test(line)) {
      // The chunk's own heading; a closing sequence of #'s is left to remark.
      if (/[ \t]#+[ \t]*$|^ {0,3}#+[ \t]*$/.test(line)) return null;
      const lead = line.length - line.replace(/^ +/, '').length;
      const end = line.replace(/[ \t]+$/, '').length;
      blocks.push({
        kind: 'heading',
        start: offset + lead,
        end: offset + end,
        prose: line.slice(lead, end),
        inQuote: false,
        inList: false,
      });
    } else if (line.length === 0 || (c0 === 32 && /^ *$/.test(line))) {
      flush();
      blankSince = true;
      quotedListContent = -1;
    } else if (inQuote && /^ {0,3}> *$/.test(line)) {
      // An empty quote line ends a paragraph inside the quote; nothing is open after it.
      flush();
      blankSince = true;
    } else if (bullet) {
      const indent = bullet[1].length;
      // A first item stands at most 3 columns in; a further one at most 3 past the last content column.
      if (indent > (listContent < 0 ? 3 : listContent + 3)) return null;
      // An item whose text opens another construct (a nested quote, a thematic break…) goes to remark.
      if (
        NOT_PLAIN_LINE.test(bullet[3]) ||
        (NOT_PLAIN_LINE.test(line.trimStart()) && /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line.trim()))
      )
        return null;
      if (inQuote && !blankSince) return null;
      flush();
      const contentStart = offset + indent + 1 + bullet[2].length;
      blocks.push({
        kind: 'paragraph',
        start: contentStart,
        end: offset + line.length,
        prose: text.slice(contentStart, offset + line.length),
        inQuote: false,
        inList: true,
      });
      listContent = indent + 1 + bullet[2].length;
      previous = 'item';
      blankSince = false;
    } else if (quotedBullet) {
      const [, lead, indent, gap, content] = quotedBullet;
      if (NOT_PLAIN_LINE.test(content) || (previous === 'item' && !blankSince)) return null;
      if (listContent >= 0 && lead.length >= listContent) return null;
      // Within a quote the list's own indentation rules apply, counted from the quote's content;
      // outside one the line opens a new quote (a blank line ended any list in the last one).
      const limit = inQuote && quotedListContent >= 0 ? quotedListContent + 3 : 3;
      if (indent.length > limit) return null;
      flush();
      const contentStart = offset + line.length - content.length;
      blocks.push({
        kind: 'paragraph',
        start: contentStart,
        end: offset + line.length,
        prose: content,
        inQuote: true,
        inList: true,
      });
      quotedListContent = indent.length + 1 + gap.length;
      listContent = -1;
      previous = 'quotedItem';
      blankSince = false;
    } else if (quote) {
      // A quoted line right after a quoted item continues it lazily: remark's.
      if (
        NOT_PLAIN_LINE.test(quote[2]) ||
        (previous === 'item' && !blankSince) ||
        (previous === 'quotedItem' && !blankSince)
      )
        return null;
      // Indented up to the last item's content column, the quote is nested in that item.
      if (listContent >= 0 && quote[1].length >= listContent) return null;
      const contentStart = offset + quote[1].length + (line.slice(quote[1].length + 1).startsWith(' ') ? 2 : 1);
      if (paragraph && paragraph.inQuote && !blankSince) paragraph.end = offset + line.length;
      else {
        flush();
        paragraph = { start: contentStart, end: offset + line.length, inQuote: true };
      }
      listContent = -1;
      quotedListContent = -1;
      previous = 'quote';
      blankSince = false;
    } else {
      // After an item or a quote line, a plain line continues it lazily; after a list, an indented
      // line belongs to the last item: both are remark's.
      if (
        NOT_PLAIN_LINE.test(line) ||
        (!blankSince && previous !== 'paragraph' && previous !== 'none') ||
        (listContent >= 0 && c0 === 32)
      )
        return null;
      const lead = c0 === 32 ? line.length - line.replace(/^ +/, '').length : 0;
      if (paragraph && !paragraph.inQuote && !blankSince) paragraph.end = offset + line.length;
      else {
        flush();
        paragraph = { start: offset + lead, end: offset + line.length, inQuote: false };
      }
      listContent = -1;
      quotedListContent = -1;
      previous = 'paragraph';
      blankSince = false;
    }
    offset = lineEnd + 1;
  }
  flush();
  return { blocks };
}

export function parseChunk(text: string): ParsedChunk {
  return parsePlainChunk(text) ?? (tooHardForRemark(text) ? parseParagraphsOnly(text) : parseWithRemark(text));
}

/**
 * remark's time grows much faster than linearly with container nesting (a list nested 800 levels
 * deep takes ~20 s; 3,000 levels would hang the server). No real document nests more than a few
 * levels, so a chunk nested deeper than this (or with a line longer than MAX_LINE) is split into
 * paragraphs at blank lines instead.
 * test/unit/reliability/hostile-guideline.test.ts holds the inputs.
 */
const MAX_NESTING = 16;

/** Containers a line opens or continues: `>` marks, list markers, every two columns of indent. */
function nestingOf(line: string): number {
  let depth = 0;
  let columns = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const spaceAfter = (j: number) => line[j] === ' ' || line[j] === '\t';
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4;
    else if (c === '>') depth++;
    else if ((c === '-' || c === '*' || c === '+') && spaceAfter(i + 1)) depth++;
    else {
      const ordered = /^\d{1,9}[.)]/.exec(line.slice(i, i + 11));
      if (!ordered || !spaceAfter(i + ordered[0].length)) break;
      depth++;
      i += ordered[0].length - 1;
    }
    if (depth + (columns >> 1) > MAX_NESTING) break;
  }
  return depth + (columns >> 1);
}

/** remark is also superlinear on some long lines (`a<!--` repeated: 40,000 characters take 2 s). */
const MAX_LINE = 20000;

function tooHardForRemark(text: string): boolean {
  for (let offset = 0; offset < text.length;) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - offset > MAX_LINE) return true;
    if (nestingOf(text.slice(offset, Math.min(lineEnd, offset + 12 * MAX_NESTING))) > MAX_NESTING) return true;
    offset = lineEnd + 1;
  }
  return false;
}

/** Blocks of a chunk too deeply nested for remark: its heading line, then paragraphs at blank lines. */
function parseParagraphsOnly(text: string): ParsedChunk {
  const blocks: Block[] = [];
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start < 0) return;
    const first = text.slice(start, end);
    blocks.push({
      kind: 'paragraph',
      start,
      end,
      prose: first,
      inQuote: /^>/.test(first),
      inList: /^(?:[-*+]|\d{1,9}[.)])[ \t]/.test(first),
    });
    start = -1;
  };
  for (let offset = 0, first = true; offset < text.length; first = false) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    const lead = line.length - line.replace(/^[ \t]+/, '').length;
    if (first && ATX_HEADING.test(line))
      blocks.push({
        kind: 'heading',
        start: offset + lead,
        end: offset + line.trimEnd().length,
        prose: line.slice(lead).trimEnd(),
        inQuote: false,
        inList: false,
      });
    else if (line.trim() === '') flush();
    else {
      if (start < 0) start = offset + lead;
      end = offset + line.trimEnd().length;
    }
    offset = lineEnd + 1;
  }
  flush();
  return { blocks };
}

/** Full CommonMark parse of one chunk, flattened to blocks. */
export function parseWithRemark(text: string): ParsedChunk {
  let tree: Root;
  try {
    tree = processor.parse(text);
  } catch {
    // remark does not throw on any Markdown we know of; if it ever does, keep the chunk as one
    // opaque block rather than losing the document.
    return { blocks: [{ kind: 'other', start: 0, end: text.length, prose: '', inQuote: false, inList: false }] };
  }
  const blocks: Block[] = [];
  // Iterative walk: guidelines may nest lists thousands of levels deep.
  const stack: Array<{ node: Nodes; inQuote: boolean; inList: boolean }> = [];
  for (let i = tree.children.length - 1; i >= 0; i--)
    stack.push({ node: tree.children[i], inQuote: false, inList: false });
  while (stack.length > 0) {
    const { node, inQuote, inList } = stack.pop()!;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        blocks.push({ kind: node.type, start, end, prose: proseOf(text, node, start, end), inQuote, inList });
        break;
      case 'code':
      case 'html':
      case 'table':
        blocks.push({
          kind: node.type,
          start,
          end,
          prose: node.type === 'table' ? text.slice(start, end) : '',
          inQuote,
          inList,
        });
        break;
      case 'blockquote':
      case 'list':
      case 'listItem':
        for (let i = node.children.length - 1; i >= 0; i--) {
          stack.push({
            node: node.children[i] as Nodes,
            inQuote: inQuote || node.type === 'blockquote',
            inList: inList || node.type !== 'blockquote',
          });
        }
        break;
      default:
        break;
    }
  }
  return { blocks };
}

/** Blanks the parts of a block that are not prose, keeping offsets. */
function proseOf(text: string, node: Nodes, start: number, end: number): string {
  const slice = text.slice(start, end);
  if (!/[`<\]]/.test(slice)) return slice;
  const source = slice.split('');
  const blank = (from: number | undefined, to: number | undefined): void => {
    if (from === undefined || to === undefined) return;
    for (let i = Math.max(from, start); i < Math.min(to, end); i++) {
      if (source[i - start] !== '\n' && source[i - start] !== '\r') source[i - start] = ' ';
    }
  };
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'inlineCode' || current.type === 'html') {
      blank(current.position?.start.offset, current.position?.end.offset);
    } else if (current.type === 'link' || current.type === 'image') {
      // Keep the link text, blank the destination: `[text](url)`.
      const last =
        'children' in current && current.children.length > 0
          ? current.children[current.children.length - 1]
          : undefined;
      const textEnd = last?.position?.end.offset ?? current.position?.start.offset;
      blank(textEnd, current.position?.end.offset);
      if ('children' in current) for (const child of current.children as Nodes[]) stack.push(child);
    } else if ('children' in current) {
      for (const child of current.children as Nodes[]) stack.push(child);
    }
  }
  return source.join('');
}
