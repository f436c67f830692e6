/**
 * The one record builder: comments from a Grid, whatever format it came from. It finds the header row
 * (header.ts), skips header rows repeated at page breaks, reads group headings (「Ⅰ．…」「●全般」
 * 「【第3章について】」) under which numbering may restart, records without numbers, responses shared
 * by several opinions (a merged cell, 「同上」, 「No.3～5について」), and a location taken from the
 * opinion's first words when the table has no 該当箇所 (marked `inferred`).
 */
import { normalizeNumber } from '../../text/width';
import type { Range } from '../../text/position';
import { classifyDisposition, dispositionFromLabel } from '../disposition';
import { locationFromOpinion, parseLocation } from '../location';
import { makeProblem, type CommentFormat, type CommentProblem, type CommentRecord, type CommentRound } from '../model';
import { numberingProblems } from '../numbering';
import { nonEmptyCells, type Grid, type GridCell, type GridRow } from './grid';
import { composeLocation, EXPECTED_HEADERS, GROUP_HEADING, headerColumns, type Column } from './header';
import { findPeriod, findResultDate, findTitle } from './preamble';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const MESSAGES = {
  noHeader: {
    ja: '意見の表の見出し行が見つかりません。見つかった見出し候補: {seen}。必要な列名: {expected}。',
    en: 'No comment table header found. Header-like cells seen: {seen}. Expected column names: {expected}.',
  },
  noRecords: {
    ja: '見出し行（{header}）の後に意見の行がありません。',
    en: 'No comment rows after the header row ({header}).',
  },
  missingOpinion: { ja: '意見 {number} の本文がありません。', en: 'Comment {number} has no opinion.' },
};

const ROMAN_LABEL = /^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]{1,4})\s*[.．、]/;
const NUMBER_CELL = /^\s*(?:No\.?|NO\.?|№)?\s*([0-9０-９]{1,4})\s*[.．]?\s*$/;
/** 「No.3～5について」「3～5について」「No.3、4について」 at the start of a response. */
const SHARED_RANGE =
  /^[\s【（(]*(?:No\.?|番号|意見番号)?\s*([0-9０-９]{1,4})\s*(?:[～~〜\-－―]|から)\s*(?:No\.?)?\s*([0-9０-９]{1,4})\s*(?:番)?\s*[】）)]?\s*(?:について|に対する|への)/i;
const SAME_AS_ABOVE = /^\s*(?:同上|上記(?:に同じ|と同じ)|前記(?:に同じ|と同じ))[。.]?\s*$/;
const ROMANS = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ'];

export interface BuildOptions {
  readonly uri: string;
  readonly format: CommentFormat;
}

interface Header {
  readonly index: number;
  readonly columns: ReadonlyArray<Column | null>;
}

function findHeader(rows: readonly GridRow[]): Header | null {
  for (let r = 0; r < rows.length; r++) {
    const columns = headerColumns(rows[r].cells.map((c) => c.text));
    if (columns) return { index: r, columns };
  }
  return null;
}

/** True when the row's cells are a comment table's header (repeated after a page break). */
function isHeaderRow(row: GridRow): boolean {
  return headerColumns(row.cells.map((c) => c.text)) !== null;
}

function groupHeading(row: GridRow, header: Header): string | null {
  const cells = nonEmptyCells(row);
  if (cells.length === 0) return null;
  const text = cells[0].text.replace(/\s+/g, ' ').trim();
  // A merged heading row may come back as the same text in every cell it covers.
  if (!cells.every((c) => c.text.replace(/\s+/g, ' ').trim() === text)) return null;
  if (text.length > 80 || /。$/.test(text)) return null;
  const numberAt = header.columns.indexOf('number');
  if (numberAt >= 0 && NUMBER_CELL.test(row.cells[numberAt]?.text ?? '') && cells.length === 1) return null;
  const spans = cells.length > 1 || (cells[0].span ?? 1) > 1;
  return GROUP_HEADING.test(text) || (spans && text.length <= 40) ? text : null;
}

