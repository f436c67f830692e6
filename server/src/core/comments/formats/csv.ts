/**
 * Comment tables kept in Excel and saved as CSV. Columns are recognised by their header names
 * (番号/No., 該当箇所 or 資料/章/パート/項目/ページ, 提出者/属性, 意見 …, 考え方/回答 …, 対応/区分, 備考);
 * the header row may follow a title row. Unknown columns are reported and their values kept in
 * `notes`, so nothing is lost. A missing response is not a problem (the table may be in progress).
 */
import { LineIndex, type Range } from '../../text/position';
import { normalizeNumber } from '../../text/width';
import { findDate } from '../date';
import { classifyResponse, DISPOSITION_LABELS, dispositionFromLabel } from '../disposition';
import { parseLocation } from '../location';
import { makeProblem, type CommentProblem, type CommentRecord, type CommentRound, type Disposition } from '../model';
import { numberingProblems } from '../numbering';
import { formatCsvTable, parseCsvTable, type CsvCell } from './csv-table';
import { composeLocation, headerColumns, type Column } from '../grid/header';

const MESSAGES = {
  noHeader: {
    ja: '見出し行が見つかりません（「番号」「該当箇所」「提出された意見」「意見に対する考え方」などの列名が必要です）。',
    en: 'No header row found (expected column names such as 番号, 該当箇所, 提出された意見, 意見に対する考え方).',
  },
  unknownHeader: {
    ja: '不明な列「{header}」です。値は備考（notes）に残します。',
    en: 'Unknown column "{header}"; its values are kept in notes.',
  },
  duplicateHeader: {
    ja: '列「{header}」が重複しています。値は備考に残します。',
    en: 'Column "{header}" appears twice; values kept in notes.',
  },
  badNumber: {
    ja: '番号「{value}」は正の整数ではありません。{fallback} として扱います。',
    en: 'Number "{value}" is not a positive integer; treated as {fallback}.',
  },
  badDisposition: {
    ja: '対応区分「{value}」は不明です（修正あり、原案どおり、記載済み、参考、その他）。値は備考に残します。',
    en: 'Unknown disposition "{value}" (修正あり, 原案どおり, 記載済み, 参考, その他); kept in notes.',
  },
  extraCell: {
    ja: '見出しのない列に値があります。値は備考に残します。',
    en: 'A value in a column without header; kept in notes.',
  },
  unterminated: { ja: '引用符（"）が閉じていません。', en: 'Unterminated quoted field.' },
  textAfterQuote: { ja: '引用符の後に余分な文字があります。', en: 'Characters after a closing quote.' },
  missingOpinion: { ja: '意見 {number} の本文がありません。', en: 'Comment {number} has no opinion.' },
};

interface HeaderInfo {
  readonly rowIndex: number;
  readonly columns: ReadonlyArray<Column | null>;
}

function findHeader(rows: readonly CsvCell[][]): HeaderInfo | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const columns = headerColumns(rows[r].map((c) => c.value));
    if (columns) return { rowIndex: r, columns };
  }
  return null;
}

/** True when the text is a CSV/TSV whose header names a comment table. */
export function looksLikeCommentCsv(text: string, delimiter = ','): boolean {
  const head = text.slice(0, 20000);
  return findHeader(parseCsvTable(head, delimiter).rows) !== null;
}

