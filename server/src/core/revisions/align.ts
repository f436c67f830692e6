/**
 * Alignment of two versions of a guideline: which node of the old version became which node of the
 * new one. Sections (chapters, sections, articles, headings) are matched across the whole document
 * so that a section moved under another parent is still found; their parts, items, notes and figures
 * are matched inside each pair of sections, then leftovers across the document (a moved item).
 *
 * Each matching pass takes the cheapest evidence first: equal text, then the same number and title,
 * the same title (a renumbered section), text similarity (a renumbered and edited one), and the same
 * number last (a retitled and rewritten one). Similarity is computed only for what is still unmatched,
 * so two nearly equal 460 KB versions cost a walk of their trees.
 */
import type { GuidelineDocument } from '../model/document';
import type { GuidelineNode } from '../model/node';
import { bigramCodes, diceSimilarity } from './similarity';

export type ChangeKind = 'unchanged' | 'modified' | 'added' | 'deleted';

/** A node of one version with what the alignment compares. */
export interface VersionNode {
  readonly node: GuidelineNode;
  /** Number of the nearest numbered section, chapter or article (the node's own for a section). */
  readonly section: string | null;
  /** `["3.8.3", "例文", "(1)"]`: numbers (or names) from the nearest section down. */
  readonly path: readonly string[];
  /** The node's own text: a section's text up to its first subsection; the whole node otherwise. */
  readonly text: string;
  /** `text` without its own number and markup, whitespace collapsed: what "unchanged" compares. */
  readonly key: string;
  readonly isContainer: boolean;
  readonly parent: VersionNode | null;
  readonly index: number;
}

export interface AlignmentRow {
  readonly change: ChangeKind;
  /** The number changed (3.8.3 → 3.9.3, (2) → (3)). */
  readonly renumbered: boolean;
  /** A section's title changed. */
  readonly retitled: boolean;
  /** The node now sits under a different parent than its old parent's counterpart. */
  readonly moved: boolean;
  readonly old: VersionNode | null;
  readonly new: VersionNode | null;
  /** 1 for unchanged, bigram Dice of the keys for modified, 0 for added and deleted. */
  readonly similarity: number;
  /** An added node split off an old one, or a deleted node merged into a new one. */
  readonly relation?: { readonly kind: 'split' | 'merged'; readonly with: VersionNode };
}

export interface Alignment {
  readonly oldDocument: GuidelineDocument;
  readonly newDocument: GuidelineDocument;
  readonly oldNodes: readonly VersionNode[];
  readonly newNodes: readonly VersionNode[];
  /** One row per node of either version, in the new version's order (deleted nodes where they were). */
  readonly rows: readonly AlignmentRow[];
  /** The row of a node of either version. */
  rowOf(node: GuidelineNode): AlignmentRow | undefined;
}

const CONTAINER_KINDS = new Set(['chapter', 'section', 'article', 'heading']);
/** Above this many candidate pairs a similarity pass is skipped (the cheaper passes still run). */
const MAX_PAIRS = 250_000;
const MATCH_THRESHOLD = 0.5;
const MOVED_THRESHOLD = 0.7;
const CONTAINMENT_THRESHOLD = 0.6;
const SAME_NUMBER_BONUS = 0.15;

