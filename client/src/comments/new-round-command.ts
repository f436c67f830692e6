/**
 * 「新しい回を作成」: the received table (the file given from the explorer, else one the user picks)
 * becomes a new round's YAML store through the server; the user chooses whether to carry over the
 * responses it already has and where to save (default: beside the guideline the round is about, a
 * name that does not exist yet; the save dialog asks before replacing a file). The store is written
 * atomically and opened with the cursor on the first 考え方 to write.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewRoundRequest, type NewRoundResult } from '../../../server/src/protocol/protocol';
import { freeFileName, writeAtomically } from '../write-file';

/** What the readers take (server/src/core/comments/read.ts, host/comments). */
const RECEIVED_FILTERS = {
  [vscode.l10n.t('Comment tables')]: ['pdf', 'xlsx', 'docx', 'csv', 'tsv', 'md', 'txt', 'yaml', 'yml', 'json'],
};

async function pickReceived(given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Create a new comment round: choose the received table'),
    openLabel: vscode.l10n.t('Create Round'),
    canSelectMany: false,
    filters: RECEIVED_FILTERS,
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
  return picked?.[0];
}

/** Carry the received responses over? Asked only when the table has some. */
async function askResponses(result: NewRoundResult): Promise<'empty' | 'keep' | undefined> {
  if (result.withResponses === 0) return 'empty';
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Start with empty responses'),
        description: vscode.l10n.t('The editors write every 考え方'),
        choice: 'empty' as const,
      },
      {
        label: vscode.l10n.t('Carry over the {0} responses as drafts', result.withResponses),
        description: vscode.l10n.t('The disposition follows what they say'),
        choice: 'keep' as const,
      },
    ],
    {
      title: vscode.l10n.t('Create a new comment round'),
      placeHolder: vscode.l10n.t('The received table has responses'),
    },
  );
  return picked?.choice;
}

/** Beside the guideline the round is about, else in the workspace folder, else beside the table. */
function defaultFolder(received: vscode.Uri, result: NewRoundResult): vscode.Uri {
  if (result.guidelineUri) return vscode.Uri.joinPath(vscode.Uri.parse(result.guidelineUri), '..');
  const inWorkspace = vscode.workspace.getWorkspaceFolder(received);
  if (inWorkspace) return vscode.Uri.joinPath(received, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.joinPath(received, '..');
}

/** The first line `response:` with nothing after it: where the editor starts writing. */
function firstBlankResponse(text: string): vscode.Position | undefined {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => /^\s*response:\s*$/.test(l));
  return line >= 0 ? new vscode.Position(line, lines[line].length) : undefined;
}

export function registerNewRoundCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.newCommentRound', async (uri?: vscode.Uri) => {
      try {
        const received = await pickReceived(uri instanceof vscode.Uri ? uri : undefined);
        if (!received) return;
        let result = await client.sendRequest(NewRoundRequest, { uri: received.toString(), responses: 'empty' });
        const responses = await askResponses(result);
        if (!responses) return;
        if (responses === 'keep')
          result = await client.sendRequest(NewRoundRequest, { uri: received.toString(), responses });
        const name = received.path.slice(received.path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
        const defaultUri = await freeFileName(defaultFolder(received, result), `${name}-round`, 'yaml');
        // The save dialog asks before replacing an existing file.
        const destination = await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Save the new comment round'),
          defaultUri,
          filters: { YAML: ['yaml', 'yml'] },
        });
        if (!destination) return;
        await writeAtomically(destination, new TextEncoder().encode(result.yaml));
        const editor = await vscode.window.showTextDocument(destination);
        const at = firstBlankResponse(result.yaml);
        if (at) {
          editor.selection = new vscode.Selection(at, at);
          editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
        }
        void vscode.window.showInformationMessage(
          result.renumbered
            ? vscode.l10n.t(
                'Created a new round of {0} comments in {1}. The numbers restarted in each group, so they were numbered 1 to {0} (the received number is in notes). Write the responses under response:.',
                result.comments,
                vscode.workspace.asRelativePath(destination),
              )
            : vscode.l10n.t(
                'Created a new round of {0} comments in {1}. Write the responses under response:.',
                result.comments,
                vscode.workspace.asRelativePath(destination),
              ),
        );
      } catch (error) {
        vscode.window.showErrorMessage((error as Error).message);
      }
    }),
  );
}
