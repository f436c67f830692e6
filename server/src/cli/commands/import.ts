/** `guideline import <file.docx|file.pdf> [-o out.md] [--force] [--json]`: a guideline into Markdown. */
import { resolve } from 'node:path';
import { importFile, ImportInputError } from '../../host/import/import-document';
import { writeNewFileAtomically } from '../../host/atomic-write';
import { issueLines } from '../../core/import/report';
import { ISSUE_MESSAGES } from '../../core/import/types';
import { localize } from '../../core/i18n/locale';
import { parseArgs, usageError } from '../args';
import type { CliContext } from '../context';

const IMPORT_HELP = `Usage: guideline import <file.docx|file.pdf> [-o out.md] [--force] [--json]

Word（.docx）や PDF のガイドラインを、このツールが読む Markdown に変換します。
Converts a guideline in Word (.docx) or PDF into the Markdown this tool reads: numbered headings at
their level, 【趣旨】【例文】（解説）, items (1) ① ア, notes, captions, tables, paragraphs rejoined
across the source's line wraps; running headers, page numbers and the table of contents dropped.
What the import was unsure of (guessed headings, flattened tables, pages without text) is listed
on standard error.
Options:
  -o, --output F  write the Markdown to F (atomically; refuses an existing file without --force)
  --force         replace F if it exists
  --json          print {"markdown":…,"issues":[{code,page,text,message}]} instead of the Markdown
Without -o the Markdown goes to standard output.
Exit status: 0 imported (even with notes), 2 usage error or a file that cannot be read or written.`;

const ONE_FILE = {
  ja: '取り込む .docx か .pdf のファイルを一つ指定してください（guideline import --help を参照）',
  en: 'import needs exactly one .docx or .pdf file (see guideline import --help)',
};
const JSON_OR_OUTPUT = {
  ja: '--json と -o は同時に指定できません（--json は標準出力に書きます）',
  en: '--json and -o cannot be combined (--json prints to standard output)',
};
const NOTES = { ja: '取り込みの注意（{count}件）', en: 'import notes ({count})' };
const WROTE = { ja: '{path} に書き出しました', en: 'wrote {path}' };
const NOT_WRITTEN = { ja: '{path} に書き出せません：{reason}', en: 'cannot write {path}: {reason}' };
const EXISTS = {
  ja: 'すでにあるファイルです（置き換えるには --force を付けてください）',
  en: 'the file already exists (add --force to replace it)',
};

export async function runImport(argv: readonly string[], ctx: CliContext): Promise<number> {
  // `-o` is the short form of --output.
  const args = parseArgs(
    argv.map((a) => (a === '-o' ? '--output' : a)),
    { flags: ['json', 'force', 'help'], values: ['output'] },
    ctx.locale,
  );
  if (args.flags.has('help')) {
    ctx.out(IMPORT_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw usageError(ctx.locale, ONE_FILE);
  if (args.flags.has('json') && args.values.has('output')) throw usageError(ctx.locale, JSON_OR_OUTPUT);
  const input = args.positionals[0];
  let imported;
  try {
    imported = await importFile(resolve(ctx.cwd, input));
  } catch (error) {
    if (error instanceof ImportInputError) {
      ctx.err(`guideline import: ${input}: ${error.text(ctx.locale)}`);
      return 2;
    }
    throw error;
  }
  const lines = issueLines(imported.issues, ctx.locale);
  if (args.flags.has('json')) {
    const json = {
      kind: imported.kind,
      pages: imported.pages ?? null,
      markdown: imported.markdown,
      issues: imported.issues.map((i) => ({
        code: i.code,
        page: i.page ?? null,
        text: i.text,
        message: localize(ctx.locale, ISSUE_MESSAGES[i.code], { text: i.text }),
      })),
    };
    ctx.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const output = args.values.get('output');
  if (output) {
    const target = resolve(ctx.cwd, output);
    const outcome = writeNewFileAtomically(target, imported.markdown, args.flags.has('force'));
    if (!outcome.written) {
      // An existing file: say how to replace it; other reasons come from the writer as they are.
      const reason = outcome.reason.en === 'already exists' ? EXISTS[ctx.locale] : outcome.reason[ctx.locale];
      ctx.err(`guideline import: ${localize(ctx.locale, NOT_WRITTEN, { path: output, reason })}`);
      return 2;
    }
    ctx.err(localize(ctx.locale, WROTE, { path: output }));
  } else process.stdout.write(imported.markdown);
  if (lines.length > 0) {
    ctx.err(localize(ctx.locale, NOTES, { count: lines.length }));
    for (const line of lines) ctx.err(`  ${input}: ${line}`);
  }
  return 0;
}
