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
      const extra = [
        status.openPromises > 0 ? vscode.l10n.t('not started {0}', status.openPromises) : null,
        status.unresolved > 0 ? vscode.l10n.t('no place {0}', status.unresolved) : null,
      ].filter(Boolean);
      item.text = `$(comment-discussion) ${vscode.l10n.t('Comments {0}', status.linked)}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
      item.tooltip = vscode.l10n.t(
        'Public comments linked to this file: {0}, accepted: {1}, promised changes not started: {2}, with no place in the guideline (workspace): {3}. Click to open the comments view.',
        status.linked,
        status.accepted,
        status.openPromises,
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
