/**
 * Builds the section tree from cached chunk parses. Headings come from the line scan; parts,
 * items, notes and figures from each chunk's blocks. The number, not the heading level, decides
 * where a numbered section goes (3 → 3.6 → 3.6.1); unnumbered headings nest by level.
 */
import { type LineIndex, type Range } from '../text/position';
import { KATAKANA_ITEM_LABELS } from '../text/width';
import type { Chunk, ChunkModel } from './chunks';
import type { Block, ParsedChunk } from './parse';
import {
  parseHeadingNumber,
  parseItemMarker,
  parsePartMarker,
  type HeadingNumber,
  type ItemMarker,
  type PartMarker,
  type PartName,
} from './markers';
import type { HeadingLine } from './scan';
import type { GuidelineNode, NodeKind } from './node';

interface Draft {
  kind: NodeKind;
  number: string | null;
  label: string;
  title: string;
  level: number;
  ordinal: number;
  part?: PartName;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: Draft[];
  /** Heading level for structural nodes (headings and paragraph-level sections); items: 7+. */
  rank: number;
  /**
   * A cached local node's children, placed at `by` when the tree is frozen (they come before
   * `children`, which the tree appends later): copying every item of a chunk into drafts first
   * cost as much as freezing them.
   */
  local: readonly LocalNode[] | null;
  by: number;
}

// Written out field by field, not spread: trees have thousands of nodes, and a literal of one
// fixed shape is several times cheaper to build (and to read later) than a spread copy.
function draft(fields: Omit<Draft, 'children' | 'end' | 'local' | 'by'>): Draft {
  return {
    kind: fields.kind,
    number: fields.number,
    label: fields.label,
    title: fields.title,
    level: fields.level,
    ordinal: fields.ordinal,
    part: fields.part,
    start: fields.start,
    end: fields.start,
    selectionStart: fields.selectionStart,
    selectionEnd: fields.selectionEnd,
    children: [],
    rank: fields.rank,
    local: null,
    by: 0,
  };
}

/** The value a sequence check compares: last component of a section number. */
function ordinalOf(number: string): number {
  const last = number.split('.').pop() ?? '';
  return /^\d+$/.test(last) ? Number(last) : 0;
}

function sectionParentMatches(candidate: Draft, number: string): boolean {
  if (candidate.kind === 'section' && candidate.number) return number.startsWith(`${candidate.number}.`);
  if (candidate.kind === 'chapter' && candidate.number && /^\d+$/.test(candidate.number)) {
    return number.split('.')[0] === candidate.number && number.includes('.');
  }
  return false;
}

/** What every number parseHeadingNumber reads opens with (its own first test). */
const HEADING_FIRST = /^[0-9０-９第]/;

/** What leadingText may strip or drop: a line starting with one of these, or holding emphasis marks. */
const LEADING_SYNTAX = /^[ \t*_+\-0-9]|[*_]/;

/** Strips Markdown emphasis and list bullets from the start of a block's first line. */
function leadingText(prose: string): { text: string; offset: number } {
  let lineEnd = prose.indexOf('\n');
  if (lineEnd < 0) lineEnd = prose.length;
  else if (lineEnd > 0 && prose.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const firstLine = prose.slice(0, lineEnd);
  // Nothing to strip (no indent, list marker or emphasis at the start, no ** or __ to drop): the
  // usual item line 「（1）…」「ア …」 skips the regex work below.
  if (!LEADING_SYNTAX.test(firstLine)) return { text: firstLine, offset: 0 };
  const match = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\*\*|__|\*|_)?/.exec(firstLine);
  const offset = match ? match[0].length : 0;
  return { text: firstLine.slice(offset).replace(/(\*\*|__)(?=[^*_]*$)/, ''), offset };
}

/**
 * What a paragraph that holds a part marker, an article caption or opening, a section number or an
 * item marker can start with: spaces, emphasis and list markers (stripped before the marker), then
 * the first character of every such form. A katakana item label is followed by a space (or by
 * emphasis, which leadingText removes). A paragraph starting otherwise is plain text.
 * test/unit/model/marker-start.property.test.ts checks that it rejects nothing the parsers accept.
 */
export const MARKER_START = new RegExp(
  `^(?:[\\s*_+\\-0-9０-９（(【第注図表\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf一二三四五六七八九十]|[${KATAKANA_ITEM_LABELS}][ \\t\\u3000*_])`,
);

/** An article's caption on a line of its own: 「（目的）」, not a note 「（注1）」 or an item 「（1）」. */
const ARTICLE_CAPTION = /^[（(]((?![注0-9０-９])[^（）()\n]{1,30})[）)]$/;