interface Draft {
  number: number;
  numbered: boolean;
  group: string | null;
  groupIndex: number;
  values: Partial<Record<Column, string>>;
  responseMerged: boolean;
  range: Range;
  cells: Partial<Record<Column, GridCell>>;
}

function groupLabel(heading: string, index: number): string {
  const m = ROMAN_LABEL.exec(heading);
  return m ? m[1] : (ROMANS[index] ?? String(index + 1));
}

/** Comments of `grid`; a round without records carries one error naming the header cells seen. */
export function buildRound(grid: Grid, options: BuildOptions): CommentRound {
  const { uri, format } = options;
  const rows = grid.rows.filter((r) => nonEmptyCells(r).length > 0);
  const header = findHeader(rows);
  const problems: CommentProblem[] = [];
  const preambleRows = rows.slice(0, header ? header.index : Math.min(rows.length, 20));
  const preamble = preambleRows.flatMap((r) => nonEmptyCells(r).map((c) => c.text));
  const base = {
    uri,
    title: findTitle(preamble),
    date: findResultDate(preamble),
    period: findPeriod(preamble),
    format,
  };
  if (!header) {
    const seen = [
      ...new Set(
        rows
          .slice(0, 40)
          .flatMap((r) => r.cells.map((c) => c.text.replace(/\s+/g, ' ').trim()))
          .filter((t) => t !== '' && t.length <= 24),
      ),
    ].slice(0, 8);
    problems.push(
      makeProblem('comment-parse', rows[0]?.range ?? ZERO, MESSAGES.noHeader, {
        seen: seen.length > 0 ? seen.map((s) => `「${s}」`).join('') : '—',
        expected: EXPECTED_HEADERS,
      }),
    );
    return { ...base, comments: [], problems };
  }

  const drafts: Draft[] = [];
  // A heading just above the first header row (a Markdown 「## Ⅰ．…」 before each table) opens a group.
  const above = header.index > 0 ? rows[header.index - 1] : null;
  let group: string | null = above ? groupHeading(above, header) : null;
  if (group !== null && group === base.title) group = null;
  let groupIndex = group === null ? -1 : 0;
  let lastNumber = 0;
  for (const row of rows.slice(header.index + 1)) {
    if (isHeaderRow(row)) continue;
    const heading = groupHeading(row, header);
    if (heading !== null) {
      group = heading;
      groupIndex++;
      lastNumber = 0;
      continue;
    }
    const values: Partial<Record<Column, string>> = {};
    const cells: Partial<Record<Column, GridCell>> = {};
    let responseMerged = false;
    header.columns.forEach((column, i) => {
      const cell = row.cells[i];
      if (!column || !cell) return;
      if (column === 'response' && cell.mergedAbove) responseMerged = true;
      if (cell.text.trim() === '' || values[column] !== undefined) return;
      values[column] = cell.text.trim();
      cells[column] = cell;
    });
    const numberMatch = NUMBER_CELL.exec(values.number ?? '');
    const numbered = numberMatch !== null;
    const number = numbered ? Number(normalizeNumber(numberMatch[1])) : lastNumber + 1;
    lastNumber = number;
    drafts.push({
      number,
      numbered,
      group,
      groupIndex,
      values,
      responseMerged,
      range: row.range ?? ZERO,
      cells,
    });
  }

  // Ids carry the group when numbers restart in each group (Ⅱ-3), else they are the numbers.
  const groupsOf = new Map<number, Set<number>>();
  for (const d of drafts) groupsOf.set(d.number, (groupsOf.get(d.number) ?? new Set()).add(d.groupIndex));
  const restarts = [...groupsOf.values()].some((g) => g.size > 1);
  const idOf = (d: Draft) =>
    restarts && d.group !== null ? `${groupLabel(d.group, d.groupIndex)}-${d.number}` : String(d.number);

  const comments: CommentRecord[] = drafts.map((d) => {
    const locationText = d.values.location ?? composeLocation(d.values);
    const opinion = d.values.opinion ?? '';
    const location = parseLocation(locationText) ?? locationFromOpinion(opinion);
    const override = d.values.disposition ? dispositionFromLabel(d.values.disposition) : undefined;
    const fields: CommentRecord['fields'] = {};
    const locationCell = d.cells.location ?? d.cells.section ?? d.cells.item ?? d.cells.page;
    if (locationCell?.range) fields.location = locationCell.range;
    if (d.cells.opinion?.range) fields.opinion = d.cells.opinion.range;
    if (d.cells.response?.range) fields.response = d.cells.response.range;
    const record: CommentRecord = {
      number: d.number,
      location,
      submitter: d.values.submitter ?? null,
      opinion,
      response: d.values.response ?? '',
      disposition: 'other',
      range: d.range,
      fields,
      group: d.group,
      id: idOf(d),
      partial: false,
    };
    if (override) record.dispositionOverride = override;
    if (d.values.notes) record.notes = d.values.notes;
    if (!opinion)
      problems.push(
        makeProblem('comment-missing-opinion', d.range, MESSAGES.missingOpinion, { number: idOf(d) }, 'warning'),
      );
    return record;
  });
  shareResponses(comments, drafts);
  for (const record of comments) {
    const { disposition, partial } = classifyDisposition(record.response);
    record.disposition = record.dispositionOverride ?? disposition;
    record.partial = record.dispositionOverride ? false : partial;
  }
  if (comments.length === 0) {
    const headerText = rows[header.index].cells
      .map((c) => c.text.trim())
      .filter(Boolean)
      .join(' ');
    problems.push(
      makeProblem('comment-parse', rows[header.index].range ?? ZERO, MESSAGES.noRecords, { header: headerText }),
    );
  }
  // Numbers run within each group when they restart there, else through the table.
  const runs = new Map<number, CommentRecord[]>();
  comments.forEach((record, i) => {
    if (!drafts[i].numbered) return;
    const key = restarts ? drafts[i].groupIndex : 0;
    runs.set(key, [...(runs.get(key) ?? []), record]);
  });
  for (const run of runs.values()) problems.push(...numberingProblems(run));
  return { ...base, comments, problems };
}

