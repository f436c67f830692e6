/** Folding ranges for sections, parts and items (every multi-line node). */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import { walk } from '../../core/model/node';
import type { GuidelineDocument } from '../../core/model/document';

export function foldingRanges(document: GuidelineDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const node of walk(document.root)) {
    if (node.kind === 'document' || node.range.end.line <= node.range.start.line) continue;
    ranges.push({ startLine: node.range.start.line, endLine: node.range.end.line, kind: FoldingRangeKind.Region });
  }
  return ranges;
}
