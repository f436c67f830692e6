/** Expand selection: marker → item → part → section → chapter. */
import type { Position, SelectionRange } from 'vscode-languageserver/node';
import { ancestryAt, type GuidelineDocument } from '../../core/model/document';

export function selectionRanges(document: GuidelineDocument, positions: readonly Position[]): SelectionRange[] {
  return positions.map((position) => {
    const offset = document.lines.offsetAt(position);
    const chain = ancestryAt(document, offset).filter((n) => n.kind !== 'document');
    let result: SelectionRange | undefined;
    for (const node of chain) result = { range: node.range, ...(result ? { parent: result } : {}) };
    const innermost = chain[chain.length - 1];
    if (
      innermost &&
      offset >= innermost.start &&
      document.lines.offsetAt(innermost.selectionRange.end) >= offset &&
      document.lines.offsetAt(innermost.selectionRange.start) <= offset
    ) {
      result = { range: innermost.selectionRange, ...(result ? { parent: result } : {}) };
    }
    return result ?? { range: { start: position, end: position } };
  });
}
