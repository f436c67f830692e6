/**
 * An immutable snapshot of one guideline document version: text, line index and chunks, with the
 * tree and its indexes built on first use. `GuidelineModelCache` keeps chunk models across
 * versions: `update` re-scans only the chunks an edit touched and reuses the models of the rest,
 * so an edit costs its section, not the document.
 */
import { LineIndex, type Range } from '../text/position';
import { chunkIndexAt, resolvePlace, StructureInfo, structureSignature, type SectionEntry } from './structure';
import { scanRange } from './scan';
import { Chunk, ChunkModelCache } from './chunks';
import { buildTree } from './tree';
import { isNumberedContainer, type GuidelineNode, type NodeKind } from './node';

export interface GuidelineDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly chunks: readonly Chunk[];
  /** The document's title: its first unnumbered heading, else the file name. */
  readonly title: string;
  readonly root: GuidelineNode;
  /** The structure in chunk terms, shared with the previous version when an edit left it alone. */
  readonly structure: StructureInfo;
  /**
   * Numbered sections, chapters and articles by canonical number (duplicates kept in order): their
   * titles and places, not their contents. Cheap on every version.
   */
  readonly sectionsByNumber: ReadonlyMap<string, readonly SectionHit[]>;
  /** The same sections as nodes of the full tree (for resolving what lies inside them). */
  readonly fullSectionsByNumber: ReadonlyMap<string, readonly GuidelineNode[]>;
}

/** A numbered section of a version: what cross references and the workspace index need. */
export interface SectionHit {
  readonly kind: NodeKind;
  readonly number: string;
  readonly title: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly selectionRange: Range;
}

/** A text change in offsets of the text before it; several apply in order. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function documentTitle(uri: string, chunks: readonly Chunk[]): string {
  const first = chunks.find((c) => c.model.heading)?.model.heading;
  if (first && !/^[0-9０-９第]/.test(first.text)) return first.text;
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}

class Snapshot implements GuidelineDocument {
  private tree: GuidelineNode | undefined;
  private structureInfo: StructureInfo | undefined;
  private sections: Map<string, SectionHit[]> | undefined;
  private fullSections: Map<string, GuidelineNode[]> | undefined;
  readonly title: string;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    readonly lines: LineIndex,
    readonly chunks: readonly Chunk[],
    inherited?: StructureInfo,
  ) {
    this.title = documentTitle(uri, chunks);
    this.structureInfo = inherited;
  }

  /** The structure if it was worked out already (for the next version to inherit). */
  get knownStructure(): StructureInfo | undefined {
    return this.structureInfo;
  }

  get root(): GuidelineNode {
    return (this.tree ??= buildTree(this.text, this.chunks, this.lines, this.title).root);
  }

  get structure(): StructureInfo {
    return (this.structureInfo ??= new StructureInfo(
      buildTree(this.text, this.chunks, this.lines, this.title, true).root,
      this.chunks,
    ));
  }

  get sectionsByNumber(): ReadonlyMap<string, readonly SectionHit[]> {
    if (!this.sections) {
      const sections = new Map<string, SectionHit[]>();
      for (const entry of this.structure.sections) {
        const place = resolvePlace(this.chunks, entry.selection);
        if (!place) continue;
        const hit = new PlacedSection(entry, place.start, place.end, this.lines);
        const list = sections.get(entry.number);
        if (list) list.push(hit);
        else sections.set(entry.number, [hit]);
      }
      this.sections = sections;
    }
    return this.sections;
  }

  get fullSectionsByNumber(): ReadonlyMap<string, readonly GuidelineNode[]> {
    return (this.fullSections ??= sectionsOf(this.root));
  }
}

class PlacedSection implements SectionHit {
  private range: Range | undefined;
  readonly kind: NodeKind;
  readonly number: string;
  readonly title: string;

  constructor(
    entry: SectionEntry,
    readonly selectionStart: number,
    readonly selectionEnd: number,
    private readonly lines: LineIndex,
  ) {
    this.kind = entry.kind;
    this.number = entry.number;
    this.title = entry.title;
  }

  get selectionRange(): Range {
    return (this.range ??= this.lines.rangeOf(this.selectionStart, this.selectionEnd));
  }
}

function sectionsOf(root: GuidelineNode): Map<string, GuidelineNode[]> {
  const sections = new Map<string, GuidelineNode[]>();
  // walk's order (pre-order, children left to right) without a generator: the full tree has a node
  // per item, and resuming a generator per node is most of this loop's cost in a fresh process.
  const stack: GuidelineNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    if (!isNumberedContainer(node) || !node.number) continue;
    const list = sections.get(node.number);
    if (list) list.push(node);
    else sections.set(node.number, [node]);
  }
  return sections;
}

export class GuidelineModelCache {
  readonly models: ChunkModelCache;

  constructor(models = new ChunkModelCache()) {
    this.models = models;
  }

  build(uri: string, version: number, text: string): GuidelineDocument {
    const lines = new LineIndex(text);
    return new Snapshot(
      uri,
      version,
      text,
      lines,
      this.toChunks(text, scanRange(text, 0, text.length).boundaries, text.length, lines),
    );
  }

