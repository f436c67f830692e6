/** The guideline document model: one immutable tree per document version. */
import type { Range } from '../text/position';
import type { PartName } from './markers';

export type NodeKind =
  'document' | 'chapter' | 'section' | 'article' | 'heading' | 'part' | 'item' | 'clause' | 'note' | 'figure';

export interface GuidelineNode {
  readonly kind: NodeKind;
  /**
   * Canonical number: `3.6.2`, `3` (第3章), `第3条`, `(2)`, `⑬`, `ア`, `(注7)`, `図表5`; for parts the
   * part name (`例文`); null for unnumbered headings and the document.
   */
  readonly number: string | null;
  /** The number or marker as written (`３．６．２`, `（２）`, `**【例文】**` → `【例文】`). */
  readonly label: string;
  readonly title: string;
  /** Item depth (1 for (1), 2 for ①, 3 for ア), heading level for headings, 0 otherwise. */
  readonly level: number;
  /** Position among siblings of its numbering sequence (the 2 of (2), 13 of ⑬); 0 when none. */
  readonly ordinal: number;
  readonly part?: PartName;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  /** The heading text or the marker: what a click on the outline selects. */
  readonly selectionRange: Range;
  /** Offsets of the selection range. */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: readonly GuidelineNode[];
  /** Path of canonical numbers from the nearest section: `3.6.2/例文/(2)/③`. */
  readonly id: string;
}

/** Kinds that carry a section-like number that cross references and locations name. */
export function isNumberedContainer(node: GuidelineNode): boolean {
  return node.kind === 'section' || node.kind === 'chapter' || node.kind === 'article';
}

export function* walk(node: GuidelineNode): Generator<GuidelineNode> {
  const stack: GuidelineNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    yield current;
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
  }
}

/** Human-readable name of a node, as shown in the outline and hovers: `3.6.2 アクセス制御`. */
export function displayName(node: Pick<GuidelineNode, 'kind' | 'title' | 'label'>): string {
  if (node.kind === 'document') return node.title;
  if (node.kind === 'part') return node.label;
  const title = node.title.length > 60 ? `${node.title.slice(0, 60)}…` : node.title;
  if (!node.label) return title;
  return title ? `${node.label} ${title}` : node.label;
}