/**
 * 「第1条　この基準は、…。」: an article number opening the article's own text (a space, then a sentence),
 * as 法令 and most 例規 write it, not the heading form 「第1条（目的）」「第3条 アクセス制御」.
 */
function articleOpening(firstLine: string, paragraph = firstLine): HeadingNumber | null {
  if (!/^第[^条\s]{1,6}条(?:の[0-9０-９一二三四五六七八九十]+)?[ \t\u3000]+\S/.test(firstLine)) return null;
  const parsed = parseHeadingNumber(firstLine.split(/\r?\n/, 1)[0]);
  if (parsed?.kind !== 'article') return null;
  const body = paragraph.slice(paragraph.indexOf(parsed.label) + parsed.label.length);
  return /[、。]/.test(body) || /\n/.test(paragraph.trim()) ? parsed : null;
}

/** Municipal sections numbered 1, 2, 3 without dots: a paragraph-level one follows its heading-level sibling. */
function isSiblingSection(container: Draft, node: Draft): boolean {
  return (
    node.kind === 'section' &&
    container.kind === 'section' &&
    container.rank > 0 &&
    container.number !== null &&
    node.number !== null &&
    !container.number.includes('.') &&
    !node.number.includes('.')
  );
}

/** A cached local node placed at a chunk's offset (the cache keeps chunk-relative offsets). */
function shifted(local: LocalNode, by: number, shallow = false): Draft {
  return {
    kind: local.kind,
    number: local.number,
    label: local.label,
    title: local.title,
    level: local.level,
    ordinal: local.ordinal,
    part: local.part,
    rank: local.rank,
    start: local.start + by,
    end: local.end + by,
    selectionStart: local.selectionStart + by,
    selectionEnd: local.selectionEnd + by,
    children: [],
    local: shallow || local.children.length === 0 ? null : local.children,
    by,
  };
}

/** What a chunk's heading is (a section, a part, an item, or plain), worked out once per chunk model. */
const headingKinds = new WeakMap<
  ChunkModel,
  { parsed: HeadingNumber | null; part: PartMarker | null; item: ItemMarker | null }
>();

function headingKind(chunk: Chunk): { parsed: HeadingNumber | null; part: PartMarker | null; item: ItemMarker | null } {
  let kind = headingKinds.get(chunk.model);
  if (!kind) {
    const text = chunk.model.heading?.text ?? '';
    const parsed = parseHeadingNumber(text);
    const part = parsed ? null : parsePartMarker(text);
    const item = parsed || part ? null : parseItemMarker(text);
    headingKinds.set(chunk.model, (kind = { parsed, part, item }));
  }
  return kind;
}

export interface BuiltTree {
  readonly root: GuidelineNode;
}

/**
 * `skeleton`: the structure (chapters, sections, headings) with the top-level nodes of each chunk
 * but not their descendants, which the per-chunk analyses cover. Built in O(chunks).
 */
export function buildTree(
  text: string,
  chunks: readonly Chunk[],
  lines: LineIndex,
  title: string,
  skeleton = false,
): BuiltTree {
  const root = draft({
    kind: 'document',
    number: null,
    label: '',
    title,
    level: 0,
    ordinal: 0,
    start: 0,
    selectionStart: 0,
    selectionEnd: 0,
    rank: 0,
  });
  root.end = text.length;
  // Open structural nodes (document, chapters, sections, headings), outermost first.
  const stack: Draft[] = [root];
  const close = (node: Draft, at: number): void => {
    node.end = Math.max(node.end, at);
  };
  const popTo = (index: number, at: number): void => {
    while (stack.length - 1 > index) close(stack.pop()!, at);
  };

  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c];
    let container: Draft = stack[stack.length - 1];
    if (chunk.heading) {
      const heading = chunk.heading;
      const { parsed, part, item } = headingKind(chunk);
      if (part || item) {
        // A part or item written as a heading belongs to the enclosing section, like a paragraph.
        container = stack[stack.length - 1];
      } else {
        const node = draft({
          kind: parsed ? parsed.kind : 'heading',
          number: parsed ? parsed.number : null,
          label: parsed ? parsed.label : '',
          title: parsed ? parsed.title : heading.text,
          level: heading.level,
          ordinal: parsed
            ? parsed.kind === 'section'
              ? ordinalOf(parsed.number)
              : Number(/\d+/.exec(parsed.number)?.[0] ?? 0)
            : 0,
          start: chunk.start,
          selectionStart: heading.textStart,
          selectionEnd: heading.textEnd,
          rank: heading.level,
        });
        let parentIndex = -1;
        if (parsed?.kind === 'section') {
          for (let i = stack.length - 1; i > 0; i--) {
            if (sectionParentMatches(stack[i], parsed.number)) {
              parentIndex = i;
              break;
            }
          }
        }
        if (parentIndex < 0) {
          parentIndex = stack.length - 1;
          while (parentIndex > 0 && stack[parentIndex].rank >= heading.level) parentIndex--;
          // A numbered section never nests inside a section that is not its ancestor by number.
          if (parsed?.kind === 'section') {
            while (parentIndex > 0 && stack[parentIndex].kind === 'section') parentIndex--;
          }
        }
        popTo(parentIndex, chunk.start);
        stack[parentIndex].children.push(node);
        stack.push(node);
        container = node;
      }
    }
    close(container, chunk.end);
    const locals = localOutline(chunk);
    for (let l = 0; l < locals.length; l++) {
      const local = locals[l];
      // The skeleton keeps what numbers across chunks; parts, notes and figures stay in their chunk.
      if (skeleton && (local.ordinal <= 0 || local.kind === 'note' || local.kind === 'figure')) continue;
      const node = shifted(local, chunk.start, skeleton);
      if (isSiblingSection(container, node)) {
        // 「3 物理的セキュリティ」 written as a paragraph after 「## 2 …」 is 2's sibling, not its child.
        const index = stack.lastIndexOf(container);
        popTo(index - 1, node.start);
        node.rank = container.rank;
        stack[index - 1].children.push(node);
        stack.push(node);
        container = node;
        continue;
      }
      container.children.push(node);
    }
  }
  popTo(0, text.length);

  return { root: freeze(root, lines, '') };
}

