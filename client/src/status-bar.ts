/** Status bar: comments linked / unresolved for the current file; a click opens the comments view. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CommentStatusRequest } from '../../server/src/protocol/protocol';

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): { update(): void } {
  const item = vscode.window.createStatusBarItem('guideline.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Guideline Comments');
  item.command = 'guideline.focusComments';
  context.subscriptions.push(item);
  let pending = 0;

  async function update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const ticket = ++pending;
    if (!editor) {
      item.hide();
      return;
    }
    try {
      const status = await client.sendRequest(CommentStatusRequest, {
        textDocument: { uri: editor.document.uri.toString() },
      });
      if (ticket !== pending) return;
      if (!status.kind) {
        item.hide();
        return;
      }
      item.text =
        status.unresolved > 0
          ? `$(comment-discussion) ${vscode.l10n.t('Comments {0} (unresolved {1})', status.linked, status.unresolved)}`
          : `$(comment-discussion) ${vscode.l10n.t('Comments {0}', status.linked)}`;
      item.tooltip = vscode.l10n.t(
        'Public comments linked to this file: {0}, accepted: {1}, unresolved in the workspace: {2}. Click to open the comments view.',
        status.linked,
        status.accepted,
        status.unresolved,
      );
      item.show();
    } catch {
      item.hide();
    }
  }

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.languages.onDidChangeDiagnostics(() => void update()),
  );
  void update();
  return { update: () => void update() };
}
