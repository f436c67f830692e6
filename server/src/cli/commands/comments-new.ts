/** `guideline comments new RECEIVED [-o round.yaml]`: a received comment table as a new round's YAML store. */
import { relative, resolve } from 'node:path';
import { readFile } from '../../host/files';
import { parseArgs } from '../args';
import type { CliContext } from '../context';
import { inputError, readRound, unreadableInput } from '../workspace';
import { filled, localize, type Localized } from '../../core/i18n/locale';
import { newRoundFromReceived, NO_RECEIVED_COMMENTS } from '../../core/comments/new-round';
import { unreadableDescription } from '../../core/comments/unreadable';
import { EXPORTED_TABLE } from '../../core/comments/export-marker';
import { isMarkedExport } from '../../host/comments/read-comment-file';
import { writeNewFileAtomically } from '../../host/atomic-write';
import { CLI_MESSAGES } from '../messages';

const NEW_HELP = `Usage: guideline comments new RECEIVED [-o FILE [--force]] [--keep-responses]

Drafts the next comment round: reads the received table (PDF, .xlsx, .docx, CSV, a Markdown table,
extracted text, YAML or JSON) and writes the YAML store of a new round, with the opinions, places and
submitters as received and the responses (考え方) empty for the editors to write. Nothing decided
about earlier answers (disposition, status, assignee) is carried over.
Options:
  -o, --out FILE     write the YAML to FILE (default: standard output); an existing FILE only with --force
  --keep-responses   carry the table's responses over as drafts
Comments numbered again in each group (Ⅱ-3) are numbered 1…n, their received number kept in notes.`;

const MESSAGES = {
  written: {
    ja: '{path}: 新しい回を作成しました（意見 {count}件{responses}）。各意見の response: に考え方を書いてください。',
    en: '{path}: new round written ({count} comments{responses}). Write the responses under response:.',
  },
  kept: { ja: '、考え方 {count}件を引き継ぎ', en: ', {count} responses carried over' },
  renumbered: {
    ja: '{path}: 番号が群ごとに振り直されているため、1 から通し番号にしました（元の番号は notes に残しています）。',
    en: '{path}: numbers restart in each group, so the new round numbers them 1…n (the received number is kept in notes).',
  },
  exists: {
    ja: '{path}: 書き込めません（{reason}）。置き換えるには --force を付けてください',
    en: '{path}: not written ({reason}); --force replaces it',
  },
  notWritten: { ja: '{path}: 書き込めません（{reason}）', en: '{path}: not written ({reason})' },
} satisfies Record<string, Localized>;

export async function runCommentsNew(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(
    argv.map((a) => (a === '-o' ? '--out' : a)),
    { flags: ['help', 'force', 'keep-responses'], values: ['out'] },
    ctx.locale,
  );
  if (args.flags.has('help')) {
    ctx.out(NEW_HELP);
    return 0;
  }
  if (args.positionals.length !== 1) throw inputError(CLI_MESSAGES.needsOneFile, { command: 'comments new' });
  const path = resolve(args.positionals[0]);
  const display = relative(ctx.cwd, path) || path;
  const round = await readRound(path, true);
  if (!round || round.comments.length === 0) {
    const bytes = await readFile(path);
    const fatal = round?.problems.find((p) => p.severity === 'error')?.message;
    throw unreadableInput(
      display,
      isMarkedExport(path, bytes)
        ? EXPORTED_TABLE
        : (fatal ?? (round ? filled(NO_RECEIVED_COMMENTS, { file: display }) : unreadableDescription(bytes))),
    );
  }
  const drafted = newRoundFromReceived(round, args.flags.has('keep-responses') ? 'keep' : 'empty');
  const out = args.values.get('out');
  if (out === undefined) {
    process.stdout.write(drafted.yaml);
  } else {
    const written = writeNewFileAtomically(resolve(out), Buffer.from(drafted.yaml, 'utf8'), args.flags.has('force'));
    if (!written.written)
      throw inputError(args.flags.has('force') ? MESSAGES.notWritten : MESSAGES.exists, {
        path: out,
        reason: written.reason[ctx.locale],
      });
    const kept = args.flags.has('keep-responses') && drafted.withResponses > 0;
    ctx.err(
      localize(ctx.locale, MESSAGES.written, {
        path: out,
        count: drafted.comments,
        responses: kept ? localize(ctx.locale, MESSAGES.kept, { count: drafted.withResponses }) : '',
      }),
    );
  }
  if (drafted.renumbered) ctx.err(localize(ctx.locale, MESSAGES.renumbered, { path: out ?? display }));
  return 0;
}
