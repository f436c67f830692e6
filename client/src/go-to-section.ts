/**
 * 「項番へ移動…」: every section of every guideline document in the workspace (documents with numbered
 * sections; a README's headings are not offered), by number or title.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GuidelineSectionsRequest } from '../../server/src/protocol/protocol';

export function registerGoToSection(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.goToSection', async () => {
      const result = await client.sendRequest(GuidelineSectionsRequest, { query: '' });
      const symbols = (await client.protocol2CodeConverter.asSymbolInformations(result)) ?? [];
      const picked = await vscode.window.showQuickPick(
        symbols.map((s) => ({ label: s.name, description: s.containerName, symbol: s })),
        {
          title: vscode.l10n.t('Go to Section'),
          placeHolder: vscode.l10n.t('Type a section number (3.6.2) or a title (アクセス制御)'),
          matchOnDescription: true,
        },
      );
      if (!picked) return;
      const { uri, range } = picked.symbol.location;
      await vscode.window.showTextDocument(uri, { selection: range });
    }),
  );
}
