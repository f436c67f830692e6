/** Workspace symbols: `3.6.2` or `アクセス制御` finds the section in any guideline file. */
import type { SymbolInformation } from 'vscode-languageserver/node';
import { displayName, isNumberedContainer, walk } from '../../core/model/node';
import type { GuidelineDocument } from '../../core/model/document';
import { normalizeNumber, titleKey } from '../../core/text/width';
import { SYMBOL_KIND } from './document-symbols';

const LIMIT = 500;

/** Guideline documents only (numbered sections), for 「項番へ移動」: no README or notes. */
export function guidelineSections(documents: readonly GuidelineDocument[], query: string): SymbolInformation[] {
  return workspaceSymbols(
    documents.filter((d) => d.sectionsByNumber.size > 0),
    query,
  );
}

export function workspaceSymbols(documents: readonly GuidelineDocument[], query: string): SymbolInformation[] {
  const numberQuery = normalizeNumber(query);
  const textQuery = titleKey(query);
  const out: SymbolInformation[] = [];
  for (const document of documents) {
    for (const node of walk(document.root)) {
      if (!isNumberedContainer(node) && node.kind !== 'heading') continue;
      const matches =
        !query.trim() ||
        (node.number !== null && node.number.startsWith(numberQuery)) ||
        titleKey(node.title).includes(textQuery);
      if (!matches) continue;
      out.push({
        name: displayName(node),
        kind: SYMBOL_KIND[node.kind],
        location: { uri: document.uri, range: node.selectionRange },
        containerName: document.root.title,
      });
      if (out.length >= LIMIT) return out;
    }
  }
  return out;
}