/** Links records answered together and gives each the shared text. */
function shareResponses(comments: CommentRecord[], drafts: readonly Draft[]): void {
  const sets: number[][] = [];
  const setOf = new Map<number, number[]>();
  const join = (a: number, b: number) => {
    const set = setOf.get(a) ?? [a];
    if (!setOf.has(a)) {
      sets.push(set);
      setOf.set(a, set);
    }
    if (!set.includes(b)) {
      set.push(b);
      setOf.set(b, set);
    }
  };
  for (let i = 1; i < comments.length; i++) {
    const above = drafts[i - 1].groupIndex === drafts[i].groupIndex ? i - 1 : -1;
    if (above < 0) continue;
    if (drafts[i].responseMerged || SAME_AS_ABOVE.test(comments[i].response)) join(setOf.get(above)?.[0] ?? above, i);
  }
  comments.forEach((record, i) => {
    const m = SHARED_RANGE.exec(record.response);
    if (!m) return;
    const from = Number(normalizeNumber(m[1]));
    const to = Number(normalizeNumber(m[2]));
    if (to <= from || to - from > 50) return;
    const root = setOf.get(i)?.[0] ?? i;
    comments.forEach((other, j) => {
      if (j !== i && drafts[j].groupIndex === drafts[i].groupIndex && other.number >= from && other.number <= to)
        if (!other.response || SAME_AS_ABOVE.test(other.response) || drafts[j].responseMerged) join(root, j);
        else if (other.response === record.response) join(root, j);
    });
    if (!setOf.has(root)) join(root, root);
  });
  for (const set of sets) {
    if (set.length < 2) continue;
    set.sort((a, b) => a - b);
    const text = set.map((i) => comments[i].response).find((r) => r !== '' && !SAME_AS_ABOVE.test(r)) ?? '';
    const ids = set.map((i) => comments[i].id!);
    for (const i of set) {
      comments[i].response = text;
      comments[i].sharedResponse = ids;
    }
  }
}
