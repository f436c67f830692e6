/**
 * Comment links kept across edits. Linking resolves every 該当箇所 against the full tree, which an
 * editor cannot afford on every keystroke of a large guideline. Most edits do not change the
 * structure (the headings, parts, items and notes of any chunk), so links made on one version stay
 * true on the next; only the places move. An anchor records where a link's node stands in chunk
 * terms (which chunk, which path in its outline), so its range is found again on a later version
 * of the same structure without building the tree.
 */
import type { GuidelineDocument } from '../model/document';
import type { Chunk } from '../model/chunks';
import { localOutline, type LocalNode } from '../model/tree';
import { structureSignature } from '../model/structure';
import type { Range } from '../text/position';
import type { CommentLink, CommentLinks } from './comment-links';

interface Anchor {
  readonly chunkIndex: number;
  /** Child indices in the chunk's outline; null: the chunk's own heading. */
  readonly path: readonly number[] | null;
}

function chunkIndexAt(chunks: readonly Chunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function pathTo(nodes: readonly LocalNode[], selectionStart: number): number[] | undefined {
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].selectionStart === selectionStart) return [i];
    const inner = pathTo(nodes[i].children, selectionStart);
    if (inner) return [i, ...inner];
  }
  return undefined;
}

export class AnchoredLinks {
  private readonly anchors = new Map<CommentLink, Anchor>();
  private readonly structure = new Map<string, readonly string[]>();

  constructor(readonly links: CommentLinks, documents: readonly GuidelineDocument[]) {
    for (const document of documents) {
      this.structure.set(document.uri, document.chunks.map(structureSignature));
      for (const link of links.forDocument(document.uri)) {
        if (!link.node || link.node.kind === 'document') continue;
        const chunkIndex = chunkIndexAt(document.chunks, link.node.selectionStart);
        const chunk = document.chunks[chunkIndex];
        const heading = chunk.heading;
        if (heading && heading.textStart === link.node.selectionStart) {
          this.anchors.set(link, { chunkIndex, path: null });
          continue;
        }
        const path = pathTo(localOutline(chunk), link.node.selectionStart - chunk.start);
        if (path) this.anchors.set(link, { chunkIndex, path });
      }
    }
  }

  /** Whether these links still describe the documents: same documents, same structure. */
  validFor(documents: readonly GuidelineDocument[]): boolean {
    if (documents.length !== this.structure.size) return false;
    for (const document of documents) {
      const known = this.structure.get(document.uri);
      if (!known || known.length !== document.chunks.length) return false;
      for (let i = 0; i < known.length; i++) if (known[i] !== structureSignature(document.chunks[i])) return false;
    }
    return true;
  }

  /** The range of a link's node in `document`, a version of the same structure. */
  rangeIn(document: GuidelineDocument, link: CommentLink): Range | undefined {
    const anchor = this.anchors.get(link);
    if (!anchor) return undefined;
    const chunk = document.chunks[anchor.chunkIndex];
    if (!chunk) return undefined;
    if (anchor.path === null) return chunk.heading ? document.lines.rangeOf(chunk.heading.textStart, chunk.heading.textEnd) : undefined;
    let nodes = localOutline(chunk);
    let node: LocalNode | undefined;
    for (const index of anchor.path) {
      node = nodes[index];
      if (!node) return undefined;
      nodes = node.children;
    }
    return node && document.lines.rangeOf(chunk.start + node.selectionStart, chunk.start + node.selectionEnd);
  }
}
