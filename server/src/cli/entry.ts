/**
 * dist/cli.js, `guideline`: a small entry that loads only the bundle a run needs, through V8's code
 * cache (host/lazy/load-bundle.ts): dist/server.js for `guideline lsp` (the language server, which
 * VS Code starts), dist/commands.js for every other command. `--version` loads neither.
 * Exit codes: 0 clean, 1 findings (warning or error), 2 usage or I/O error.
 */
import { join } from 'node:path';
import { localeFromTag } from '../core/i18n/locale';
import { loadBundle } from '../host/lazy/load-bundle';
import { environmentLocale, parseGlobalOptions } from './args';
import type * as Commands from './main';
import type * as Lsp from './lsp-command';
import packageJson from '../../../package.json';

/** `lsp` with the arguments after it and the message language, when the command line asks for the server. */
function lspCommand(
  argv: readonly string[],
): { argv: readonly string[]; locale: ReturnType<typeof environmentLocale> } | null {
  try {
    const global = parseGlobalOptions(argv, environmentLocale());
    if (global.rest[0] !== 'lsp') return null;
    return { argv: global.rest.slice(1), locale: global.lang ? localeFromTag(global.lang) : environmentLocale() };
  } catch {
    // A usage error in the global options: the commands bundle reports it.
    return null;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  const lsp = lspCommand(argv);
  if (lsp) return loadBundle<typeof Lsp>(join(__dirname, 'server.js')).exports.runLspCommand(lsp.argv, lsp.locale);
  return loadBundle<typeof Commands>(join(__dirname, 'commands.js')).exports.main(argv);
}

// `guideline report … | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
/**
 * Ends the process once what it wrote has been flushed, instead of letting the event loop drain:
 * V8 finishes any garbage collection it had started (10–15 ms of marking after a `check` of a
 * 460 KB guideline) before an idle loop lets the process go. Every command has awaited its own
 * work by the time `run` resolves, so nothing is cut short; a write's callback runs only after the
 * data before it has been handed to the OS, which keeps asynchronous pipes (Windows) whole.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

run(process.argv.slice(2)).then((code) => {
  // -1: the language server runs until the client ends it.
  if (code >= 0) exitWhenFlushed(code);
});
