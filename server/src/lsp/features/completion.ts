/** Completion items from the core's candidates. */
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import type { CompletionCandidate } from '../../core/workspace/completion';

export const COMPLETION_TRIGGERS = ['「', '.', '．', '(', '（'];

const KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  section: CompletionItemKind.Reference,
  item: CompletionItemKind.EnumMember,
  role: CompletionItemKind.Constant,
  term: CompletionItemKind.Text,
};

export function toCompletionList(candidates: readonly CompletionCandidate[]): CompletionList {
  const items: CompletionItem[] = candidates.map((c) => ({
    label: c.label,
    kind: KIND[c.kind],
    textEdit: { range: c.replace, newText: c.insertText },
    filterText: c.filterText,
    sortText: c.sortText,
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: c.documentation } : {}),
  }));
  // Incomplete: the candidates depend on what is typed before the cursor, not only on a prefix.
  return { isIncomplete: true, items };
}
