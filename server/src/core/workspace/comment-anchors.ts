/**
 * Comment links kept across edits. Linking resolves every 該当箇所 against the full tree, which an
 * editor cannot afford on every keystroke of a large guideline. Most edits do not change the
 * structure (the headings, parts, items and notes of any chunk), so links made on one version stay
 * true on the next; only the places move. An anchor records where a link's node stands in chunk
 * terms (which chunk, which path in its outline), so its range is found again on a later version
 * of the same structure without building the tree.
 */
import type { GuidelineDocument } from '../model/document';
import { placeOf, resolvePlace, structureSignature, type ChunkPlace } from '../model/structure';
import type { Range } from '../text/position';
import type { CommentLink, CommentLinks } from './comment-links';

export class AnchoredLinks {
  private readonly anchors = new Map<CommentLink, ChunkPlace>();
  private readonly structure = new Map<string, readonly string[]>();

  constructor(
    readonly links: CommentLinks,
    documents: readonly GuidelineDocument[],
  ) {
    for (const document of documents) {
      this.structure.set(document.uri, document.chunks.map(structureSignature));
      for (const link of links.forDocument(document.uri)) {
        if (!link.node || link.node.kind === 'document') continue;
        this.anchors.set(link, placeOf(document.chunks, link.node.selectionStart, link.node.selectionEnd));
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
    const place = anchor && resolvePlace(document.chunks, anchor);
    return place && document.lines.rangeOf(place.start, place.end);
  }
}
