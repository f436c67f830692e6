/**
 * The VS Code extension: wires VS Code to the language server (dist/cli.js `lsp`, over IPC) and
 * contributes commands. All analysis lives in the server and its core.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Guideline Language Server'), { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/cli.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc },
    debug: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'guideline',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}'),
    },
    // Pull diagnostics default to off in vscode-languageclient 10: say what we want.
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    outputChannel: output,
    initializationOptions: {},
  };
  client = new LanguageClient('guideline', vscode.l10n.t('Guideline Language Server'), serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('guideline.restartServer', async () => {
      await client?.restart();
      vscode.window.showInformationMessage(vscode.l10n.t('The guideline language server was restarted.'));
    }),
    vscode.commands.registerCommand('guideline.showOutput', () => output.show(true)),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
