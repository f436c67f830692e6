/**
 * An immutable snapshot of one guideline document version: text, line index, chunks, tree and the
 * indexes derived from it. `GuidelineModelCache` keeps the chunk parse cache across versions, so a
 * new version reuses every chunk whose text did not change.
 */
import { LineIndex } from '../text/position';
import { scanChunks, type Chunk } from './scan';
import { ChunkParseCache, type ParsedChunk } from './parse';
import { buildTree } from './tree';
import { isNumberedContainer, walk, type GuidelineNode } from './node';

export interface GuidelineDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly chunks: readonly Chunk[];
  /** Parse of each chunk, parallel to `chunks`; offsets relative to the chunk. */
  readonly parsed: readonly ParsedChunk[];
  readonly root: GuidelineNode;
  /** Numbered sections, chapters and articles by canonical number (duplicates kept in order). */
  readonly sectionsByNumber: ReadonlyMap<string, readonly GuidelineNode[]>;
}

/** Title of a document: its first heading, else the file name. */
function documentTitle(uri: string, chunks: readonly Chunk[]): string {
  const first = chunks.find((c) => c.heading)?.heading;
  if (first && !/^[0-9０-９第]/.test(first.text)) return first.text;
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}

export class GuidelineModelCache {
  readonly parses: ChunkParseCache;

  constructor(parseCache = new ChunkParseCache()) {
    this.parses = parseCache;
  }

  build(uri: string, version: number, text: string): GuidelineDocument {
    const lines = new LineIndex(text);
    const chunks = scanChunks(text);
    const title = documentTitle(uri, chunks);
    const { root } = buildTree(text, chunks, this.parses, lines, title);
    const sectionsByNumber = new Map<string, GuidelineNode[]>();
    for (const node of walk(root)) {
      if (!isNumberedContainer(node) || !node.number) continue;
      const list = sectionsByNumber.get(node.number);
      if (list) list.push(node);
      else sectionsByNumber.set(node.number, [node]);
    }
    const parsed = chunks.map((chunk) => this.parses.get(chunk.text));
    return Object.freeze({ uri, version, text, lines, chunks, parsed, root, sectionsByNumber });
  }
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
export function ancestorsOf(document: GuidelineDocument, node: GuidelineNode): GuidelineNode[] {
  const chain = [document.root];
  let current = document.root;
  while (current !== node) {
    const next = current.children.find((c) => c === node || (c.start <= node.start && node.end <= c.end && node.start < c.end));
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