function cleanCell(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

export function parseCsvComments(text: string, uri: string, delimiter = ','): CommentRound {
  const index = new LineIndex(text);
  const range = (start: number, end: number): Range => index.rangeOf(start, end);
  const problems: CommentProblem[] = [];
  const table = parseCsvTable(text, delimiter);
  for (const issue of table.issues) {
    const message = issue.kind === 'unterminated-quote' ? MESSAGES.unterminated : MESSAGES.textAfterQuote;
    problems.push(
      makeProblem(
        'comment-parse',
        range(issue.offset, issue.offset + 1),
        message,
        {},
        issue.kind === 'unterminated-quote' ? 'error' : 'warning',
      ),
    );
  }
  const rows = table.rows.filter((row) => row.some((c) => c.value.trim() !== ''));
  const header = findHeader(rows);
  if (!header) {
    problems.push(makeProblem('comment-parse', range(0, index.lineEnd(0)), MESSAGES.noHeader));
    return { uri, title: null, date: null, format: 'csv', comments: [], problems };
  }

  const preambleCells = rows.slice(0, header.rowIndex).flatMap((r) => r.map((c) => c.value.trim()).filter(Boolean));
  const date = preambleCells.map(findDate).find((d) => d !== null) ?? null;
  const title = preambleCells.find((c) => findDate(c) === null || c.length > 12) ?? null;

  const headerCells = rows[header.rowIndex];
  const columns = [...header.columns];
  const seen = new Set<Column>();
  columns.forEach((column, i) => {
    const cell = headerCells[i];
    if (column === null) {
      if (cell.value.trim())
        problems.push(
          makeProblem(
            'comment-unknown-field',
            range(cell.start, cell.end),
            MESSAGES.unknownHeader,
            { header: cell.value.trim() },
            'warning',
          ),
        );
    } else if (seen.has(column)) {
      problems.push(
        makeProblem(
          'comment-unknown-field',
          range(cell.start, cell.end),
          MESSAGES.duplicateHeader,
          { header: cell.value.trim() },
          'warning',
        ),
      );
      columns[i] = null;
    } else seen.add(column);
  });

  const comments: CommentRecord[] = [];
  for (const row of rows.slice(header.rowIndex + 1)) {
    const values: Partial<Record<Column, string>> = {};
    const cells: Partial<Record<Column, CsvCell>> = {};
    const notes: string[] = [];
    row.forEach((cell, i) => {
      const column = i < columns.length ? columns[i] : null;
      const value = cleanCell(cell.value);
      if (column) {
        values[column] = value;
        cells[column] = cell;
      } else if (value.trim()) {
        const name = i < headerCells.length && headerCells[i].value.trim() ? headerCells[i].value.trim() : `列${i + 1}`;
        notes.push(`${name}: ${value}`);
        if (i >= headerCells.length)
          problems.push(
            makeProblem('comment-unknown-field', range(cell.start, cell.end), MESSAGES.extraCell, {}, 'warning'),
          );
      }
    });
    const first = row[0];
    const last = row[row.length - 1];
    const recordRange = range(first.start, last.end);
    const fallback = (comments.length > 0 ? comments[comments.length - 1].number : 0) + 1;
    let number = fallback;
    const numberText = normalizeNumber(values.number ?? '');
    if (/^\d+$/.test(numberText) && Number(numberText) > 0) number = Number(numberText);
    else {
      const cell = cells.number ?? first;
      problems.push(
        makeProblem('comment-invalid-value', range(cell.start, cell.end), MESSAGES.badNumber, {
          value: values.number ?? '',
          fallback,
        }),
      );
    }

    const locationText = values.location ?? composeLocation(values);
    const location = parseLocation(locationText);
    const opinion = values.opinion ?? '';
    const response = values.response ?? '';
    let override: Disposition | undefined;
    if (values.disposition?.trim()) {
      override = dispositionFromLabel(values.disposition);
      if (!override) {
        const cell = cells.disposition!;
        problems.push(
          makeProblem(
            'comment-invalid-value',
            range(cell.start, cell.end),
            MESSAGES.badDisposition,
            { value: values.disposition.trim() },
            'warning',
          ),
        );
        notes.unshift(`${headerCells[columns.indexOf('disposition')].value.trim()}: ${values.disposition.trim()}`);
      }
    }
    if (values.notes?.trim()) notes.unshift(values.notes);
    if (!opinion.trim())
      problems.push(
        makeProblem('comment-missing-opinion', recordRange, MESSAGES.missingOpinion, { number }, 'warning'),
      );

    const fields: CommentRecord['fields'] = {};
    const locationCell = cells.location ?? cells.section ?? cells.part ?? cells.item ?? cells.page;
    if (locationCell) fields.location = range(locationCell.start, locationCell.end);
    if (cells.opinion) fields.opinion = range(cells.opinion.start, cells.opinion.end);
    if (cells.response) fields.response = range(cells.response.start, cells.response.end);
    const record: CommentRecord = {
      number,
      location,
      submitter: values.submitter?.trim() ? values.submitter.trim() : null,
      opinion,
      response,
      disposition: override ?? classifyResponse(response),
      range: recordRange,
      fields,
    };
    if (override) record.dispositionOverride = override;
    if (notes.length > 0) record.notes = notes.join('\n');
    comments.push(record);
  }
  problems.push(...numberingProblems(comments));
  return { uri, title, date, format: 'csv', comments, problems };
}

const CSV_STORE_HEADER = [
  '番号',
  '該当箇所',
  '提出者',
  '提出された意見',
  '意見に対する考え方',
  '対応',
  '備考',
] as const;

/**
 * The round as a CSV store (title row, header, one row per comment). `bom` prefixes a UTF-8 BOM,
 * which Excel needs to open UTF-8 CSV without mojibake.
 */
export function printCsvComments(
  round: Pick<CommentRound, 'title' | 'date' | 'comments'>,
  options: { bom?: boolean } = {},
): string {
  const rows: string[][] = [];
  if (round.title !== null || round.date !== null) rows.push([round.title ?? '', ...(round.date ? [round.date] : [])]);
  rows.push([...CSV_STORE_HEADER]);
  for (const r of round.comments) {
    rows.push([
      String(r.number),
      r.location?.raw ?? '',
      r.submitter ?? '',
      r.opinion,
      r.response,
      r.dispositionOverride ? DISPOSITION_LABELS[r.dispositionOverride].ja : '',
      r.notes ?? '',
    ]);
  }
  return (options.bom ? '\uFEFF' : '') + formatCsvTable(rows);
}
