/**
 * The 「意見及びそれに対する考え方」 table for publication or review. One table model (title, date,
 * counts, headings, rows in comment-number order or grouped by section) feeds every writer: Markdown
 * and CSV here, .xlsx and .docx in host/export. Every export carries the marker of export-marker.ts,
 * so that it is never read back as a round or checked as a guideline.
 */
import { localize, type Locale } from '../i18n/locale';
import { DISPOSITION_LABELS } from './disposition';
import { compareSections } from './location';
import type { CommentRecord, CommentRound } from './model';
import { formatCsvTable } from './formats/csv-table';
import { csvExportMarkerCell, markdownExportMarker } from './export-marker';
import { PROMISE_LABELS, resolvePromise, type PromiseFeed } from './promise';
import { formatJapaneseDate } from './date';

export interface ExportOptions {
  order?: 'number' | 'section';
  /** Column headings' language (default ja). */
  locale?: Locale;
  /** Adds a 対応 column with the disposition label. */
  disposition?: boolean;
  /** Adds a 対応状況 column: the state of a promised change (未着手 / 対応済み / 確認済み). */
  promise?: boolean;
  /** States inferred from versions, where known. */
  promiseFeed?: PromiseFeed;
}

const HEADINGS: Readonly<Record<Locale, readonly string[]>> = {
  ja: ['番号', '該当箇所', '提出者', '提出された意見', '意見に対する考え方'],
  en: ['No.', 'Location', 'Submitter', 'Opinion', 'Response'],
};
const DISPOSITION_HEADING = { ja: '対応', en: 'Disposition' } as const;
const PROMISE_HEADING = { ja: '対応状況', en: 'Status' } as const;
const GENERAL: Readonly<Record<Locale, string>> = { ja: '全般・その他', en: 'General' };
const MESSAGES = {
  count: { ja: '意見 {count}件', en: '{count} comments' },
  bySubmitter: { ja: '{submitter} {count}件', en: '{submitter}: {count}' },
  unknownSubmitter: { ja: '提出者不明', en: 'unknown' },
} as const;

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

export interface CommentTable {
  readonly title: string | null;
  /** The round's date as published (2015年3月31日), or null. */
  readonly date: string | null;
  /** 「意見 27件（個人 12件、法人 8件、地方公共団体 7件）」 */
  readonly counts: string;
  readonly headings: readonly string[];
  /** One group in number order; by section, a heading per group (the section, or 全般・その他). */
  readonly groups: readonly { heading: string | null; rows: readonly (readonly string[])[] }[];
  /** Which column holds long text (opinion, response): writers make these wide. */
  readonly wide: readonly number[];
  /** The marker text that keeps the export from being read back. */
  readonly marker: string;
}

function submitterCounts(comments: readonly CommentRecord[], locale: Locale): string {
  const counts = new Map<string, number>();
  for (const c of comments) {
    const key = c.submitter?.trim() || localize(locale, MESSAGES.unknownSubmitter);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([submitter, count]) => localize(locale, MESSAGES.bySubmitter, { submitter, count }))
    .join(locale === 'ja' ? '、' : ', ');
}

export function commentTable(
  round: Pick<CommentRound, 'title' | 'date' | 'comments'> & { uri?: string },
  options: ExportOptions = {},
): CommentTable {
  const locale = options.locale ?? 'ja';
  const headings = [...HEADINGS[locale]];
  if (options.disposition) headings.push(localize(locale, DISPOSITION_HEADING));
  if (options.promise) headings.push(localize(locale, PROMISE_HEADING));
  const cells = (c: CommentRecord): string[] => {
    const row = [String(c.number), c.location?.raw ?? '', c.submitter ?? '', c.opinion.trim(), c.response.trim()];
    if (options.disposition) row.push(localize(locale, DISPOSITION_LABELS[c.disposition]));
    if (options.promise) {
      const state = resolvePromise(c, options.promiseFeed?.(round.uri ?? '', c.number));
      row.push(state ? localize(locale, PROMISE_LABELS[state.status]) : '');
    }
    return row;
  };
  const order = options.order ?? 'number';
  const groups = groupComments(round, order).map((g) => ({
    heading: order === 'section' ? (g.section ?? GENERAL[locale]) : null,
    rows: g.comments.map(cells),
  }));
  const total = localize(locale, MESSAGES.count, { count: round.comments.length });
  const bySubmitter = submitterCounts(round.comments, locale);
  return {
    title: round.title,
    date: round.date ? formatJapaneseDate(round.date, locale) : null,
    counts: bySubmitter ? (locale === 'ja' ? `${total}（${bySubmitter}）` : `${total} (${bySubmitter})`) : total,
    headings,
    groups,
    wide: [3, 4],
    marker: round.title ?? '',
  };
}

function markdownCell(text: string): string {
  return text.trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function exportCommentsMarkdown(
  round: Pick<CommentRound, 'title' | 'date' | 'comments'>,
  options: ExportOptions = {},
): string {
  const table = commentTable(round, options);
  const lines: string[] = [markdownExportMarker(table.marker), ''];
  if (table.title) lines.push(`# ${table.title}`, '');
  if (table.date) lines.push(table.date, '');
  lines.push(table.counts, '');
  for (const group of table.groups) {
    if (group.heading) lines.push(`## ${group.heading}`, '');
    lines.push(
      `| ${table.headings.join(' | ')} |`,
      `| ${table.headings.map((_, i) => (i === 0 ? '---:' : '---')).join(' | ')} |`,
      ...group.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
      '',
    );
  }
  return lines.join('\n');
}

/** CSV text (without BOM: the bytes and their encoding are the writer's, host/export/csv-bytes.ts). */
export function exportCommentsCsv(
  round: Pick<CommentRound, 'title' | 'date' | 'comments'>,
  options: ExportOptions = {},
): string {
  const table = commentTable(round, options);
  const rows: string[][] = [[csvExportMarkerCell(table.marker)], [...table.headings]];
  for (const group of table.groups) rows.push(...group.rows.map((r) => [...r]));
  return formatCsvTable(rows);
}
