/**
 * Finds the parts of a Markdown text that are not prose (code, comments, URLs, link targets, front
 * matter) and blanks them out, keeping the length and the line breaks, so that every check can run
 * on plain offsets and never reports a `-` in a URL or a `｜` in a code sample.
 */

type NonProseKind =
  | 'front-matter'
  | 'fenced-code'
  | 'indented-code'
  | 'html-comment'
  | 'inline-code'
  | 'autolink'
  | 'link-destination'
  | 'url'
  | 'html-tag';

export interface NonProseRegion {
  readonly start: number;
  readonly end: number;
  readonly kind: NonProseKind;
}

export interface MaskOptions {
  /** Recognise YAML front matter at offset 0 (true for a document, false for a later section). */
  readonly frontMatter?: boolean;
}

interface Line {
  readonly start: number;
  /** End of the content, before the line break. */
  readonly end: number;
  readonly text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    lines.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

const BLANK = /^[ \t]*$/;
const LIST_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const REFERENCE_DEFINITION = /^[ \t]{0,3}\[[^\]]+\]:[ \t]*(\S.*)$/;

/** Columns of leading indentation, a tab counting to the next multiple of four. */
function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * What every block-level region needs somewhere in the text: a fence, a line indented four columns
 * (or by a tab), a reference definition's `]:`, or front matter's `---` at the start. Most
 * sections of a guideline have none, and then the line-by-line scan below is skipped.
 */