/**
 * Parts, items, notes, figures and paragraph-level sections of one chunk, with offsets relative to
 * the chunk. Depends on the chunk's text alone, so it is cached with the chunk's parse and an edit
 * rebuilds it for the edited chunk only.
 */
const outlineCache = new WeakMap<ParsedChunk, readonly LocalNode[]>();

export function localOutline(chunk: Pick<Chunk, 'parsed' | 'model'>): readonly LocalNode[] {
  const parsed = chunk.parsed;
  const hit = outlineCache.get(parsed);
  if (hit) return hit;
  const holder = draft({
    kind: 'heading',
    number: null,
    label: '',
    title: '',
    level: 0,
    ordinal: 0,
    start: 0,
    selectionStart: 0,
    selectionEnd: 0,
    rank: 0,
  });
  const heading = chunk.model.heading;
  const headingNumber = heading ? parseHeadingNumber(heading.text) : null;
  addBlocks(heading, parsed.blocks, holder, headingNumber?.kind === 'article');
  outlineCache.set(parsed, holder.children);
  return holder.children;
}

/** A node of a chunk's own outline, offsets relative to the chunk. */
export type LocalNode = Readonly<Omit<Draft, 'children' | 'local' | 'by'>> & {
  readonly children: readonly LocalNode[];
};

/**
 * The open nodes of a chunk's outline while its blocks are read. The loop over the blocks (addBlocks)
 * stays small and sends only the paragraphs that may hold a marker here: in a fresh process a big
 * loop body gets compiled by TurboFan, which costs more than the few thousand blocks it would save.
 */
class OutlineState {
  part: Draft | null = null;
  localSection: Draft | null = null;
  items: Draft[] = [];
  // 法令 style: the caption 「（目的）」 on its own line, then 「第1条　この基準は、…」 opening the article's text.
  caption: { start: number; title: string } | null = null;

  constructor(
    readonly section: Draft,
    readonly sectionIsArticle: boolean,
  ) {}

  base(): Draft {
    return this.part ?? this.localSection ?? this.section;
  }

  closeAll(at: number, keepSection: boolean): void {
    const items = this.items;
    for (let i = 0; i < items.length; i++) items[i].end = Math.max(items[i].end, at);
    this.items = [];
    if (this.part) this.part.end = Math.max(this.part.end, at);
    this.part = null;
    if (!keepSection && this.localSection) {
      this.localSection.end = Math.max(this.localSection.end, at);
      this.localSection = null;
    }
  }

  extend(end: number): void {
    const items = this.items;
    for (let i = 0; i < items.length; i++) items[i].end = Math.max(items[i].end, end);
    if (this.part) this.part.end = Math.max(this.part.end, end);
    if (this.localSection) this.localSection.end = Math.max(this.localSection.end, end);
  }