function normalizeKey(text: string, label: string): string {
  let body = text.replace(/^#{1,6}[ \t]+/, '').trimStart();
  if (label && body.startsWith(label)) body = body.slice(label.length);
  return body
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The nodes of a version in document order, with their own texts and keys. */
function versionNodes(document: GuidelineDocument): VersionNode[] {
  const out: VersionNode[] = [];
  const text = document.text;
  const visit = (
    node: GuidelineNode,
    parent: VersionNode | null,
    section: string | null,
    path: readonly string[],
  ): void => {
    const isContainer = CONTAINER_KINDS.has(node.kind);
    const ownSection = isContainer && node.kind !== 'heading' ? node.number : section;
    const ownPath = isContainer
      ? [node.number ?? node.title]
      : [...path, node.kind === 'part' ? (node.part ?? node.label) : (node.number ?? node.label)];
    const firstSub = isContainer ? node.children.find((c) => CONTAINER_KINDS.has(c.kind)) : undefined;
    const own = text.slice(node.start, firstSub ? firstSub.start : node.end);
    const entry: VersionNode = {
      node,
      section: ownSection,
      path: ownPath,
      text: own,
      key: normalizeKey(own, node.label),
      isContainer,
      parent,
      index: out.length,
    };
    out.push(entry);
    for (const child of node.children) visit(child, entry, ownSection, ownPath);
  };
  for (const child of document.root.children) visit(child, null, null, []);
  return out;
}

class Matcher {
  readonly oldToNew = new Map<VersionNode, VersionNode>();
  readonly newToOld = new Map<VersionNode, VersionNode>();
  private readonly grams = new Map<VersionNode, Map<number, number>>();

  pair(o: VersionNode, n: VersionNode): void {
    this.oldToNew.set(o, n);
    this.newToOld.set(n, o);
  }

  free(list: readonly VersionNode[], side: 'old' | 'new'): VersionNode[] {
    const map = side === 'old' ? this.oldToNew : this.newToOld;
    return list.filter((v) => !map.has(v));
  }

  bigramsOf(v: VersionNode): Map<number, number> {
    let g = this.grams.get(v);
    if (!g) this.grams.set(v, (g = bigramCodes(v.key)));
    return g;
  }

  similarity(o: VersionNode, n: VersionNode): number {
    if (o.key === n.key) return 1;
    return diceSimilarity(this.bigramsOf(o), this.bigramsOf(n));
  }

  /**
   * Similarity for choosing partners: Dice, or most of the shorter text found in the longer one (an
   * item that absorbed its neighbour, or kept half of a split, is still the same item).
   */
  matchScore(o: VersionNode, n: VersionNode): number {
    const dice = this.similarity(o, n);
    const [short, long] = o.key.length <= n.key.length ? [o, n] : [n, o];
    if (short.key.length < 8 || short.key.length < long.key.length * 0.3) return dice;
    return Math.max(dice, 0.9 * containment(this, short, long));
  }

  /** Pairs nodes whose `keyOf` is equal, in document order within each key. */
  byKey(olds: readonly VersionNode[], news: readonly VersionNode[], keyOf: (v: VersionNode) => string | null): void {
    const queues = new Map<string, VersionNode[]>();
    for (const n of this.free(news, 'new')) {
      const k = keyOf(n);
      if (k === null) continue;
      const q = queues.get(k);
      if (q) q.push(n);
      else queues.set(k, [n]);
    }
    for (const o of this.free(olds, 'old')) {
      const k = keyOf(o);
      if (k === null) continue;
      const n = queues.get(k)?.shift();
      if (n) this.pair(o, n);
    }
  }

  /** Pairs nodes whose `keyOf` occurs exactly once among the free nodes of each side. */
  byUniqueKey(
    olds: readonly VersionNode[],
    news: readonly VersionNode[],
    keyOf: (v: VersionNode) => string | null,
  ): void {
    const count = (list: readonly VersionNode[]) => {
      const map = new Map<string, VersionNode | null>();
      for (const v of list) {
        const k = keyOf(v);
        if (k !== null) map.set(k, map.has(k) ? null : v);
      }
      return map;
    };
    const newByKey = count(this.free(news, 'new'));
    for (const [k, o] of count(this.free(olds, 'old'))) {
      const n = newByKey.get(k);
      if (o && n) this.pair(o, n);
    }
  }

  /** Greedy best-first pairing of same-kind nodes whose similarity reaches `threshold`. */
  bySimilarity(
    olds: readonly VersionNode[],
    news: readonly VersionNode[],
    threshold: number,
    compatible: (o: VersionNode, n: VersionNode) => boolean = (o, n) => o.node.kind === n.node.kind,
  ): void {
    const freeOld = this.free(olds, 'old');
    const freeNew = this.free(news, 'new');
    if (freeOld.length === 0 || freeNew.length === 0 || freeOld.length * freeNew.length > MAX_PAIRS) return;
    const candidates: { o: VersionNode; n: VersionNode; s: number }[] = [];
    for (const o of freeOld)
      for (const n of freeNew) {
        if (!compatible(o, n)) continue;
        const s = this.matchScore(o, n);
        // The same number is evidence too: of two similar candidates, the one in the same place wins.
        if (s >= threshold) candidates.push({ o, n, s: o.node.number === n.node.number ? s + SAME_NUMBER_BONUS : s });
      }
    // Ties go to the pair closest in document order, so equal texts pair in order.
    candidates.sort((a, b) => b.s - a.s || Math.abs(a.o.index - a.n.index) - Math.abs(b.o.index - b.n.index));
    for (const { o, n } of candidates) if (!this.oldToNew.has(o) && !this.newToOld.has(n)) this.pair(o, n);
  }
}

function childIndex(nodes: readonly VersionNode[]): Map<VersionNode, VersionNode[]> {
  const kids = new Map<VersionNode, VersionNode[]>();
  for (const v of nodes) {
    if (!v.parent || v.isContainer) continue;
    const list = kids.get(v.parent);
    if (list) list.push(v);
    else kids.set(v.parent, [v]);
  }
  return kids;
}

/** Matches the parts, items, notes and figures under two paired nodes, recursively. */
function matchInside(
  m: Matcher,
  olds: readonly VersionNode[],
  news: readonly VersionNode[],
  oldKids: Map<VersionNode, VersionNode[]>,
  newKids: Map<VersionNode, VersionNode[]>,
): void {
  if (olds.length === 0 || news.length === 0) return;
  const kindKey = (v: VersionNode) => `${v.node.kind}\u0000${v.key}`;
  m.byKey(olds, news, kindKey);
  m.byKey(olds, news, (v) => (v.node.kind === 'part' ? `part\u0000${v.node.part ?? v.node.label}` : null));
  m.bySimilarity(olds, news, MATCH_THRESHOLD);
  m.byKey(olds, news, (v) => (v.node.number ? `${v.node.kind}\u0000${v.node.number}` : null));
  for (const o of olds) {
    const n = m.oldToNew.get(o);
    if (n) matchInside(m, oldKids.get(o) ?? [], newKids.get(n) ?? [], oldKids, newKids);
  }
}

function containment(m: Matcher, part: VersionNode, whole: VersionNode): number {
  const a = m.bigramsOf(part);
  const b = m.bigramsOf(whole);
  let size = 0;
  let shared = 0;
  for (const [k, n] of a) {
    size += n;
    shared += Math.min(n, b.get(k) ?? 0);
  }
  return size === 0 ? 0 : shared / size;
}

export function alignDocuments(oldDocument: GuidelineDocument, newDocument: GuidelineDocument): Alignment {
  const oldNodes = versionNodes(oldDocument);
  const newNodes = versionNodes(newDocument);
  const m = new Matcher();
  const oldSections = oldNodes.filter((v) => v.isContainer);
  const newSections = newNodes.filter((v) => v.isContainer);
  const sameKind = (v: VersionNode) => v.node.kind;

  // Sections across the document.
  m.byKey(oldSections, newSections, (v) => `${sameKind(v)}\u0000${v.node.number}\u0000${v.node.title}\u0000${v.key}`);
  m.byKey(oldSections, newSections, (v) => `${sameKind(v)}\u0000${v.node.number}\u0000${v.node.title}`);
  // Renumbered: the same text under another number, then a title found once on each side.
  m.byKey(oldSections, newSections, (v) => `${sameKind(v)}\u0000${v.key}`);
  m.byUniqueKey(oldSections, newSections, (v) => (v.node.title ? `${sameKind(v)}\u0000${v.node.title}` : null));
  m.bySimilarity(
    m.free(oldSections, 'old'),
    m.free(newSections, 'new'),
    0,
    (o, n) => o.node.kind === n.node.kind && o.node.title !== '' && o.node.title === n.node.title,
  );
  m.bySimilarity(oldSections, newSections, MATCH_THRESHOLD);
  m.byKey(oldSections, newSections, (v) => (v.node.number ? `${sameKind(v)}\u0000${v.node.number}` : null));

  // What lies inside each pair of sections.
  const oldKids = childIndex(oldNodes);
  const newKids = childIndex(newNodes);
  for (const o of oldSections) {
    const n = m.oldToNew.get(o);
    if (n) matchInside(m, oldKids.get(o) ?? [], newKids.get(n) ?? [], oldKids, newKids);
  }
  // Leftovers anywhere: an item or note moved to another section.
  const leftOld = m.free(oldNodes, 'old').filter((v) => !v.isContainer && v.node.kind !== 'part');
  const leftNew = m.free(newNodes, 'new').filter((v) => !v.isContainer && v.node.kind !== 'part');
  m.bySimilarity(leftOld, leftNew, MOVED_THRESHOLD);
  for (const o of leftOld) {
    const n = m.oldToNew.get(o);
    if (n) matchInside(m, oldKids.get(o) ?? [], newKids.get(n) ?? [], oldKids, newKids);
  }

  return buildAlignment(m, oldDocument, newDocument, oldNodes, newNodes);
}

/** A row; the similarity of a modified pair is computed when first asked (the table never asks). */
class Row implements AlignmentRow {
  private measured: number | undefined;
  readonly change: ChangeKind;
  readonly renumbered: boolean;
  readonly retitled: boolean;
  readonly moved: boolean;

  constructor(
    private readonly m: Matcher,
    readonly old: VersionNode | null,
    readonly new_: VersionNode | null,
    readonly relation?: AlignmentRow['relation'],
  ) {
    const o = old;
    const n = new_;
    if (o && n) {
      const parentPartner = o.parent ? m.oldToNew.get(o.parent) : null;
      this.change = o.key === n.key ? 'unchanged' : 'modified';
      this.renumbered = (o.node.number ?? '') !== (n.node.number ?? '');
      this.retitled = o.isContainer && o.node.title !== n.node.title;
      // A section is placed by its number, so only a part, item, note or figure can move.
      this.moved = !n.isContainer && (parentPartner ?? null) !== (n.parent ?? null);
    } else {
      this.change = o ? 'deleted' : 'added';
      this.renumbered = false;
      this.retitled = false;
      this.moved = false;
    }
  }

  get new(): VersionNode | null {
    return this.new_;
  }

  get similarity(): number {
    if (!this.old || !this.new_) return 0;
    return (this.measured ??= this.m.similarity(this.old, this.new_));
  }
}

/** The added node's neighbours that were paired with a modified node: where it may have split from. */
function relationOf(
  m: Matcher,
  v: VersionNode,
  /** The node's siblings, itself included. */
  list: readonly VersionNode[],
  partner: Map<VersionNode, VersionNode>,
  kind: 'split' | 'merged',
): AlignmentRow['relation'] {
  if (v.key.length < 4) return undefined;
  const siblings = list;
  const at = siblings.indexOf(v);
  for (const neighbour of [siblings[at - 1], siblings[at + 1]]) {
    const other = neighbour && partner.get(neighbour);
    if (!other || other.key === neighbour.key) continue;
    if (containment(m, v, other) >= CONTAINMENT_THRESHOLD) return { kind, with: other };
  }
  return undefined;
}

function buildAlignment(
  m: Matcher,
  oldDocument: GuidelineDocument,
  newDocument: GuidelineDocument,
  oldNodes: readonly VersionNode[],
  newNodes: readonly VersionNode[],
): Alignment {
  const rows: AlignmentRow[] = [];
  const byNode = new Map<GuidelineNode, AlignmentRow>();
  const emit = (row: AlignmentRow): void => {
    rows.push(row);
    if (row.old) byNode.set(row.old.node, row);
    if (row.new) byNode.set(row.new.node, row);
  };
  const siblingIndex = (nodes: readonly VersionNode[]) => {
    const byParent = new Map<VersionNode | null, VersionNode[]>();
    for (const v of nodes) {
      const list = byParent.get(v.parent);
      if (list) list.push(v);
      else byParent.set(v.parent, [v]);
    }
    return (v: VersionNode) => (byParent.get(v.parent) ?? []).filter((s) => s.isContainer === v.isContainer);
  };
  const oldSiblings = siblingIndex(oldNodes);
  const newSiblings = siblingIndex(newNodes);
  let nextOld = 0;
  const emitDeletedBefore = (limit: number): void => {
    for (; nextOld < limit; nextOld++) {
      const o = oldNodes[nextOld];
      if (m.oldToNew.has(o)) continue;
      emit(new Row(m, o, null, relationOf(m, o, oldSiblings(o), m.oldToNew, 'merged')));
    }
  };
  // The old index of the next paired new node: deletions are shown before the additions beside them.
  const nextPairedOld = new Array<number>(newNodes.length);
  for (let i = newNodes.length - 1, next = oldNodes.length; i >= 0; i--) {
    next = m.newToOld.get(newNodes[i])?.index ?? next;
    nextPairedOld[i] = next;
  }
  for (const n of newNodes) {
    const o = m.newToOld.get(n) ?? null;
    emitDeletedBefore(nextPairedOld[n.index]);
    emit(o ? new Row(m, o, n) : new Row(m, null, n, relationOf(m, n, newSiblings(n), m.newToOld, 'split')));
  }
  emitDeletedBefore(oldNodes.length);
  return {
    oldDocument,
    newDocument,
    oldNodes,
    newNodes,
    rows,
    rowOf: (node) => byNode.get(node),
  };
}
