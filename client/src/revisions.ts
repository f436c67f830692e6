/**
 * Earlier versions in VS Code: the previous version's section beside the current one (the diff
 * editor over a read-only virtual document), and the 新旧対照表 of the open guideline written to a
 * file the user chooses, with progress while the server builds it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  PreviousSectionRequest,
  RevisionTableRequest,
  VersionListRequest,
  type RevisionTableParams,
} from '../../server/src/protocol/protocol';

const SCHEME = 'guideline-version';

/** Texts of versions shown in the diff editor, by URI path; read-only. */
class VersionTexts implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

function cursorOf(uri?: string, position?: { line: number; character: number }) {
  const editor = vscode.window.activeTextEditor;
  const target = uri ?? editor?.document.uri.toString();
  const at = position ?? (editor ? editor.selection.active : undefined);
  return target && at ? { uri: target, position: { line: at.line, character: at.character } } : undefined;
}

export function registerRevisionCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const texts = new VersionTexts();
  let shown = 0;
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, texts),
    vscode.commands.registerCommand(
      'guideline.showPreviousVersion',
      async (uri?: string, position?: { line: number; character: number }) => {
        const at = cursorOf(uri, position);
        if (!at) return;
        const result = await client.sendRequest(PreviousSectionRequest, {
          textDocument: { uri: at.uri },
          position: at.position,
        });
        if (!result) {
          vscode.window.showInformationMessage(
            vscode.l10n.t('No earlier version is configured (versions in guideline.config.json).'),
          );
          return;
        }
        // A new URI each time: the diff editor caches documents by URI.
        const n = ++shown;
        const left = vscode.Uri.from({ scheme: SCHEME, path: `/${n}/${result.previousSection ?? 'new'}.md` });
        const right = vscode.Uri.from({ scheme: SCHEME, path: `/${n}/${result.section ?? 'current'}-current.md` });
        texts.set(left, result.previous);
        texts.set(right, result.current);
        const title = vscode.l10n.t(
          '{0} {1} ↔ current {2}',
          result.label,
          result.previousSection ?? vscode.l10n.t('(new)'),
          result.section ?? '',
        );
        await vscode.commands.executeCommand('vscode.diff', left, right, title);
      },
    ),
    // Arguments (for tasks and tests): { format, target } skip the two questions.
    vscode.commands.registerCommand(
      'guideline.revisionTable',
      async (
        preset?: { format?: RevisionTableParams['format']; target?: string } & Pick<
          RevisionTableParams,
          'version' | 'file' | 'git'
        >,
      ) => {
        const at = cursorOf();
        if (!at) return;
        const previous =
          preset?.version || preset?.file || preset?.git
            ? { version: preset.version, file: preset.file, git: preset.git }
            : await choosePreviousVersion(client);
        if (!previous) return;
        const formats: { label: string; format: RevisionTableParams['format']; ext: string }[] = [
          { label: vscode.l10n.t('HTML (prints on A4 landscape)'), format: 'html', ext: 'html' },
          { label: vscode.l10n.t('Word (DOCX)'), format: 'docx', ext: 'docx' },
          { label: vscode.l10n.t('Markdown (for review in git)'), format: 'md', ext: 'md' },
        ];
        const picked =
          formats.find((f) => f.format === preset?.format) ??
          (await vscode.window.showQuickPick(formats, {
            title: vscode.l10n.t('Comparison table (新旧対照表)'),
            placeHolder: vscode.l10n.t('Choose the format'),
          }));
        if (!picked) return;
        const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(at.uri))?.uri;
        const target = preset?.target
          ? vscode.Uri.parse(preset.target)
          : await vscode.window.showSaveDialog({
              ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `新旧対照表.${picked.ext}`) } : {}),
              filters: { [picked.label]: [picked.ext] },
            });
        if (!target) return;
        try {
          const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Building the comparison table…') },
            () =>
              client.sendRequest(RevisionTableRequest, {
                textDocument: { uri: at.uri },
                format: picked.format,
                ...(previous.version ? { version: previous.version } : {}),
                ...(previous.file ? { file: previous.file } : {}),
                ...(previous.git ? { git: previous.git } : {}),
              } satisfies RevisionTableParams),
          );
          const bytes =
            result.encoding === 'base64'
              ? Uint8Array.from(Buffer.from(result.content, 'base64'))
              : new TextEncoder().encode(result.content);
          await vscode.workspace.fs.writeFile(target, bytes);
          const { modified, added, deleted, renumbered } = result.counts;
          const open = vscode.l10n.t('Open');
          if (preset?.target) return;
          const choice = await vscode.window.showInformationMessage(
            vscode.l10n.t(
              'Wrote the comparison table against {0}: {1} changed, {2} added, {3} deleted, {4} renumbered.',
              result.versionLabel,
              modified,
              added,
              deleted,
              renumbered,
            ),
            open,
          );
          if (choice === open) {
            if (picked.format === 'md') await vscode.window.showTextDocument(target);
            else await vscode.env.openExternal(target);
          }
        } catch (error) {
          vscode.window.showErrorMessage((error as Error).message);
        }
      },
    ),
  );
}

/** The previous version to compare with: a configured version, another file, or a git revision. */
async function choosePreviousVersion(
  client: LanguageClient,
): Promise<Pick<RevisionTableParams, 'version' | 'file' | 'git'> | undefined> {
  const { labels } = await client.sendRequest(VersionListRequest, {});
  type Choice = vscode.QuickPickItem & { choice: 'version' | 'file' | 'git' };
  const items: Choice[] = [
    ...labels.map((label): Choice => ({ label, description: vscode.l10n.t('configured version'), choice: 'version' })),
    { label: vscode.l10n.t('Another file…'), choice: 'file' },
    { label: vscode.l10n.t('A git revision…'), choice: 'git' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Comparison table (新旧対照表)'),
    placeHolder: vscode.l10n.t('Choose the previous version'),
  });
  if (!picked) return undefined;
  if (picked.choice === 'version') return { version: picked.label };
  if (picked.choice === 'file') {
    const files = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { Markdown: ['md', 'markdown'] },
    });
    return files?.[0] ? { file: files[0].toString() } : undefined;
  }
  const revision = await vscode.window.showInputBox({
    title: vscode.l10n.t('Comparison table (新旧対照表)'),
    prompt: vscode.l10n.t('A git revision of this file (a tag, branch or commit)'),
    placeHolder: 'v2015',
  });
  return revision ? { git: revision.trim() } : undefined;
}