  /** A heading or paragraph block that may open a part, an article, a section or an item. */
  markerBlock(blocks: readonly Block[], index: number): void {
    const block = blocks[index];
    const start = block.start;
    const end = block.end;
    const section = this.section;
    const { text, offset } = leadingText(
      block.kind === 'heading' ? block.prose.replace(/^[ \t]*#{1,6}[ \t]*/, (m) => ' '.repeat(m.length)) : block.prose,
    );
    const first = text.charCodeAt(0);
    const lead = first === 32 || first === 9 ? /^[ \t]*/.exec(text)![0].length : 0;
    const markerText = lead === 0 ? text : text.slice(lead);
    const markerOffset = start + offset + lead;

    const partMarker = parsePartMarker(markerText);
    if (partMarker) {
      // 【例文】（解説） belong to the section: an article quoted or written before them (「第1条　…」) ends here.
      this.closeAll(start, this.localSection?.kind !== 'article');
      const part = draft({
        kind: 'part',
        number: partMarker.part,
        label: partMarker.label,
        title: '',
        level: 0,
        ordinal: 0,
        part: partMarker.part,
        start,
        selectionStart: markerOffset + partMarker.start,
        selectionEnd: markerOffset + partMarker.end,
        rank: 7,
      });
      part.end = end;
      (this.localSection ?? section).children.push(part);
      this.part = part;
      return;
    }

    if (block.kind === 'paragraph' && !block.inList) {
      const captionTitle = /^\s*[（(]/.test(block.prose) ? ARTICLE_CAPTION.exec(block.prose.trim())?.[1] : undefined;
      const next = blocks[index + 1] as Block | undefined;
      if (captionTitle && next?.kind === 'paragraph' && !next.inList && articleOpening(next.prose.trimStart())) {
        this.caption = { start, title: captionTitle };
        return;
      }
      const opening = articleOpening(markerText, block.prose);
      if (opening) {
        const caption = this.caption;
        this.closeAll(caption?.start ?? start, false);
        const article = draft({
          kind: 'article',
          number: opening.number,
          label: opening.label,
          title: caption?.title ?? '',
          level: 0,
          ordinal: Number(/\d+/.exec(opening.number)?.[0] ?? 0),
          start: caption?.start ?? start,
          selectionStart: markerOffset,
          selectionEnd: markerOffset + opening.label.length,
          rank: 7,
        });
        article.end = end;
        section.children.push(article);
        this.localSection = article;
        this.caption = null;
        return;
      }
    }
    this.caption = null;

    // Municipal policies write sections and articles as plain one-line paragraphs.
    const inArticle = this.localSection?.kind === 'article' || this.sectionIsArticle;
    // A one-line paragraph (not ending a sentence) with a section or article number; the number's
    // first character is tested first, since item lines are most of what gets here.
    const paragraphHeading =
      block.kind === 'paragraph' &&
      !block.inList &&
      HEADING_FIRST.test(markerText) &&
      !/\n/.test(text) &&
      !/[。．]$/.test(markerText.trim())
        ? parseHeadingNumber(markerText)
        : null;
    const isMunicipalSection =
      paragraphHeading?.kind === 'section' &&
      !inArticle &&
      !paragraphHeading.number.includes('.') &&
      markerText.length <= 40 &&
      !/[、。]/.test(paragraphHeading.title);
    if (paragraphHeading && (paragraphHeading.kind === 'article' || isMunicipalSection)) {
      this.closeAll(start, false);
      const local = draft({
        kind: paragraphHeading.kind,
        number: paragraphHeading.number,
        label: paragraphHeading.label,
        title: paragraphHeading.title,
        level: 0,
        ordinal: Number(/\d+/.exec(paragraphHeading.number)?.[0] ?? 0),
        start,
        selectionStart: markerOffset,
        selectionEnd: markerOffset + markerText.length,
        rank: 7,
      });
      local.end = end;
      section.children.push(local);
      this.localSection = local;
      return;
    }

    const item = parseItemMarker(markerText, inArticle);
    if (!item) {
      this.extend(end);
      return;
    }
    const node = draft({
      kind: item.kind,
      number: item.key,
      label: item.label,
      title: item.title,
      level: item.level,
      ordinal: item.value,
      start,
      selectionStart: markerOffset + item.start,
      selectionEnd: markerOffset + item.end,
      rank: 7 + item.level,
    });
    node.end = end;
    const items = this.items;
    if (item.kind === 'note' || item.kind === 'figure') {
      // Notes and figures attach where they stand without opening a new level.
      (items[items.length - 1] ?? this.base()).children.push(node);
      this.extend(end);
      return;
    }
    while (items.length > 0 && items[items.length - 1].level >= item.level) items.pop();
    for (let i = 0; i < items.length; i++) items[i].end = Math.max(items[i].end, end);
    (items[items.length - 1] ?? this.base()).children.push(node);
    items.push(node);
    const owner = this.base();
    owner.end = Math.max(owner.end, end);
  }
}

function addBlocks(
  headingBlock: HeadingLine | null,
  blocks: readonly Block[],
  section: Draft,
  sectionIsArticle: boolean,
): void {
  const state = new OutlineState(section, sectionIsArticle);
  // The chunk's own heading is already a node, unless it is a part or item heading.
  const ownHeadingIsNode =
    headingBlock !== null &&
    (parseHeadingNumber(headingBlock.text) !== null ||
      (!parsePartMarker(headingBlock.text) && !parseItemMarker(headingBlock.text)));
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if ((block.kind !== 'paragraph' && block.kind !== 'heading') || block.inQuote) state.extend(block.end);
    else if (block.kind === 'heading') {
      if (!ownHeadingIsNode || block.start !== 0) state.markerBlock(blocks, index);
    } else if (MARKER_START.test(block.prose)) state.markerBlock(blocks, index);
    else {
      // Most paragraphs open with a character no marker, caption or number starts with: one
      // native test instead of the slices and parses of markerBlock, which would all find nothing.
      state.caption = null;
      state.extend(block.end);
    }
  }
}

/** A node of one snapshot; ranges are computed on first use, since most requests need few. */
class TreeNode implements GuidelineNode {
  private cachedRange: Range | undefined;
  private cachedSelection: Range | undefined;

