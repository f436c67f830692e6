/**
 * `guideline`: the command-line face of the same core the language server uses.
 * Exit codes: 0 clean, 1 findings (warning or error), 2 usage or I/O error.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { localeFromTag, localize, type Locale, type Localized } from '../core/i18n/locale';
import { toCheckConfig } from '../core/config/check-config';
import { withMorphology } from './morphology';
import { projectProblemSeverity } from '../core/config/codes';
import { findProjectConfig, loadProject, type LoadedProject } from '../host/project';
import { environmentLocale, parseGlobalOptions, UsageError } from './args';
import type { CliContext } from './context';
import { runCheck } from './commands/check';
import { runOutline } from './commands/outline';
import { runReport } from './commands/report';
import { runComments } from './commands/comments';
import { runLinks } from './commands/links';
import { runDiff } from './commands/diff';
import { runImport } from './commands/import';
import { runCoverage } from './commands/coverage';
import { InputError } from './workspace';
import packageJson from '../../../package.json';

const HELP = `guideline ${packageJson.version} — 行政ガイドラインの構造・意見・表記を検査します / checks Japanese government guidelines

Usage: guideline <command> [options]

Commands:
  check <files or folders…> [--json]   findings (cross references, numbering, notation)
  outline <file> [--json]              the section tree
  report <folder>                      outline, comment links and findings of a workspace
  comments <file> [--json|--yaml|--csv|--table md|csv]   a comment document in any form
  comments new RECEIVED [-o round.yaml]   the next round's YAML from a received table (考え方 to write)
  links <folder> [--json]              the place each public comment is about
  diff OLD NEW [--format md|html|docx] [-o FILE] [--json]   新旧対照表 of two versions
  import <file.docx|file.pdf> [-o out.md]   a Word or PDF guideline into Markdown
  coverage <guideline> <policy> [--json|--format md|html]   which 例文 a municipal policy adopts, changes or lacks
  lsp --stdio                          the language server (for Neovim, Emacs and other LSP clients)

Options:
  --help       help for guideline or for a command
  --version    print the version
  --lang ja|en message language (default: from LANG, else Japanese)
  --config F   the project file (default: the nearest guideline.config.json above the input)`;

type Command = (argv: readonly string[], ctx: CliContext) => Promise<number>;

/**
 * The project file: --config, else the nearest guideline.config.json above the first input, else
 * above the current folder. Its problems and those of its dictionaries are reported, not fatal.
 */
function loadCliProject(
  configOption: string | undefined,
  args: readonly string[],
  locale: Locale,
  err: (line: string) => void,
): LoadedProject {
  const firstInput = args.find((a) => !a.startsWith('-') && existsSync(a));
  const start = firstInput ? (statSync(firstInput).isDirectory() ? firstInput : dirname(firstInput)) : process.cwd();
  const configPath = configOption
    ? resolve(configOption)
    : (findProjectConfig(start) ?? findProjectConfig(process.cwd()));
  const project = loadProject(configPath, { trusted: true, baseDir: process.cwd() });
  const show = (path: string) => relative(process.cwd(), path) || path;
  for (const p of project.configProblems)
    err(
      `${show(configPath ?? '')}:${p.range.start.line + 1}:${p.range.start.character + 1} ${projectProblemSeverity(p.code)} ${p.code} ${p.message[locale]}`,
    );
  for (const [path, problems] of project.dictionaryProblems) {
    for (const p of problems)
      err(
        `${show(path)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${projectProblemSeverity(p.code)} ${p.code} ${localize(locale, p.message, p.args ?? {})}`,
      );
  }
  return project;
}

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  outline: runOutline,
  report: runReport,
  comments: runComments,
  links: runLinks,
  diff: runDiff,
  import: runImport,
  coverage: runCoverage,
};

const MESSAGES = {
  unknownCommand: {
    ja: '不明なコマンドです: "{command}"（guideline --help を参照）',
    en: 'unknown command "{command}" (see guideline --help)',
  },
  noConfig: { ja: 'ファイルがありません', en: 'no such file' },
  internal: { ja: '内部エラー', en: 'internal error' },
} satisfies Record<string, Localized>;

/** Every command but `lsp`, which dist/cli.js (cli/entry.ts) runs from the server's own bundle. */
export async function main(argv: readonly string[]): Promise<number> {
  const envLocale = environmentLocale();
  let global;
  try {
    global = parseGlobalOptions(argv, envLocale);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`guideline: ${error.message}\n`);
    return 2;
  }
  const { lang, config: configOption } = global;
  const [command, ...commandArgs] = global.rest;
  const locale = lang ? localeFromTag(lang) : envLocale;
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  if (configOption !== undefined && !existsSync(configOption)) {
    err(`guideline: --config ${configOption}: ${localize(locale, MESSAGES.noConfig)}`);
    return 2;
  }
  const project = loadCliProject(configOption, commandArgs, locale, err);
  const ctx: CliContext = {
    cwd: process.cwd(),
    locale,
    rules: project.config.rules,
    commentDiagnostics: project.config.comments.diagnostics ?? 'accepted',
    checks: await withMorphology(
      toCheckConfig(project.config.rules, project.config.preferredKatakana, project.prhRules, project.config.official),
      locale,
      err,
      // Only the commands that run the notation checks load the analyser.
      command === 'check' || command === 'report',
    ),
    project,
    out,
    err,
  };
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    ctx.out(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    ctx.out(packageJson.version);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    ctx.err(`guideline: ${localize(locale, MESSAGES.unknownCommand, { command })}`);
    return 2;
  }
  try {
    return await run(commandArgs, ctx);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      ctx.err(`guideline ${command}: ${error instanceof InputError ? error.localized[locale] : error.message}`);
      return 2;
    }
    ctx.err(
      `guideline ${command}: ${localize(locale, MESSAGES.internal)}: ${(error as Error)?.stack ?? String(error)}`,
    );
    return 2;
  }
}
