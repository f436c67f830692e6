/** Outline and breadcrumbs: the section tree as hierarchical document symbols. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { displayName, type GuidelineNode, type NodeKind } from '../../core/model/node';
import type { GuidelineDocument } from '../../core/model/document';

export const SYMBOL_KIND: Record<NodeKind, SymbolKind> = {
  document: SymbolKind.File,
  chapter: SymbolKind.Module,
  section: SymbolKind.Namespace,
  article: SymbolKind.Class,
  heading: SymbolKind.String,
  part: SymbolKind.Struct,
  item: SymbolKind.EnumMember,
  clause: SymbolKind.Field,
  note: SymbolKind.Key,
  figure: SymbolKind.Object,
};

function toSymbol(node: GuidelineNode): DocumentSymbol {
  return {
    name: displayName(node) || node.label || '—',
    kind: SYMBOL_KIND[node.kind],
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children.map(toSymbol),
  };
}

export function documentSymbols(document: GuidelineDocument): DocumentSymbol[] {
  return document.root.children.map(toSymbol);
}
