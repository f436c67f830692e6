/**
 * Resolves a location path as public comments write it (「3.8.1 （解説）（2）⑬（注7）」) to the most
 * specific node that exists, and says how far it got.
 */
import type { GuidelineDocument } from './document';
import { walk, type GuidelineNode } from './node';
import { normalizeItemKey, type PartName } from './markers';

export interface NodePath {
  readonly section: string | null;
  readonly part: PartName | null;
  /** Item keys in order, e.g. `(2)`, `⑬`, `(注7)`, `図表5`; any width, normalised here. */
  readonly items: readonly string[];
}

/**
 * `exact`: everything named was found. `item`, `part`, `section`: the deepest level that was found
 * before something named was missing. `document`: a general comment. `none`: the section is missing.
 */
export type MatchQuality = 'exact' | 'item' | 'part' | 'section' | 'document' | 'none';

export interface LocateResult {
  readonly node: GuidelineNode | null;
  readonly match: MatchQuality;
  /** What was named but not found, in path order. */
  readonly unresolved: readonly string[];
}

/** First node under `scope` (breadth first, scope excluded) satisfying `test`. */
function findBelow(scope: GuidelineNode, test: (node: GuidelineNode) => boolean): GuidelineNode | null {
  const queue = [...scope.children];
  for (let i = 0; i < queue.length; i++) {
    if (test(queue[i])) return queue[i];
    for (const child of queue[i].children) queue.push(child);
  }
  return null;
}

function findSection(document: GuidelineDocument, number: string): GuidelineNode | null {
  return document.fullSectionsByNumber.get(number)?.[0] ?? null;
}

export function locate(document: GuidelineDocument, path: NodePath): LocateResult {
  if (!path.section) {
    if (!path.part && path.items.length === 0) return { node: document.root, match: 'document', unresolved: [] };
  }
  let current: GuidelineNode | null = path.section ? findSection(document, path.section) : document.root;
  if (!current)
    return { node: null, match: 'none', unresolved: [path.section!, ...(path.part ? [path.part] : []), ...path.items] };
  let match: MatchQuality = path.section ? 'section' : 'document';
  const sectionNode = current;

  if (path.part) {
    const part = findBelow(current, (n) => n.kind === 'part' && n.part === path.part);
    if (!part) return { node: current, match, unresolved: [path.part, ...path.items] };
    current = part;
    match = 'part';
  }
  for (let i = 0; i < path.items.length; i++) {
    const key = normalizeItemKey(path.items[i]);
    const isAttachment = key.startsWith('(注') || /^(図表|図|表)\d/.test(key);
    const matches = (n: GuidelineNode): boolean => n.number === key && n.kind !== 'part' && n.kind !== 'section';
    // Notes and figures are numbered across a part or section, so look beyond the current item.
    let next = findBelow(current!, matches);
    if (!next && isAttachment)
      next = findBelow(path.part ? (ancestorPart(sectionNode, current!) ?? sectionNode) : sectionNode, matches);
    if (!next) return { node: current, match, unresolved: path.items.slice(i) };
    current = next;
    match = 'item';
  }
  return { node: current, match: 'exact', unresolved: [] };
}

function ancestorPart(section: GuidelineNode, node: GuidelineNode): GuidelineNode | null {
  for (const candidate of walk(section)) {
    if (candidate.kind === 'part' && candidate.start <= node.start && node.end <= candidate.end) return candidate;
  }
  return null;
}
