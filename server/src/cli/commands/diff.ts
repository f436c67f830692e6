/** `guideline diff OLD NEW`: the 新旧対照表 of two versions, or their alignment as JSON. */
import { resolve } from 'node:path';
import { parseArgs } from '../args';
import { InputError, inputError } from '../workspace';
import { localize, type Localized } from '../../core/i18n/locale';
import type { CliContext } from '../context';
import { readTextFile } from '../../host/files';
import { writeNewFileAtomically } from '../../host/atomic-write';
import { renderTableDocx } from '../../host/revisions/table-docx';
import { GuidelineModelCache } from '../../core/model/document';
import { alignDocuments } from '../../core/revisions/align';
import { alignmentJson } from '../../core/revisions/alignment-json';
import { comparisonTable } from '../../core/revisions/table';
import { renderTableHtml, renderTableMarkdown } from '../../core/revisions/render-table';
import { prefixed, readOldVersion } from '../versions';

const DIFF_HELP = `Usage: guideline diff OLD NEW [--format md|html|docx] [-o FILE] [--json] [--full]

Aligns two versions of a guideline (renumbered, retitled, moved, split or merged, added and deleted
sections and items) and prints the 新旧対照表: columns 改正後 | 改正前, changed spans underlined,
unchanged text as （略）, （新設） and （削除）.
OLD is a file, the label of a version in guideline.config.json ("versions"), or git:REV (NEW's
file at a git revision). NEW is a file.
Options:
  --format F   md (default; Markdown with <u> underlines), html (prints on A4 landscape), docx (Word)
  -o FILE      write to FILE (required for docx); an existing FILE is replaced only with --force
  --force      replace FILE if it exists
  --full       show the unchanged lines of changed sections instead of （略）
  --json       print the alignment: {"rows":[{"change":"unchanged|modified|added|deleted",
               "renumbered":bool,"old":NODE|null,"new":NODE|null,"similarity":0..1}]}
               NODE = {"section":"3.8.3","title":…,"path":["3.8.3","例文","(1)"],"range":<LSP range>}`;

const FORMATS = new Set(['md', 'html', 'docx']);

const MESSAGES = {
  needsTwo: {
    ja: 'diff には OLD と NEW が必要です（guideline diff --help）',
    en: 'diff needs OLD and NEW (see guideline diff --help)',
  },
  format: { ja: '--format {format}：md、html、docx のいずれかです', en: '--format {format}: use md, html or docx' },
  docxOutput: { ja: '--format docx には -o FILE が必要です', en: '--format docx needs -o FILE' },
  written: {
    ja: '{file} に書き出しました（変更 {modified}、新設 {added}、削除 {deleted}、番号の変更 {renumbered}）',
    en: 'wrote {file} ({modified} changed, {added} added, {deleted} deleted, {renumbered} renumbered)',
  },
} satisfies Record<string, Localized>;

export async function runDiff(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(
    argv.map((a) => (a === '-o' ? '--output' : a)),
    { flags: ['json', 'help', 'full', 'force'], values: ['format', 'output'] },
    ctx.locale,
  );
  if (args.flags.has('help')) {
    ctx.out(DIFF_HELP);
    return 0;
  }
  if (args.positionals.length !== 2) throw inputError(MESSAGES.needsTwo);
  const format = args.values.get('format') ?? 'md';
  if (!FORMATS.has(format)) throw inputError(MESSAGES.format, { format });
  const output = args.values.get('output');
  if (format === 'docx' && !output && !args.flags.has('json')) throw inputError(MESSAGES.docxOutput);

  const [oldSpec, newSpec] = args.positionals;
  const newPath = resolve(newSpec);
  const newRead = await readTextFile(newPath);
  if ('error' in newRead) throw new InputError(prefixed(newSpec, newRead.error));
  const old = await readOldVersion(oldSpec, newPath, ctx);

  const cache = new GuidelineModelCache();
  const alignment = alignDocuments(cache.build(old.uri, 0, old.text), cache.build(newPath, 0, newRead.text));
  if (args.flags.has('json')) {
    ctx.out(JSON.stringify(alignmentJson(alignment), null, 2));
    return 0;
  }
  const table = comparisonTable(alignment, { newLabel: newSpec, oldLabel: old.label, full: args.flags.has('full') });
  const content =
    format === 'docx'
      ? await renderTableDocx(table, ctx.locale)
      : format === 'html'
        ? renderTableHtml(table, ctx.locale)
        : renderTableMarkdown(table, ctx.locale);
  if (!output) {
    process.stdout.write(content);
    return 0;
  }
  const written = writeNewFileAtomically(resolve(output), content, args.flags.has('force'));
  if (!written.written) throw new InputError(prefixed(output, written.reason));
  ctx.err(localize(ctx.locale, MESSAGES.written, { file: output, ...table.counts }));
  return 0;
}
