/**
 * `guideline lsp`: the language server's command, the entry of its own bundle (dist/server.js, loaded
 * by dist/cli.js), so that the server process never loads the CLI's commands and `guideline check`
 * never loads vscode-languageserver.
 */
import type { Locale } from '../core/i18n/locale';
import { runLanguageServer } from '../lsp/main';
import { parseArgs, UsageError, usageError } from './args';
import packageJson from '../../../package.json';

const LSP_HELP = `Usage: guideline lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name>

Runs the language server over the given transport.`;

const NEEDS_TRANSPORT = {
  ja: '通信方法を指定してください: --stdio など（guideline lsp --help を参照）',
  en: 'choose a transport: --stdio (see guideline lsp --help)',
};

/**
 * The transport options are read by vscode-languageserver itself; here they are only checked.
 * Returns the exit code, or -1 while the server runs (until the client ends it).
 */
export function runLspCommand(argv: readonly string[], locale: Locale): number {
  try {
    const args = parseArgs(
      argv,
      { flags: ['help', 'stdio', 'node-ipc'], values: ['socket', 'pipe', 'clientProcessId'] },
      locale,
    );
    if (args.flags.has('help')) {
      process.stdout.write(`${LSP_HELP}\n`);
      return 0;
    }
    if (
      !args.flags.has('stdio') &&
      !args.flags.has('node-ipc') &&
      !args.values.has('socket') &&
      !args.values.has('pipe')
    )
      throw usageError(locale, NEEDS_TRANSPORT);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`guideline lsp: ${error.message}\n`);
    return 2;
  }
  runLanguageServer(packageJson.version);
  return -1;
}
