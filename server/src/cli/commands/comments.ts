/** `guideline comments <file>`: read one comment document and print it in any of the stores' forms. */
import { CLI_MESSAGES } from '../messages';
import { parseArgs, usageError } from '../args';
import { inputError, readRound, unreadableInput } from '../workspace';
import type { CliContext } from '../context';
import type { Localized } from '../../core/i18n/locale';
import { toCommentsJson } from '../../core/comments/formats/json';
import { printYamlComments } from '../../core/comments/formats/yaml';
import { printCsvComments } from '../../core/comments/formats/csv';
import { exportCommentsCsv, exportCommentsMarkdown } from '../../core/comments/export';
import { DISPOSITION_LABELS } from '../../core/comments/disposition';
import { shorten } from '../../core/workspace/comment-findings';
import { resolve, relative } from 'node:path';
import { readFile } from 'node:fs/promises';
import { unreadableDescription } from '../../core/comments/unreadable';

export const COMMENTS_HELP = `Usage: guideline comments <file> [--json | --yaml | --csv | --table md|csv] [--order number|section]

Reads a comment document (the published 意見及びそれに対する考え方 as PDF or as extracted text, an
Excel .xlsx or Word .docx table, a Markdown table, CSV in UTF-8 or Shift_JIS, YAML or JSON) and
prints its comments. A file that cannot be read as comments exits 2 naming the header cells seen.
Options:
  --json           {"title":…,"date":…,"period":{from,to,raw}|null,"comments":[{"number":…,"id":…,
                   "group":…|null,"location":{raw,section,part,items,page,inferred?}|null,"submitter":…,
                   "opinion":…,"response":…,"disposition":…,"partial":…,"sharedResponse"?:[ids]}…]}
  --yaml           the canonical, hand-editable YAML store
  --csv            CSV for Excel (UTF-8 with BOM)
  --table md|csv   the 意見及びそれに対する考え方 table
  --order ORDER    table order: number (default) or section
Problems in the file are printed to stderr as file:line:col; exit 1 when any is an error.`;

const MESSAGES = {
  oneOutput: {
    ja: '--json、--yaml、--csv、--table のうち一つを選んでください',
    en: 'choose one of --json, --yaml, --csv, --table',
  },
  choices: { ja: '{option} には {choices} のいずれかを指定してください', en: '{option} takes one of {choices}' },
} satisfies Record<string, Localized>;

export async function runComments(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'yaml', 'csv', 'help'], values: ['table', 'order'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(COMMENTS_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw inputError(CLI_MESSAGES.needsOneFile, { command: 'comments' });
  const outputs = ['json', 'yaml', 'csv'].filter((f) => args.flags.has(f)).length + (args.values.has('table') ? 1 : 0);
  if (outputs > 1) throw usageError(ctx.locale, MESSAGES.oneOutput);
  const table = args.values.get('table');
  if (table !== undefined && table !== 'md' && table !== 'csv')
    throw usageError(ctx.locale, MESSAGES.choices, { option: '--table', choices: 'md, csv' });
  const order = args.values.get('order') ?? 'number';
  if (order !== 'number' && order !== 'section')
    throw usageError(ctx.locale, MESSAGES.choices, { option: '--order', choices: 'number, section' });

  const path = resolve(args.positionals[0]);
  const round = await readRound(path, true);
  const display = relative(ctx.cwd, path) || path;
  if (!round) throw unreadableInput(display, unreadableDescription(await readFile(path)));
  const fatal = round.problems.find((p) => p.code === 'comment-parse' && p.severity === 'error');
  if (round.comments.length === 0 && fatal) throw unreadableInput(display, fatal.message);
  for (const problem of round.problems) {
    ctx.err(
      `${display}:${problem.range.start.line + 1}:${problem.range.start.character + 1} ${problem.severity} ${problem.code} ${problem.message[ctx.locale]}`,
    );
  }

  if (args.flags.has('json')) ctx.out(JSON.stringify(toCommentsJson(round), null, 2));
  else if (args.flags.has('yaml')) process.stdout.write(printYamlComments(round));
  else if (args.flags.has('csv')) process.stdout.write(printCsvComments(round, { bom: true }));
  else if (table === 'md')
    process.stdout.write(exportCommentsMarkdown(round, { order, locale: ctx.locale, disposition: true }));
  else if (table === 'csv')
    process.stdout.write(exportCommentsCsv(round, { order, locale: ctx.locale, disposition: true }));
  else {
    ctx.out(`${round.title ?? display}${round.date ? ` (${round.date})` : ''}: ${round.comments.length}`);
    let group: string | null = null;
    for (const comment of round.comments) {
      if ((comment.group ?? null) !== group) {
        group = comment.group ?? null;
        if (group !== null) ctx.out(group);
      }
      ctx.out(
        `${(comment.id ?? String(comment.number)).padStart(3)} ${DISPOSITION_LABELS[comment.disposition][ctx.locale].padEnd(6, '　')} ${comment.location?.raw ?? '—'} · ${comment.submitter ?? '—'} · ${shorten(comment.opinion, 50)}`,
      );
    }
  }
  return round.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
