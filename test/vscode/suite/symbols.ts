// Helpers over the answer of `vscode.executeDocumentSymbolProvider`, which mixes hierarchical
// DocumentSymbols with flat SymbolInformations depending on the provider.
import type * as vscode from 'vscode';

export type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

export function childrenOf(symbol: AnySymbol): AnySymbol[] {
  return 'children' in symbol ? symbol.children : [];
}

/** Depth-first search over the symbols and all their descendants. */
export function findSymbol(
  symbols: readonly AnySymbol[],
  predicate: (symbol: AnySymbol) => boolean,
): AnySymbol | undefined {
  for (const symbol of symbols) {
    if (predicate(symbol)) return symbol;
    const found = findSymbol(childrenOf(symbol), predicate);
    if (found) return found;
  }
  return undefined;
}

/** Names as an indented outline, for failure messages (limited so a long document stays readable). */
export function describeSymbols(symbols: readonly AnySymbol[] | undefined, maxLines = 40): string {
  if (!symbols) return '(no answer)';
  const lines: string[] = [];
  const walk = (list: readonly AnySymbol[], depth: number): void => {
    for (const symbol of list) {
      if (lines.length >= maxLines) return;
      lines.push(`${'  '.repeat(depth)}${symbol.name}`);
      walk(childrenOf(symbol), depth + 1);
    }
  };
  walk(symbols, 0);
  return lines.length > 0 ? `\n${lines.join('\n')}` : '(empty)';
}