const BLOCK_CANDIDATE = /```|~~~|\]:|(?:^|[\r\n])(?: {0,3}\t| {4})/;

function mayHaveBlockRegions(text: string, options: MaskOptions): boolean {
  return BLOCK_CANDIDATE.test(text) || (options.frontMatter !== false && /^(?:\ufeff)?---/.test(text));
}

/** Block-level non-prose: front matter, fenced and indented code, reference link targets. */
function blockRegions(lines: readonly Line[], options: MaskOptions): NonProseRegion[] {
  const regions: NonProseRegion[] = [];
  let i = 0;
  if (options.frontMatter !== false && lines.length > 1 && /^(?:\ufeff)?---[ \t]*$/.test(lines[0].text)) {
    for (let j = 1; j < lines.length; j++) {
      if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[j].text)) {
        regions.push({ start: 0, end: lines[j].end, kind: 'front-matter' });
        i = j + 1;
        break;
      }
    }
  }
  let inList = false;
  let previousBlank = true;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE_OPEN.exec(line.text);
    const indent = indentWidth(line.text);
    if (fence && (indent < 4 || inList) && !(fence[2][0] === '`' && fence[3].includes('`'))) {
      const marker = fence[2];
      const close = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      let j = i + 1;
      while (j < lines.length && !close.test(lines[j].text)) j++;
      const last = Math.min(j, lines.length - 1);
      regions.push({ start: line.start, end: lines[last].end, kind: 'fenced-code' });
      i = last;
      previousBlank = false;
      continue;
    }
    if (BLANK.test(line.text)) {
      previousBlank = true;
      continue;
    }
    if (indent >= 4 && previousBlank && !inList) {
      // An indented code block runs over indented and blank lines; trailing blanks stay prose.
      let j = i;
      let lastCode = i;
      while (j < lines.length && (BLANK.test(lines[j].text) || indentWidth(lines[j].text) >= 4)) {
        if (!BLANK.test(lines[j].text)) lastCode = j;
        j++;
      }
      regions.push({ start: line.start, end: lines[lastCode].end, kind: 'indented-code' });
      i = lastCode;
      previousBlank = false;
      continue;
    }
    if (LIST_ITEM.test(line.text)) inList = true;
    else if (indent < 2) inList = false;
    const definition = REFERENCE_DEFINITION.exec(line.text);
    if (definition) {
      regions.push({ start: line.end - definition[1].length, end: line.end, kind: 'link-destination' });
    }
    previousBlank = false;
  }
  return regions;
}

const INLINE_START = /`+|<|\]\(|https?:\/\/|www\./gi;
const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/;
const HTML_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>/;
const URL_BODY = /^[!-~]+/;

/** Index after the paragraph containing `from` (a blank line ends it), bounded by `limit`. */
function paragraphEnd(text: string, from: number, limit: number): number {
  const re = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m && m.index < limit ? m.index : limit;
}

function lineEndFrom(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** End of a URL starting at `start`: ASCII only (Japanese text follows URLs without a space). */
function urlEnd(text: string, start: number, limit: number): number {
  const body = URL_BODY.exec(text.slice(start, Math.min(limit, start + 2048)));
  if (!body) return start;
  let url = body[0].replace(/[<>"]+.*$/, '');
  // Trailing punctuation and an unbalanced closing parenthesis belong to the sentence.
  for (;;) {
    const trimmed = url.replace(/[.,:;!?'*_~]+$/, '');
    const opens = (trimmed.match(/\(/g) ?? []).length;
    const closes = (trimmed.match(/\)/g) ?? []).length;
    const next = trimmed.endsWith(')') && closes > opens ? trimmed.slice(0, -1) : trimmed;
    if (next === url) break;
    url = next;
  }
  return start + url.length;
}

/**
 * Index after the `)` closing a link destination that opens at `open` (a `(`), or -1. Nesting is
 * limited to 32 parentheses (as cmark does), which keeps a long line of `](` linear.
 */
function linkDestinationEnd(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit && text[i] !== '\n' && text[i] !== '\r'; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '(') {
      if (++depth > 32) return -1;
    } else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Index of the first `<` or `>` at or after `from`, or `to`. */
function nextOf(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text[i] === '<' || text[i] === '>') return i;
  return to;
}

function isLineStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/** Inline non-prose within [from, to): code spans, comments, autolinks, tags, link targets, URLs. */
function inlineRegions(text: string, from: number, to: number, out: NonProseRegion[]): void {
  const re = new RegExp(INLINE_START.source, 'gi');
  re.lastIndex = from;
  // Searches forward are remembered while they hold, so a 1 MB line of `` ` `` or `<!--` stays linear.
  let paragraph = { from: -1, end: -1 };
  let commentClose = { from: Infinity, at: -1 };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const at = m.index;
    const token = m[0];
    if (token[0] === '`') {
      if (!(paragraph.from <= at && at < paragraph.end)) paragraph = { from: at, end: paragraphEnd(text, at, to) };
      const limit = paragraph.end;
      const close = new RegExp(`(?<!\`)${'`'.repeat(token.length)}(?!\`)`, 'g');
      close.lastIndex = at + token.length;
      const c = close.exec(text);
      if (c && c.index < limit) {
        out.push({ start: at, end: c.index + token.length, kind: 'inline-code' });
        re.lastIndex = c.index + token.length;
      } else {
        re.lastIndex = at + token.length;
      }
      continue;
    }
    if (token === '<') {
      if (text.startsWith('<!--', at)) {
        if (!(commentClose.from <= at + 4 && (commentClose.at < 0 || at + 4 <= commentClose.at)))
          commentClose = { from: at + 4, at: text.indexOf('-->', at + 4) };
        const close = commentClose.at;
        if (close >= 0 && close + 3 <= to) {
          out.push({ start: at, end: close + 3, kind: 'html-comment' });
          re.lastIndex = close + 3;
        } else if (isLineStart(text, at)) {
          // An unclosed comment block swallows the rest, as Markdown renderers do.
          out.push({ start: at, end: to, kind: 'html-comment' });
          return;
        } else {
          re.lastIndex = at + 4;
        }
        continue;
      }
      // An autolink or tag ends at the first `>` and holds no other `<`.
      const close = nextOf(text, at + 1, to);
      const rest = text[close] === '>' ? text.slice(at, lineEndFrom(text, at, close + 1)) : '';
      const auto = AUTOLINK.exec(rest) ?? null;
      if (auto) {
        out.push({ start: at, end: at + auto[0].length, kind: 'autolink' });
        re.lastIndex = at + auto[0].length;
        continue;
      }
      const tag = HTML_TAG.exec(rest);
      if (tag) {
        out.push({ start: at, end: at + tag[0].length, kind: 'html-tag' });
        re.lastIndex = at + tag[0].length;
        continue;
      }
      re.lastIndex = at + 1;
      continue;
    }
    if (token === '](') {
      const end = linkDestinationEnd(text, at + 1, to);
      if (end > 0) {
        out.push({ start: at + 1, end, kind: 'link-destination' });
        re.lastIndex = end;
      } else {
        re.lastIndex = at + 2;
      }
      continue;
    }
    // A URL or www. host: only where it is not glued to a preceding ASCII word.
    if (at > 0 && /[A-Za-z0-9_.\-/@]/.test(text[at - 1])) {
      re.lastIndex = at + 1;
      continue;
    }
    const end = urlEnd(text, at, to);
    const minimum = token.toLowerCase() === 'www.' ? 4 : token.length;
    if (end - at > minimum) {
      out.push({ start: at, end, kind: 'url' });
      re.lastIndex = end;
    } else {
      re.lastIndex = at + token.length;
    }
  }
}

/** All non-prose regions of a Markdown text, sorted and non-overlapping. */
export function findNonProseRegions(text: string, options: MaskOptions = {}): NonProseRegion[] {
  const blocks = mayHaveBlockRegions(text, options)
    ? blockRegions(splitLines(text), options).sort((a, b) => a.start - b.start)
    : [];
  const regions: NonProseRegion[] = [];
  let cursor = 0;
  for (const block of blocks) {
    if (block.start < cursor) continue;
    inlineRegions(text, cursor, block.start, regions);
    regions.push(block);
    cursor = block.end;
  }
  inlineRegions(text, cursor, text.length, regions);
  return regions.sort((a, b) => a.start - b.start);
}

/** Replaces the regions' characters with spaces, keeping line breaks and the text's length. */
function maskRegions(text: string, regions: readonly NonProseRegion[]): string {
  if (regions.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const region of regions) {
    if (region.start < cursor) continue;
    out += text.slice(cursor, region.start);
    out += text.slice(region.start, region.end).replace(/[^\r\n]/g, ' ');
    cursor = region.end;
  }
  return out + text.slice(cursor);
}

/** The text with everything that is not prose replaced by spaces (same length, same lines). */
export function maskNonProse(text: string, options: MaskOptions = {}): string {
  return maskRegions(text, findNonProseRegions(text, options));
}
