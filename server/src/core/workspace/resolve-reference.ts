/** Cross references resolved across the workspace: the node a reference points at. */
import type { GuidelineDocument } from '../model/document';
import { locate, type LocateResult } from '../model/locate';
import { documentReferences, type SectionReference } from '../model/references';
import type { GuidelineNode } from '../model/node';
import type { GuidelineIndex } from './guideline-index';

export interface ResolvedReference extends LocateResult {
  readonly document: GuidelineDocument | null;
}

export function referenceAt(document: GuidelineDocument, offset: number): SectionReference | undefined {
  return documentReferences(document).find(
    (ref) => ref.numberStart <= offset && offset <= Math.max(ref.numberEnd, ref.titleEnd),
  );
}

export function resolveReference(
  index: GuidelineIndex,
  from: GuidelineDocument,
  ref: SectionReference,
): ResolvedReference {
  const hit = index.sectionsNumbered(ref.path.section!, from.uri)[0];
  if (!hit) return { document: null, node: null, match: 'none', unresolved: [ref.path.section!] };
  return { document: hit.document, ...locate(hit.document, ref.path) };
}

/** Every reference in the workspace whose target section is `node`'s number. */
export function referencesTo(
  index: GuidelineIndex,
  node: GuidelineNode,
): Array<{ document: GuidelineDocument; ref: SectionReference }> {
  if (!node.number) return [];
  const out: Array<{ document: GuidelineDocument; ref: SectionReference }> = [];
  for (const document of index.all()) {
    for (const ref of documentReferences(document)) if (ref.path.section === node.number) out.push({ document, ref });
  }
  return out;
}

/** The first lines of a node's text, for hovers. */
export function excerpt(document: GuidelineDocument, node: GuidelineNode, maxLines = 6, maxChars = 400): string {
  const startLine = node.range.start.line;
  const endLine = Math.min(node.range.end.line, startLine + maxLines * 3);
  const lines: string[] = [];
  for (let line = startLine; line <= endLine && lines.length < maxLines; line++) {
    const text = document.lines.lineText(line).trim();
    if (text) lines.push(text);
  }
  const joined = lines.join('\n');
  return joined.length > maxChars ? `${joined.slice(0, maxChars)}…` : joined;
}
