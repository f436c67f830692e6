/** 「項番へ移動…」: every numbered section of every guideline in the workspace, by number or title. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface SymbolInformation {
  name: string;
  containerName?: string;
  location: {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  };
}

export function registerGoToSection(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.goToSection', async () => {
      const symbols = await client.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' });
      const picked = await vscode.window.showQuickPick(
        symbols.map((s) => ({ label: s.name, description: s.containerName, symbol: s })),
        {
          title: vscode.l10n.t('Go to Section'),
          placeHolder: vscode.l10n.t('Type a section number (3.6.2) or a title (アクセス制御)'),
          matchOnDescription: true,
        },
      );
      if (!picked) return;
      const { start, end } = picked.symbol.location.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(picked.symbol.location.uri), {
        selection: new vscode.Range(start.line, start.character, end.line, end.character),
      });
    }),
  );
}
