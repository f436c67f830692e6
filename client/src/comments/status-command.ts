/**
 * 「対応状況を設定」: records the state of a promised change (未着手 / 対応済み / 確認済み) and who carries
 * it out in the round's YAML store. The server computes a minimal edit of the record; the edit is
 * applied and the file saved, so the diagnostics, view and status bar follow at once.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CommentTreeRequest,
  SetCommentStatusRequest,
  type CommentItem,
  type PromiseStatusKey,
} from '../../../server/src/protocol/protocol';
import { commentLabel } from './open';
import { shorten } from '../../../server/src/protocol/protocol';

function statusLabel(status: PromiseStatusKey): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('Not started');
    case 'done':
      return vscode.l10n.t('Done');
    case 'verified':
      return vscode.l10n.t('Verified');
  }
}

/** Without an argument (command palette): a pick among the workspace's promises. */
async function pickPromise(client: LanguageClient): Promise<CommentItem | undefined> {
  const { rounds } = await client.sendRequest(CommentTreeRequest, {});
  const items = rounds.flatMap((r) => r.items.filter((i) => i.promise));
  if (items.length === 0) {
    vscode.window.showInformationMessage(vscode.l10n.t('No response in this workspace promises a change.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    items.map((item) => ({
      label: commentLabel(item),
      description: [item.promise?.label, item.location, item.roundLabel].filter(Boolean).join(' · '),
      detail: shorten(item.response, 160),
      item,
    })),
    { title: vscode.l10n.t('Set the state of a promised change'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.item;
}

export function registerStatusCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.setCommentStatus', async (arg?: CommentItem | { item: CommentItem }) => {
      const item =
        arg && 'item' in arg && typeof arg.item === 'object'
          ? arg.item
          : ((arg as CommentItem | undefined) ?? (await pickPromise(client)));
      if (!item) return;
      if (!item.promise) {
        vscode.window.showInformationMessage(
          vscode.l10n.t('The response to comment {0} promises no change.', item.number),
        );
        return;
      }
      if (!item.editable) {
        const convert = vscode.l10n.t('Convert to YAML');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t(
            'The state is recorded in a YAML comment file. Convert this round to YAML, save it in the workspace, then set the state there.',
          ),
          convert,
        );
        if (answer === convert)
          await vscode.commands.executeCommand('guideline.convertCommentsToYaml', vscode.Uri.parse(item.roundUri));
        return;
      }
      const statuses: PromiseStatusKey[] = ['open', 'done', 'verified'];
      const picked = await vscode.window.showQuickPick(
        statuses.map((status) => ({
          label: statusLabel(status),
          description: status === item.promise?.status ? vscode.l10n.t('current') : undefined,
          status,
        })),
        { title: vscode.l10n.t('State of the change promised to comment {0}', item.number) },
      );
      if (!picked) return;
      const assignee = await vscode.window.showInputBox({
        title: vscode.l10n.t('Assignee (optional)'),
        value: item.promise.assignee ?? '',
        placeHolder: vscode.l10n.t('e.g. 情報政策課 山田'),
      });
      if (assignee === undefined) return;
      try {
        const { edit } = await client.sendRequest(SetCommentStatusRequest, {
          uri: item.roundUri,
          number: item.number,
          status: picked.status,
          assignee,
        });
        const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
        if (!applied) throw new Error(vscode.l10n.t('The comment file could not be edited.'));
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(item.roundUri));
        await document.save();
      } catch (error) {
        vscode.window.showErrorMessage((error as Error).message);
      }
    }),
  );
}
