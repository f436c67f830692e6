/** Commands about comments: list them for the current section, convert a comment file, export the table. */
import * as vscode from 'vscode';
import type { LanguageClient, Position } from 'vscode-languageclient/node';
import { CommentsAtRequest, ConvertCommentsRequest, type CommentItem } from '../../../server/src/protocol/protocol';
import { commentLabel, openCommentRecord, openCommentTarget } from './open';
import { shorten } from '../../../server/src/protocol/protocol';

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
    vscode.commands.registerCommand('guideline.openComment', (arg: CommentItem | { item: CommentItem }) =>
      openCommentRecord(client, 'item' in arg && typeof arg.item === 'object' ? arg.item : (arg as CommentItem)),
    ),
    vscode.commands.registerCommand(
      'guideline.copyCommentResponse',
      async (arg: CommentItem | { item: CommentItem }) => {
        const item = 'item' in arg && typeof arg.item === 'object' ? arg.item : (arg as CommentItem);
        await vscode.env.clipboard.writeText(item.response.trim());
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the response to comment {0}.', item.number), 3000);
      },
    ),
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
  );
}
