/** Completion items from the core's candidates. */
import {
  CompletionItemKind,
  InsertTextFormat,
  CompletionTriggerKind,
  type CompletionContext,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver/node';
import type { CompletionCandidate } from '../../core/workspace/completion';
import type { CommentRound } from '../../core/comments/model';
import type { Locale } from '../../core/i18n/locale';
import { responsePhrases } from '../../core/comments/response-phrases';

/**
 * 例文 snippets while typing: the last character of 例文, reibun and of a clause's subject (「職員等は」).
 * Markdown has no suggestions while typing otherwise (VS Code's quickSuggestions are off for it).
 */
const REIBUN_TRIGGERS = ['文', 'n', 'は'];

export const COMPLETION_TRIGGERS = ['「', '.', '．', '(', '（', ...REIBUN_TRIGGERS];

/** Typing one of the 例文 triggers asks for model clauses only (not terms or references). */
export function wantsReibunOnly(context: CompletionContext | undefined): boolean {
  return (
    context?.triggerKind === CompletionTriggerKind.TriggerCharacter &&
    REIBUN_TRIGGERS.includes(context.triggerCharacter ?? '')
  );
}

const KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  section: CompletionItemKind.Reference,
  item: CompletionItemKind.EnumMember,
  role: CompletionItemKind.Constant,
  term: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionList(candidates: readonly CompletionCandidate[]): CompletionList {
  const items: CompletionItem[] = candidates.map((c) => ({
    label: c.label,
    kind: KIND[c.kind],
    textEdit: { range: c.replace, newText: c.insertText },
    ...(c.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    filterText: c.filterText,
    sortText: c.sortText,
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: c.documentation } : {}),
  }));
  // Incomplete: the candidates depend on what is typed before the cursor, not only on a prefix.
  return { isIncomplete: true, items };
}

/** Standard 考え方 phrases where a `response:` of a YAML round is being written. */
export function responseCompletionList(
  round: CommentRound,
  text: string,
  position: { line: number; character: number },
  locale: Locale,
): CompletionList | null {
  const lines = text.split(/\r?\n/);
  const phrases = responsePhrases(round, lines[position.line] ?? '', position, locale, lines.slice(0, position.line));
  if (phrases.length === 0) return null;
  return {
    isIncomplete: false,
    items: phrases.map((p, i) => ({
      label: p.text,
      kind: CompletionItemKind.Text,
      detail: p.disposition,
      textEdit: { range: { start: p.replaceFrom, end: position }, newText: p.insertText },
      sortText: String(i).padStart(2, '0'),
    })),
  };
}
