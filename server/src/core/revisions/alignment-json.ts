/** The alignment as the JSON `guideline diff --json` prints: one row per aligned node. */
import type { Range } from '../text/position';
import type { Alignment, ChangeKind, VersionNode } from './align';

interface AlignedNodeJson {
  readonly section: string | null;
  readonly title: string;
  readonly path: readonly string[];
  readonly range: Range;
}

export interface AlignmentRowJson {
  readonly change: ChangeKind;
  readonly renumbered: boolean;
  readonly retitled: boolean;
  readonly moved: boolean;
  readonly old: AlignedNodeJson | null;
  readonly new: AlignedNodeJson | null;
  readonly similarity: number;
  readonly relation?: { readonly kind: 'split' | 'merged'; readonly with: readonly string[] };
}

const nodeJson = (v: VersionNode | null): AlignedNodeJson | null =>
  v ? { section: v.section, title: v.node.title, path: v.path, range: v.node.range } : null;

export function alignmentJson(alignment: Alignment): { rows: AlignmentRowJson[] } {
  return {
    rows: alignment.rows.map((row) => ({
      change: row.change,
      renumbered: row.renumbered,
      retitled: row.retitled,
      moved: row.moved,
      old: nodeJson(row.old),
      new: nodeJson(row.new),
      similarity: Math.round(row.similarity * 1000) / 1000,
      ...(row.relation ? { relation: { kind: row.relation.kind, with: row.relation.with.path } } : {}),
    })),
  };
}
