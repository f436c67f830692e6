/** `guideline comments <file>`: read one comment document and print it in any of the stores' forms. */
import { CLI_MESSAGES } from '../messages';
import { parseArgs, usageError } from '../args';
import { inputError, readRound, unreadableInput } from '../workspace';
import type { CliContext } from '../context';
import type { Localized } from '../../core/i18n/locale';
import { toCommentsJson } from '../../core/comments/formats/json';
import { printYamlComments } from '../../core/comments/formats/yaml';
import { printCsvComments } from '../../core/comments/formats/csv';
import { exportComments, EXPORT_FORMATS, type ExportFormat } from '../../host/export/comment-export';
import { writeNewFileAtomically } from '../../host/atomic-write';
import { DISPOSITION_LABELS } from '../../core/comments/disposition';
import { shorten } from '../../core/text/shorten';
import { resolve, relative } from 'node:path';
import { runCommentsVerify } from './comments-verify';
import { runCommentsNew } from './comments-new';
import { readFile } from '../../host/files';
import { unreadableDescription } from '../../core/comments/unreadable';
import { EXPORTED_TABLE } from '../../core/comments/export-marker';
import { isMarkedExport } from '../../host/comments/read-comment-file';

const COMMENTS_HELP = `Usage: guideline comments <file> [--json | --yaml | --csv | --table FORMAT [--out FILE [--force]]] [--order number|section]
       guideline comments verify [DIR] [--json]   were promised fixes made? (see comments verify --help)
       guideline comments new RECEIVED [-o round.yaml]   draft the next round from a received table

Reads a comment document (the published 意見及びそれに対する考え方 as PDF or as extracted text, an
Excel .xlsx or Word .docx table, a Markdown table, CSV in UTF-8 or Shift_JIS, YAML or JSON) and
prints its comments. A file that cannot be read as comments exits 2 naming the header cells seen.
Options:
  --json           {"title":…,"date":…,"period":{from,to,raw}|null,"comments":[{"number":…,"id":…,
                   "group":…|null,"location":{raw,section,part,items,page,inferred?}|null,"submitter":…,
                   "opinion":…,"response":…,"disposition":…,"partial":…,"sharedResponse"?:[ids]}…]}
  --yaml           the canonical, hand-editable YAML store
  --csv            CSV for Excel (UTF-8 with BOM)
  --table FORMAT   the 意見及びそれに対する考え方 table: md, csv (UTF-8 with BOM), csv-sjis (Shift_JIS),
                   xlsx, docx (the published layout); marked so that it is never read back as a round
  --out FILE       write the table to FILE (needed for xlsx and docx); an existing FILE only with --force
  --order ORDER    table order: number (default) or section
Problems in the file are printed to stderr as file:line:col; exit 1 when any is an error.`;

const MESSAGES = {
  oneOutput: {
    ja: '--json、--yaml、--csv、--table のうち一つを選んでください',
    en: 'choose one of --json, --yaml, --csv, --table',
  },
  choices: { ja: '{option} には {choices} のいずれかを指定してください', en: '{option} takes one of {choices}' },
  needsOut: {
    ja: '--table {format} はバイナリ形式です。--out でファイルを指定してください',
    en: '--table {format} is binary: give a file with --out',
  },
  exists: {
    ja: '{path}: 書き込めません（{reason}）。置き換えるには --force を付けてください',
    en: '{path}: not written ({reason}); --force replaces it',
  },
  notWritten: { ja: '{path}: 書き込めません（{reason}）', en: '{path}: not written ({reason})' },
  outWithTable: { ja: '--out は --table と一緒に使います', en: '--out goes with --table' },
} satisfies Record<string, Localized>;

export async function runComments(argv: readonly string[], ctx: CliContext): Promise<number> {
  if (argv[0] === 'verify') return runCommentsVerify(argv.slice(1), ctx);
  if (argv[0] === 'new') return runCommentsNew(argv.slice(1), ctx);
  const args = parseArgs(
    argv,
    { flags: ['json', 'yaml', 'csv', 'help', 'force'], values: ['table', 'order', 'out'] },
    ctx.locale,
  );
  if (args.flags.has('help')) {
    ctx.out(COMMENTS_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw inputError(CLI_MESSAGES.needsOneFile, { command: 'comments' });
  const outputs = ['json', 'yaml', 'csv'].filter((f) => args.flags.has(f)).length + (args.values.has('table') ? 1 : 0);
  if (outputs > 1) throw usageError(ctx.locale, MESSAGES.oneOutput);
  const table = args.values.get('table');
  if (table !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(table))
    throw usageError(ctx.locale, MESSAGES.choices, {
      option: '--table',
      choices: EXPORT_FORMATS.join(ctx.locale === 'ja' ? '・' : ', '),
    });
  const out = args.values.get('out');
  if (out !== undefined && table === undefined) throw usageError(ctx.locale, MESSAGES.outWithTable);
  if ((table === 'xlsx' || table === 'docx') && out === undefined)
    throw usageError(ctx.locale, MESSAGES.needsOut, { format: table });
  const order = args.values.get('order') ?? 'number';
  if (order !== 'number' && order !== 'section')
    throw usageError(ctx.locale, MESSAGES.choices, { option: '--order', choices: 'number, section' });

  const path = resolve(args.positionals[0]);
  const round = await readRound(path, true);
  const display = relative(ctx.cwd, path) || path;
  if (!round) {
    const bytes = await readFile(path);
    throw unreadableInput(display, isMarkedExport(path, bytes) ? EXPORTED_TABLE : unreadableDescription(bytes));
  }
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
  else if (table !== undefined) {
    const exported = await exportComments(round, table as ExportFormat, {
      order,
      locale: ctx.locale,
      disposition: true,
      promise: round.comments.some((c) => c.disposition === 'accepted'),
    });
    if (exported.unmappable.length > 0) ctx.err(`${display}: Shift_JIS: ${exported.unmappable.join(' ')} → ?`);
    if (out === undefined) process.stdout.write(exported.bytes);
    else {
      const written = writeNewFileAtomically(resolve(out), exported.bytes, args.flags.has('force'));
      if (!written.written)
        throw inputError(args.flags.has('force') ? MESSAGES.notWritten : MESSAGES.exists, {
          path: out,
          reason: written.reason[ctx.locale],
        });
    }
  } else {
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
