/**
 * 「Word／PDF からガイドラインを取り込む」: picks a .docx or .pdf, asks the server to convert it
 * (guideline/importDocument) under a progress notification, and opens the Markdown as a new,
 * unsaved editor: the user saves it where they want, so no file is ever replaced. The notes
 * (guessed headings, flattened tables, pages without text) go to an output channel.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportDocumentRequest, type ImportDocumentResult } from '../../server/src/protocol/protocol';

interface ImportCommandResult {
  readonly uri: string;
  readonly notes: readonly string[];
}

export function registerImportCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  let notesChannel: vscode.OutputChannel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'guideline.importDocument',
      async (source?: vscode.Uri): Promise<ImportCommandResult | undefined> => {
        const picked =
          source ??
          (
            await vscode.window.showOpenDialog({
              canSelectMany: false,
              defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
              openLabel: vscode.l10n.t('Import'),
              title: vscode.l10n.t('Import a Guideline from Word/PDF'),
              filters: { [vscode.l10n.t('Word or PDF')]: ['docx', 'pdf'] },
            })
          )?.[0];
        if (!picked) return undefined;
        const name = picked.path.split('/').pop() ?? picked.path;
        if (picked.scheme !== 'file') {
          vscode.window.showErrorMessage(vscode.l10n.t('Only files on disk can be imported: {0}', name));
          return undefined;
        }
        let result: ImportDocumentResult | null;
        try {
          result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', name) },
            () => client.sendRequest(ImportDocumentRequest, { uri: picked.toString() }),
          );
        } catch (error) {
          vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: {1}', name, (error as Error).message));
          return undefined;
        }
        if (!result) {
          vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: {1}', name, '—'));
          return undefined;
        }
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
        await vscode.window.showTextDocument(document);
        if (result.notes.length > 0) {
          notesChannel ??= vscode.window.createOutputChannel(vscode.l10n.t('Guideline Import'));
          notesChannel.appendLine(`${name}:`);
          for (const note of result.notes) notesChannel.appendLine(`  ${note}`);
          const show = vscode.l10n.t('Show Notes');
          void vscode.window
            .showWarningMessage(
              vscode.l10n.t(
                'Imported {0}. {1} places need a look; save the new file where you want it.',
                name,
                result.notes.length,
              ),
              show,
            )
            .then((choice) => choice === show && notesChannel?.show(true));
        } else {
          void vscode.window.showInformationMessage(
            vscode.l10n.t('Imported {0}. Save the new file where you want it.', name),
          );
        }
        return { uri: document.uri.toString(), notes: result.notes };
      },
    ),
  );
}
