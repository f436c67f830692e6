/**
 * The guideline documents of a workspace, for what crosses files: cross references, workspace
 * symbols and comment links. Holds immutable snapshots; replacing one is O(its sections).
 */
import type { GuidelineDocument, SectionHit } from '../model/document';
import { titleKey } from '../text/width';

export interface NodeHit {
  readonly document: GuidelineDocument;
  readonly node: SectionHit;
}

export class GuidelineIndex {
  private readonly documents = new Map<string, GuidelineDocument>();
  private titleCache: Map<string, NodeHit[]> | null = null;
  /** Bumped on every change, so derived data (comment links) knows when to recompute. */
  generation = 0;

  set(document: GuidelineDocument): void {
    if (this.documents.get(document.uri) === document) return;
    this.documents.set(document.uri, document);
    this.titleCache = null;
    this.generation++;
  }

  delete(uri: string): void {
    if (this.documents.delete(uri)) {
      this.titleCache = null;
      this.generation++;
    }
  }

  get(uri: string): GuidelineDocument | undefined {
    return this.documents.get(uri);
  }

  all(): GuidelineDocument[] {
    return [...this.documents.values()];
  }

  /** Sections with a number, the preferred document first: skeleton nodes (title and ranges only). */
  sectionsNumbered(number: string, preferUri?: string): NodeHit[] {
    // Asked once per reference of a guideline on every edit: no copy of the document list per call.
    const hits: NodeHit[] = [];
    const add = (document: GuidelineDocument): void => {
      const nodes = document.sectionsByNumber.get(number);
      if (nodes) for (const node of nodes) hits.push({ document, node });
    };
    const preferred = preferUri === undefined ? undefined : this.documents.get(preferUri);
    if (preferred) add(preferred);
    for (const document of this.documents.values()) if (document !== preferred) add(document);
    return hits;
  }

  /** Sections whose title matches, width- and space-insensitively (skeleton nodes). */
  sectionsTitled(title: string): NodeHit[] {
    if (!this.titleCache) {
      this.titleCache = new Map();
      for (const document of this.documents.values()) {
        for (const node of [...document.sectionsByNumber.values()].flat()) {
          if (!node.title) continue;
          const key = titleKey(node.title);
          const list = this.titleCache.get(key);
          if (list) list.push({ document, node });
          else this.titleCache.set(key, [{ document, node }]);
        }
      }
    }
    return this.titleCache.get(titleKey(title)) ?? [];
  }
}