  /**
   * The next version of `previous` after `changes`; `text` is the text after all of them. Only the
   * chunks around the changed region are scanned and parsed again.
   */
  update(
    previous: GuidelineDocument,
    version: number,
    text: string,
    changes: readonly TextChange[],
  ): GuidelineDocument {
    const region = changedRegion(changes);
    if (!region) return new Snapshot(previous.uri, version, text, previous.lines, previous.chunks);
    const { from, to, delta } = region;
    const oldTo = to - delta;
    const old = previous.chunks;
    // From the chunk before the one the change starts in (a change in a heading line can turn it
    // into text that joins the previous chunk) to the chunk holding the end of the change.
    const first = Math.max(0, chunkIndexAt(old, from) - 1);
    let last = chunkIndexAt(old, oldTo);
    const lines = previous.lines.edited(text, from, oldTo, to);
    for (;;) {
      const scanFrom = old[first].start;
      const scanTo = last + 1 < old.length ? old[last + 1].start + delta : text.length;
      const { boundaries, fenceOpen } = scanRange(text, scanFrom, scanTo);
      if (fenceOpen && last + 1 < old.length) {
        // A fence opened by the edit may swallow the headings after it: scan further.
        last++;
        continue;
      }
      const middle = this.toChunks(text, boundaries, scanTo, lines);
      const replaced = old.slice(first, last + 1);
      const sameStructure =
        middle.length === replaced.length &&
        middle.every((chunk, i) => structureSignature(chunk) === structureSignature(replaced[i]));
      // The chunks after the change keep their models; only their places move.
      const lineDelta = lines.lineCount - previous.lines.lineCount;
      const tail: Chunk[] = [];
      for (let k = last + 1; k < old.length; k++)
        tail.push(new Chunk(old[k].start + delta, old[k].line + lineDelta, old[k].model));
      const inherited = sameStructure && previous instanceof Snapshot ? previous.knownStructure : undefined;
      return new Snapshot(previous.uri, version, text, lines, [...old.slice(0, first), ...middle, ...tail], inherited);
    }
  }

  private toChunks(
    text: string,
    boundaries: ReturnType<typeof scanRange>['boundaries'],
    to: number,
    lines: LineIndex,
  ): Chunk[] {
    return boundaries.map((b, i) => {
      const end = i + 1 < boundaries.length ? boundaries[i + 1].start : to;
      return new Chunk(
        b.start,
        lines.positionAt(b.start).line,
        this.models.get(detached(text.slice(b.start, end)), b.heading, b.start),
      );
    });
  }
}

/**
 * A copy of a slice that does not keep the whole text alive: V8 represents `slice` as a view into
 * its parent, so a cached chunk model would otherwise hold every version's full text.
 */
function detached(slice: string): string {
  return ` ${slice}`.slice(1);
}

/** The region of the final text that the changes wrote, and how much longer the text became. */
export function changedRegion(changes: readonly TextChange[]): { from: number; to: number; delta: number } | null {
  let from = -1;
  let to = -1;
  let delta = 0;
  for (const change of changes) {
    const d = change.text.length - (change.end - change.start);
    if (from < 0) {
      from = change.start;
      to = change.start + change.text.length;
    } else {
      // Map the region so far through this change, then join the change's own region.
      const mapStart = from < change.start ? from : from >= change.end ? from + d : change.start;
      const mapEnd = to <= change.start ? to : to >= change.end ? to + d : change.start + change.text.length;
      from = Math.min(mapStart, change.start);
      to = Math.max(mapEnd, change.start + change.text.length);
    }
    delta += d;
  }
  return from < 0 ? null : { from, to, delta };
}

/** Convenience for one-off analysis (CLI, tests): a fresh cache. */
export function parseGuideline(uri: string, text: string, version = 0): GuidelineDocument {
  return new GuidelineModelCache().build(uri, version, text);
}

/** The child containing an offset; at a boundary, the one that starts there. */
function childAt(node: GuidelineNode, offset: number): GuidelineNode | undefined {
  return node.children.find((c) => c.start <= offset && offset < c.end) ?? node.children.find((c) => offset === c.end);
}

/** The innermost node containing an offset. */
export function nodeAt(document: GuidelineDocument, offset: number): GuidelineNode {
  const chain = ancestryAt(document, offset);
  return chain[chain.length - 1];
}

/** The chain of nodes from the root to the innermost node containing an offset. */
export function ancestryAt(document: GuidelineDocument, offset: number): GuidelineNode[] {
  const chain = [document.root];
  for (let child = childAt(document.root, offset); child; child = childAt(child, offset)) chain.push(child);
  return chain;
}

/** The chain from the root to a node of this snapshot, the node included. */
function ancestorsOf(document: GuidelineDocument, node: GuidelineNode): GuidelineNode[] {
  const chain = [document.root];
  let current = document.root;
  while (current !== node) {
    const next = current.children.find(
      (c) => c === node || (c.start <= node.start && node.end <= c.end && node.start < c.end),
    );
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/** The section, chapter or article a node belongs to (the node itself when it is one). */
export function containerOf(document: GuidelineDocument, node: GuidelineNode): GuidelineNode | null {
  return ancestorsOf(document, node).filter(isNumberedContainer).pop() ?? null;
}
