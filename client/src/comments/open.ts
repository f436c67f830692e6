/** Opening a comment's record or its target in an editor. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommentItem } from '../../../server/src/protocol/protocol';

export async function openCommentRecord(client: LanguageClient, item: CommentItem): Promise<void> {
  const uri = vscode.Uri.parse(item.roundUri);
  // A PDF, Excel or Word result is no text document: open it with its own editor (a PDF viewer).
  if (/\.(pdf|xlsx|docx)$/i.test(uri.path)) {
    await vscode.commands.executeCommand('vscode.open', uri);
    return;
  }
  const start = client.protocol2CodeConverter.asPosition(item.range.start);
  await vscode.window.showTextDocument(uri, {
    selection: new vscode.Range(start, start),
    preview: true,
  });
}

export async function openCommentTarget(client: LanguageClient, item: CommentItem): Promise<void> {
  if (!item.target) return openCommentRecord(client, item);
  await vscode.window.showTextDocument(vscode.Uri.parse(item.target.uri), {
    selection: client.protocol2CodeConverter.asRange(item.target.range),
    preview: true,
  });
}

/** One line for lists: 「意見6 · 修正あり · 3.8.3」. */
export function commentLabel(item: CommentItem): string {
  const partial = item.partial ? vscode.l10n.t(' (in part)') : '';
  return vscode.l10n.t('Comment {0}', item.id ?? String(item.number)) + ` · ${item.dispositionLabel}${partial}`;
}

export const DISPOSITION_ICONS: Record<string, vscode.ThemeIcon> = {
  accepted: new vscode.ThemeIcon('edit', new vscode.ThemeColor('charts.orange')),
  'as-drafted': new vscode.ThemeIcon('circle-slash'),
  'already-covered': new vscode.ThemeIcon('book'),
  noted: new vscode.ThemeIcon('note'),
  other: new vscode.ThemeIcon('comment'),
  unresolved: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};
