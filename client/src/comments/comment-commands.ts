/** Commands about comments: list them for the current section, convert a comment file, export the table. */
import * as vscode from 'vscode';
import type { LanguageClient, Position } from 'vscode-languageclient/node';
import {
  CommentsAtRequest,
  ConvertCommentsRequest,
  ExportCommentsRequest,
  type CommentItem,
} from '../../../server/src/protocol/protocol';
import { commentLabel, openCommentRecord, openCommentTarget, shorten } from './open';

async function pickComment(items: CommentItem[], title: string): Promise<CommentItem | undefined> {
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({
      label: commentLabel(item),
      description: [item.submitter, item.location, item.roundLabel].filter(Boolean).join(' · '),
      detail: shorten(item.opinion, 160),
      item,
    })),
    { title, matchOnDescription: true, matchOnDetail: true, placeHolder: vscode.l10n.t('Choose a comment to open') },
  );
  return picked?.item;
}

export function registerCommentCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.showComments', async (uri?: string, position?: Position) => {
      const editor = vscode.window.activeTextEditor;
      const target = uri ?? editor?.document.uri.toString();
      const at =
        position ??
        (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
      if (!target || !at) {
        vscode.window.showInformationMessage(vscode.l10n.t('Open a guideline to see its comments.'));
        return;
      }
      const result = await client.sendRequest(CommentsAtRequest, {
        textDocument: { uri: target },
        position: at,
      });
      if (result.items.length === 0) {
        vscode.window.showInformationMessage(
          vscode.l10n.t('No public comments on {0}.', result.title ?? vscode.l10n.t('this place')),
        );
        return;
      }
      const item = await pickComment(result.items, vscode.l10n.t('Comments on {0}', result.title ?? ''));
      if (item) await openCommentRecord(client, item);
    }),
    vscode.commands.registerCommand('guideline.openComment', (item: CommentItem) => openCommentRecord(client, item)),
    vscode.commands.registerCommand('guideline.openCommentTarget', (arg: CommentItem | { item: CommentItem }) =>
      openCommentTarget(client, 'item' in arg && typeof arg.item === 'object' ? arg.item : (arg as CommentItem)),
    ),
    vscode.commands.registerCommand('guideline.convertCommentsToYaml', async (uri?: vscode.Uri) => {
      const source = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!source) return;
      try {
        const { text } = await client.sendRequest(ConvertCommentsRequest, {
          uri: source.toString(),
          format: 'yaml',
        });
        // An untitled document: nothing is written until the user saves it.
        const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
        await vscode.window.showTextDocument(document);
      } catch (error) {
        vscode.window.showErrorMessage((error as Error).message);
      }
    }),
    vscode.commands.registerCommand('guideline.exportCommentTable', async (uri?: vscode.Uri) => {
      const source = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!source) return;
      const format = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Markdown table'), format: 'md' as const },
          { label: vscode.l10n.t('CSV (Excel)'), format: 'csv' as const },
        ],
        { title: vscode.l10n.t('Export the comment table') },
      );
      if (!format) return;
      const order = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('In comment number order'), order: 'number' as const },
          { label: vscode.l10n.t('Grouped by section'), order: 'section' as const },
        ],
        { title: vscode.l10n.t('Export the comment table') },
      );
      if (!order) return;
      try {
        const { text } = await client.sendRequest(ExportCommentsRequest, {
          uri: source.toString(),
          format: format.format,
          order: order.order,
        });
        const defaultUri = source.with({ path: source.path.replace(/\.[^./]+$/, '') + `-table.${format.format}` });
        // The save dialog asks before replacing an existing file.
        const destination = await vscode.window.showSaveDialog({
          defaultUri,
          filters: format.format === 'md' ? { Markdown: ['md'] } : { CSV: ['csv'] },
        });
        if (!destination) return;
        await writeAtomically(destination, text);
        vscode.window.showInformationMessage(
          vscode.l10n.t('Exported the comment table to {0}.', vscode.workspace.asRelativePath(destination)),
        );
      } catch (error) {
        vscode.window.showErrorMessage((error as Error).message);
      }
    }),
  );
}

/** Writes next to the destination, then renames over it: a reader never sees half a file. */
async function writeAtomically(destination: vscode.Uri, text: string): Promise<void> {
  const temporary = destination.with({ path: `${destination.path}.${process.pid}.tmp` });
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temporary, destination, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
