/**
 * dist/cli.js, `guideline`: a small entry that loads only the bundle a run needs, through V8's code
 * cache (host/lazy/load-bundle.ts): dist/server.js for `guideline lsp` (the language server, which
 * VS Code starts), dist/commands.js for every other command. `--version` loads neither.
 * Exit codes: 0 clean, 1 findings (warning or error), 2 usage or I/O error.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
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

/**
 * A command runs for a fraction of a second: V8's optimising compiler, tuned for long-lived pages, would
 * spend much of it (on a second thread, with deoptimisations) compiling functions the run then leaves.
 * A larger interrupt budget lets a function run longer in the interpreter and baseline code before it
 * is optimised (V8's default is 66 KB of bytecode executed; 1 MB here). Measured on the generated
 * workspaces, interleaved with the default: `check` at 1× 232 → 219 ms wall and 255 → 210 ms CPU, at 4×
 * 480 → 420 / 647 → 418, at 16× 931 → 932 / 1,325 → 1,072. Set before the commands' bundle loads, so
 * that its code cache is written and read under the same flags (V8 rejects a cache made under others).
 * The language server, which runs for hours, keeps V8's defaults.
 */
const SHORT_RUN_V8_FLAGS = '--interrupt-budget=1048576';

async function run(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  const lsp = lspCommand(argv);
  if (lsp) return loadBundle<typeof Lsp>(join(__dirname, 'server.js')).exports.runLspCommand(lsp.argv, lsp.locale);
  setFlagsFromString(SHORT_RUN_V8_FLAGS);
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
