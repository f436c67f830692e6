/**
 * The VS Code extension: wires VS Code to the language server (dist/cli.js `lsp`, over IPC) and
 * contributes commands, the comments view and the status bar. All analysis lives in the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CommentsView } from './comments/comments-view';
import { registerCommentCommands } from './comments/comment-commands';
import { registerExportCommand } from './comments/export-command';
import { registerNewRoundCommand } from './comments/new-round-command';
import { registerStatusCommand } from './comments/status-command';
import { askFilter, NO_FILTER } from './comments/filter';
import { registerStatusBar } from './status-bar';
import { registerGoToSection } from './go-to-section';
import { registerRevisionCommands } from './revisions';
import { registerImportCommand } from './import-document';
import { registerCoverageView } from './coverage/coverage-view';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol/launch';
import { CommentsChangedNotification } from '../../server/src/protocol/protocol';

let client: LanguageClient | undefined;

/** Applies the server's fix-all action and says what it did (n fixes of m kinds), or that nothing could be fixed. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      whole,
      'source.fixAll.guideline',
    )) ?? [];
  const action = actions.find((a) => a.kind?.value === 'source.fixAll.guideline' && a.edit);
  if (!action?.edit) {
    vscode.window.showInformationMessage(vscode.l10n.t('No notation problem in this file can be fixed automatically.'));
    return;
  }
  if (await vscode.workspace.applyEdit(action.edit))
    vscode.window.showInformationMessage(vscode.l10n.t('Applied: {0}', action.title));
}

/** Comment documents the server may read: their content decides whether they are comments. */
const COMMENT_FILES = '**/*.{txt,yaml,yml,csv,tsv,json}';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Guideline Language Server'), { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/cli.js');
  const serverOptions: ServerOptions = {
    run: {
      module: serverModule,
      args: ['lsp'],
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS] },
    },
    debug: {
      module: serverModule,
      args: ['lsp'],
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: COMMENT_FILES },
    ],
    synchronize: {
      configurationSection: 'guideline',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'),
        vscode.workspace.createFileSystemWatcher(COMMENT_FILES),
        // Results published as PDF, Excel or Word: read from disk by the server, never opened as text.
        vscode.workspace.createFileSystemWatcher('**/*.{pdf,xlsx,docx}'),
      ],
    },
    // Pull diagnostics default to off in vscode-languageclient 10: say what we want.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    outputChannel: output,
    // Read at every (re)start: trust can be granted while the server runs.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    // Hovers link to the comment list and the view; only these commands run from the server's Markdown.
    markdown: { isTrusted: { enabledCommands: ['guideline.showComments', 'guideline.focusComments'] } },
  };
  client = new LanguageClient('guideline', vscode.l10n.t('Guideline Language Server'), serverOptions, clientOptions);
  const languageClient = client;

  const commentsView = new CommentsView(languageClient);
  const treeView = vscode.window.createTreeView('guideline.comments', {
    treeDataProvider: commentsView,
    showCollapseAll: true,
  });
  commentsView.attach(treeView);
  const status = registerStatusBar(context, languageClient);
  registerCommentCommands(context, languageClient);
  registerExportCommand(context, languageClient);
  registerNewRoundCommand(context, languageClient);
  registerStatusCommand(context, languageClient);
  registerGoToSection(context, languageClient);
  registerRevisionCommands(context, languageClient);
  registerImportCommand(context, languageClient);
  const coverageView = registerCoverageView(context, languageClient);

  context.subscriptions.push(
    treeView,
    vscode.commands.registerCommand('guideline.restartServer', async () => {
      await languageClient.restart();
      vscode.window.showInformationMessage(vscode.l10n.t('The guideline language server was restarted.'));
    }),
    vscode.commands.registerCommand('guideline.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('guideline.fixAll', () => fixAll()),
    vscode.commands.registerCommand('guideline.focusComments', () =>
      vscode.commands.executeCommand('guideline.comments.focus'),
    ),
    vscode.commands.registerCommand('guideline.refreshComments', () => commentsView.refresh()),
    vscode.commands.registerCommand('guideline.filterComments', async () => {
      const filter = await askFilter(commentsView.filter, await commentsView.allRounds());
      if (filter) commentsView.setFilter(filter);
    }),
    vscode.commands.registerCommand('guideline.clearCommentFilter', () => commentsView.setFilter(NO_FILTER)),
    // Restricted Mode keeps workspace dictionaries out; once the workspace is trusted, load them.
    vscode.workspace.onDidGrantWorkspaceTrust(() => languageClient.restart()),
    // Comment files and guidelines change what the view and the status bar show: the server says
    // when, while the user types (debounced, from the open documents' text) and after saves.
    vscode.workspace.onDidSaveTextDocument(() => commentsView.refresh()),
    languageClient.onNotification(CommentsChangedNotification, () => {
      commentsView.refresh();
      status.update();
    }),
  );

  let restarts = 0;
  context.subscriptions.push(
    languageClient.onDidChangeState((event) => {
      if (event.oldState === State.Running && event.newState !== State.Running) {
        restarts++;
        // Tell the user once; the output channel has the cause.
        if (restarts === 1) {
          void vscode.window
            .showWarningMessage(
              vscode.l10n.t(
                'The guideline language server stopped unexpectedly and is being restarted. See the output for the cause.',
              ),
              vscode.l10n.t('Show Output'),
            )
            .then((choice) => choice && output.show(true));
        }
      }
      if (event.newState === State.Running) {
        commentsView.refresh();
        coverageView.refresh();
        status.update();
      }
    }),
  );

  await languageClient.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
