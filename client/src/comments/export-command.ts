/**
 * 「意見の表を書き出す」: the round comes from the file given (explorer), the active comment file, or a
 * pick among the workspace's rounds (so the command works from a guideline tab too); then a format
 * (Markdown, CSV for Excel as UTF-8 with BOM or Shift_JIS, .xlsx, the published .docx). The file is
 * written atomically where the user chooses; afterwards the user can open it or reveal it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CommentTreeRequest, ExportCommentsRequest, type ExportFormat } from '../../../server/src/protocol/protocol';
import { writeAtomically } from '../write-file';

interface FormatChoice extends vscode.QuickPickItem {
  readonly format: ExportFormat;
  readonly filter: Record<string, string[]>;
}

function formatChoices(): FormatChoice[] {
  return [
    {
      label: vscode.l10n.t('Word document (.docx), published layout'),
      description: vscode.l10n.t('Title, date and counts above the table'),
      format: 'docx',
      filter: { Word: ['docx'] },
    },
    { label: vscode.l10n.t('Excel workbook (.xlsx)'), format: 'xlsx', filter: { Excel: ['xlsx'] } },
    {
      label: vscode.l10n.t('CSV for Excel (UTF-8 with BOM)'),
      format: 'csv',
      filter: { CSV: ['csv'] },
    },
    { label: vscode.l10n.t('CSV (Shift_JIS)'), format: 'csv-sjis', filter: { CSV: ['csv'] } },
    { label: vscode.l10n.t('Markdown table'), format: 'md', filter: { Markdown: ['md'] } },
  ];
}

/** The round to export: the file given, the active comment file, or the user's pick. */
async function pickRound(client: LanguageClient, given: vscode.Uri | undefined): Promise<string | undefined> {
  const { rounds } = await client.sendRequest(CommentTreeRequest, {});
  const known = new Set(rounds.map((r) => r.uri));
  if (given && known.has(given.toString())) return given.toString();
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  if (!given && active && known.has(active)) return active;
  if (given) return given.toString(); // a file the server did not count (a duplicate): it answers why
  if (rounds.length === 0) {
    vscode.window.showInformationMessage(vscode.l10n.t('There are no comment rounds in this workspace to export.'));
    return undefined;
  }
  if (rounds.length === 1) return rounds[0].uri;
  const picked = await vscode.window.showQuickPick(
    rounds.map((r) => ({
      label: r.label,
      description: vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri)),
      detail: r.title ?? undefined,
      uri: r.uri,
    })),
    { title: vscode.l10n.t('Export the comment table'), placeHolder: vscode.l10n.t('Choose the round to export') },
  );
  return picked?.uri;
}

export function registerExportCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.exportCommentTable', async (uri?: vscode.Uri) => {
      try {
        const roundUri = await pickRound(client, uri instanceof vscode.Uri ? uri : undefined);
        if (!roundUri) return;
        const choice = await vscode.window.showQuickPick(formatChoices(), {
          title: vscode.l10n.t('Export the comment table'),
          placeHolder: vscode.l10n.t('Choose a format'),
        });
        if (!choice) return;
        const result = await client.sendRequest(ExportCommentsRequest, {
          uri: roundUri,
          format: choice.format,
          order: 'number',
        });
        const source = vscode.Uri.parse(roundUri);
        const defaultUri = source.with({
          path: source.path.replace(/\.[^./]+$/, '') + `-table.${result.extension}`,
        });
        // The save dialog asks before replacing an existing file.
        const destination = await vscode.window.showSaveDialog({ defaultUri, filters: choice.filter });
        if (!destination) return;
        await writeAtomically(destination, Buffer.from(result.data, 'base64'));
        if (result.unmappable.length > 0)
          void vscode.window.showWarningMessage(
            vscode.l10n.t(
              'Shift_JIS cannot hold these characters; they were written as "?": {0}',
              result.unmappable.join(' '),
            ),
          );
        const open = vscode.l10n.t('Open');
        const reveal = vscode.l10n.t('Reveal in File Explorer');
        const answer = await vscode.window.showInformationMessage(
          vscode.l10n.t('Exported the comment table to {0}.', vscode.workspace.asRelativePath(destination)),
          open,
          reveal,
        );
        if (answer === open) {
          if (result.text !== null) await vscode.window.showTextDocument(destination);
          else await vscode.env.openExternal(destination);
        } else if (answer === reveal) await vscode.commands.executeCommand('revealFileInOS', destination);
      } catch (error) {
        vscode.window.showErrorMessage((error as Error).message);
      }
    }),
  );
}
