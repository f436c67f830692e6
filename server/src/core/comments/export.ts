/**
 * The 「意見及びそれに対する考え方」 table for publication or review: Markdown or CSV, in comment
 * number order or grouped by section (numeric section order, general comments last).
 */
import type { Locale } from '../i18n/locale';
import { DISPOSITION_LABELS } from './disposition';
import { compareSections } from './location';
import type { CommentRecord, CommentRound } from './model';
import { formatCsvTable } from './formats/csv-table';

export interface ExportOptions {
  order?: 'number' | 'section';
  /** Column headings' language (default ja). */
  locale?: Locale;
  /** Adds a 対応 column with the disposition label. */
  disposition?: boolean;
}

const HEADINGS: Readonly<Record<Locale, readonly string[]>> = {
  ja: ['番号', '該当箇所', '提出者', '提出された意見', '意見に対する考え方', '対応'],
  en: ['No.', 'Location', 'Submitter', 'Opinion', 'Response', 'Disposition'],
};
const GENERAL: Readonly<Record<Locale, string>> = { ja: '全般・その他', en: 'General' };

function byNumber(a: CommentRecord, b: CommentRecord): number {
  return a.number - b.number || a.range.start.line - b.range.start.line;
}

/** Comments in number order, or as section groups in numeric section order (null = general, last). */
export function groupComments(
  round: Pick<CommentRound, 'comments'>,
  order: 'number' | 'section',
): { section: string | null; comments: CommentRecord[] }[] {
  const sorted = [...round.comments].sort(byNumber);
  if (order === 'number') return [{ section: null, comments: sorted }];
  const groups = new Map<string | null, CommentRecord[]>();
  for (const c of sorted) {
    const key = c.location?.section ?? null;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareSections(a, b))
    .map(([section, comments]) => ({ section, comments }));
}

function cells(c: CommentRecord, options: ExportOptions): string[] {
  const locale = options.locale ?? 'ja';
  const row = [String(c.number), c.location?.raw ?? '', c.submitter ?? '', c.opinion, c.response];
  if (options.disposition) row.push(DISPOSITION_LABELS[c.disposition][locale]);
  return row;
}

function markdownCell(text: string): string {
  return text.trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function exportCommentsMarkdown(
  round: Pick<CommentRound, 'title' | 'comments'>,
  options: ExportOptions = {},
): string {
  const locale = options.locale ?? 'ja';
  const headings = HEADINGS[locale].slice(0, options.disposition ? 6 : 5);
  const table = (comments: CommentRecord[]) => [
    `| ${headings.join(' | ')} |`,
    `| ${headings.map((_, i) => (i === 0 ? '---:' : '---')).join(' | ')} |`,
    ...comments.map((c) => `| ${cells(c, options).map(markdownCell).join(' | ')} |`),
  ];
  const lines: string[] = [];
  if (round.title) lines.push(`# ${round.title}`, '');
  const order = options.order ?? 'number';
  for (const group of groupComments(round, order)) {
    if (order === 'section') lines.push(`## ${group.section ?? GENERAL[locale]}`, '');
    lines.push(...table(group.comments), '');
  }
  return lines.join('\n');
}

export function exportCommentsCsv(round: Pick<CommentRound, 'comments'>, options: ExportOptions = {}): string {
  const locale = options.locale ?? 'ja';
  const rows = [HEADINGS[locale].slice(0, options.disposition ? 6 : 5) as string[]];
  for (const group of groupComments(round, options.order ?? 'number'))
    rows.push(...group.comments.map((c) => cells(c, options)));
  return formatCsvTable(rows);
}
