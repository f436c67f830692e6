/** Entry of `guideline lsp`: stdio for other editors, node IPC when VS Code starts it. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

export function runLanguageServer(version: string): void {
  // createConnection reads --stdio / --node-ipc / --socket from process.argv.
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error?.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) =>
    connection.console.error(`unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`),
  );
  startServer(connection, version);
}
