/**
 * The structure of a document version in chunk terms: its numbered sections and the numbering
 * findings among structural siblings, with places given as (chunk index, offset in the chunk).
 * Most edits leave the structure as it was (typing inside a paragraph), so the next version
 * inherits this object and only converts places, instead of building the skeleton again.
 */
import type { Chunk } from './chunks';
import { localOutline, type LocalNode } from './tree';
import { isNumberedContainer, walk, type GuidelineNode, type NodeKind } from './node';
import type { Locale } from '../i18n/locale';

const signatures = new WeakMap<Chunk['model'], string>();

/** What the structure of a chunk is made of: its heading and its outline's markers (not the items' text). */
export function structureSignature(chunk: Pick<Chunk, 'model' | 'parsed'>): string {
  let signature = signatures.get(chunk.model);
  if (signature === undefined) {
    // The heading's level and where its text starts are structure too (## 3 and ### 3 nest differently).
    const heading = chunk.model.heading;
    const parts: string[] = [heading ? `${heading.level}:${heading.textStart}:${heading.textEnd}:${heading.text}` : ''];
    const visit = (nodes: readonly LocalNode[], depth: number): void => {
      for (const node of nodes) {
        // Titles of sections and articles are structure (cross references cite them); the first
        // line of an item is text being written, not structure.
        const title = node.kind === 'section' || node.kind === 'article' ? node.title : '';
        parts.push(`${depth}:${node.kind}:${node.number ?? ''}:${node.label}:${title}`);
        visit(node.children, depth + 1);
      }
    };
    visit(localOutline(chunk), 0);
    signature = parts.join('\u0000');
    signatures.set(chunk.model, signature);
  }
  return signature;
}

/**
 * A place in chunk terms that survives edits which keep the structure: in a chunk's heading (by
 * offset, which the structure fixes), or at a node of its outline (by path: text typed before the
 * node moves it within the chunk).
 */
export interface ChunkPlace {
  readonly chunk: number;
  /** Child indices in the chunk's outline; null: offsets in the chunk's heading line. */
  readonly path: readonly number[] | null;
  readonly start: number;
  readonly end: number;
}

export interface SectionEntry {
  readonly kind: NodeKind;
  readonly number: string;
  readonly title: string;
  /** The heading text or marker. */
  readonly selection: ChunkPlace;
}

export function chunkIndexAt(chunks: readonly { readonly start: number }[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Paths of a chunk's outline nodes by their selection start, built once per outline. */
const pathIndexes = new WeakMap<readonly LocalNode[], Map<number, readonly number[]>>();

function pathTo(nodes: readonly LocalNode[], selectionStart: number): readonly number[] | undefined {
  let index = pathIndexes.get(nodes);
  if (!index) {
    const built = new Map<number, readonly number[]>();
    const stack: Array<{ node: LocalNode; path: number[] }> = nodes.map((node, i) => ({ node, path: [i] }));
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      if (!built.has(node.selectionStart)) built.set(node.selectionStart, path);
      node.children.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
    }
    pathIndexes.set(nodes, (index = built));
  }
  return index.get(selectionStart);
}

/** The place of document offsets [start, end) (a heading's text or a node's marker) in chunk terms. */
export function placeOf(chunks: readonly Chunk[], start: number, end: number): ChunkPlace {
  const index = chunkIndexAt(chunks, start);
  const chunk = chunks[index];
  const relative = start - chunk.start;
  const heading = chunk.model.heading;
  const path = heading && relative <= heading.lineEnd ? null : (pathTo(localOutline(chunk), relative) ?? null);
  return { chunk: index, path, start: relative, end: end - chunk.start };
}

/** Document offsets of a place in a version with the same structure; undefined when it is gone. */
export function resolvePlace(chunks: readonly Chunk[], place: ChunkPlace): { start: number; end: number } | undefined {
  const chunk = chunks[place.chunk];
  if (!chunk) return undefined;
  if (place.path === null) return { start: chunk.start + place.start, end: chunk.start + place.end };
  let nodes = localOutline(chunk);
  let node: LocalNode | undefined;
  for (const index of place.path) {
    node = nodes[index];
    if (!node) return undefined;
    nodes = node.children;
  }
  return node && { start: chunk.start + node.selectionStart, end: chunk.start + node.selectionEnd };
}

/**
 * The structure of one version. `numbering` is filled on first use per locale by numbering.ts,
 * which owns the checks; it is kept here so that it follows the structure across versions.
 */
export class StructureInfo {
  readonly sections: readonly SectionEntry[];
  readonly numbering = new Map<Locale, unknown>();

  constructor(
    /** The skeleton of the version the structure was taken from (its offsets are that version's). */
    readonly skeleton: GuidelineNode,
    /** That version's chunks, to turn the skeleton's offsets into chunk places. */
    readonly origin: readonly Chunk[],
  ) {
    const chunks = origin;
    const sections: SectionEntry[] = [];
    for (const node of walk(skeleton)) {
      if (!isNumberedContainer(node) || !node.number) continue;
      sections.push({
        kind: node.kind,
        number: node.number,
        title: node.title,
        selection: placeOf(chunks, node.selectionStart, node.selectionEnd),
      });
    }
    this.sections = sections;
  }
}