  constructor(
    private readonly lines: LineIndex,
    readonly kind: NodeKind,
    readonly number: string | null,
    readonly label: string,
    readonly title: string,
    readonly level: number,
    readonly ordinal: number,
    readonly part: PartName | undefined,
    readonly start: number,
    readonly end: number,
    readonly selectionStart: number,
    readonly selectionEnd: number,
    readonly children: readonly GuidelineNode[],
    readonly id: string,
  ) {}

  get range(): Range {
    return (this.cachedRange ??= this.lines.rangeOf(
      this.start,
      trimTrailingBreaks(this.lines.text, this.start, this.end),
    ));
  }

  get selectionRange(): Range {
    return (this.cachedSelection ??= this.lines.rangeOf(this.selectionStart, this.selectionEnd));
  }
}

function idOf(node: Omit<Draft, 'children' | 'local' | 'by'>, parentPath: string): string {
  const isContainer = node.kind === 'section' || node.kind === 'chapter' || node.kind === 'article';
  const segment = node.number ?? node.title;
  return node.kind === 'document' ? '' : isContainer || !parentPath ? segment : `${parentPath}/${segment}`;
}

function freeze(node: Draft, lines: LineIndex, parentPath: string): GuidelineNode {
  const id = idOf(node, parentPath);
  const local = node.local;
  const localCount = local === null ? 0 : local.length;
  const children: GuidelineNode[] = new Array(localCount + node.children.length);
  let end = node.end;
  for (let i = 0; i < localCount; i++) {
    const child = (children[i] = freezeLocal(local![i], node.by, lines, id));
    if (child.end > end) end = child.end;
  }
  for (let i = 0; i < node.children.length; i++) {
    const child = (children[localCount + i] = freeze(node.children[i], lines, id));
    if (child.end > end) end = child.end;
  }
  return new TreeNode(
    lines,
    node.kind,
    node.number,
    node.label,
    node.title,
    node.level,
    node.ordinal,
    node.part,
    node.start,
    end,
    node.selectionStart,
    node.selectionEnd,
    children,
    id,
  );
}

/**
 * A cached local node and its descendants placed at `by`, as `freeze(shifted(node, by))` would. Its own
 * `new TreeNode` call, not one shared with freeze: one call site fed drafts and cached local nodes (two
 * object shapes) made the server's cold open of a guideline measurably slower (bench/official.mjs).
 */
function freezeLocal(node: LocalNode, by: number, lines: LineIndex, parentPath: string): GuidelineNode {
  const id = idOf(node, parentPath);
  const children: GuidelineNode[] = new Array(node.children.length);
  let end = node.end + by;
  for (let i = 0; i < node.children.length; i++) {
    const child = (children[i] = freezeLocal(node.children[i], by, lines, id));
    if (child.end > end) end = child.end;
  }
  return new TreeNode(
    lines,
    node.kind,
    node.number,
    node.label,
    node.title,
    node.level,
    node.ordinal,
    node.part,
    node.start + by,
    end,
    node.selectionStart + by,
    node.selectionEnd + by,
    children,
    id,
  );
}

/** Ranges end at the last character of content, not on the blank lines before the next node. */
function trimTrailingBreaks(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\r\n \t\u3000]/.test(text[e - 1])) e--;
  return e;
}
