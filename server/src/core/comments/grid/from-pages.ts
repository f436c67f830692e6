/**
 * Positioned text (a PDF's pages, or `pdftotext -layout` text turned into positions) as a Grid.
 * Pure geometry, no guessing from wording except the header vocabulary:
 *
 * 1. Lines of each page (core/layout/lines.ts); page numbers and running headers/footers (the same
 *    text in a page margin on several pages) are dropped.
 * 2. The header row is the band of one to three close lines whose cells name comment columns; the
 *    same band on later pages (a repeated header) is skipped.
 * 3. Column boundaries: the vertical white channels that data lines leave between two header cells;
 *    a data item belongs to the column its left edge falls in.
 * 4. Rows start at a number in the number column (or, in a table without numbers, at a wider gap);
 *    lines without one continue the row above, across a page break too (a cell continuing on the
 *    next page). A line with one non-numeric text in the number column, or one text crossing a
 *    boundary (a merged heading row), is a row of its own: the record builder decides if it is a group.
 * 5. A cell's lines are joined where a line reaches the column's right edge (a wrap), and kept apart
 *    where it stops short (the author's break).
 */
import type { PageText } from '../../layout/page-text';
import { pageLines, type TextLine } from '../../layout/lines';
import { displayWidth, softJoin } from '../unwrap';
import type { Grid, GridCell, GridRow } from './grid';
import { columnOfHeader, GROUP_HEADING, headerColumns, type Column } from './header';

interface Segment {
  readonly text: string;
  readonly x: number;
  readonly right: number;
}

interface Line {
  readonly page: number;
  readonly y: number;
  readonly height: number;
  readonly segments: readonly Segment[];
}

interface HeaderCell {
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly column: Column | null;
}

const PAGE_NUMBER =
  /^\s*(?:[-－–—]\s*[0-9０-９]+\s*[-－–—]|[0-9０-９]+(?:\s*[/／]\s*[0-9０-９]+)?|(?:p|P|ページ)\.?\s*[0-9]+)\s*$/;
/** 「- 3 -」 stands for a page number anywhere (extracted text without form feeds keeps it mid-page). */
const DASHED_PAGE_NUMBER = /^\s*[-－–—]\s*[0-9０-９]+\s*[-－–—]\s*$/;
const NUMBER_CELL = /^\s*(?:No\.?|NO\.?|№)?\s*[0-9０-９]{1,4}\s*[.．]?\s*$/;
const MARGIN = 0.08;
/** Lines closer than this many line heights belong to one cell (wrapped lines, a header band). */
const CLOSE_GAP = 0.8;

/** Items of a line grouped into runs: a visible gap starts a new segment (maybe another cell). */
function segmentsOf(line: TextLine): Segment[] {
  const out: Array<{ text: string; x: number; right: number }> = [];
  for (const item of line.items) {
    const last = out[out.length - 1];
    const gap = last ? item.x - last.right : Infinity;
    // Items of one cell touch; the padding between two cells is wider than a fifth of a character.
    if (last && gap <= item.height * 0.2) {
      last.text += gap > item.height * 0.3 && /[A-Za-z0-9]$/.test(last.text) ? ` ${item.text}` : item.text;
      last.right = Math.max(last.right, item.x + item.width);
    } else out.push({ text: item.text, x: item.x, right: item.x + item.width });
  }
  return out.map((s) => ({ ...s, text: s.text.trim() })).filter((s) => s.text !== '');
}

function marginKey(text: string): string {
  return text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
}

/** Lines of every page without page numbers and running heads (margin text repeated across pages). */
function contentLines(pages: readonly PageText[]): Line[][] {
  const perPage = pages.map((page) =>
    pageLines(page).map((l) => ({
      page: page.page,
      y: l.y,
      height: l.height,
      segments: segmentsOf(l),
      inMargin: l.y < page.height * MARGIN || l.y + l.height > page.height * (1 - MARGIN),
      text: l.text,
      line: l,
    })),
  );
  const marginCounts = new Map<string, number>();
  for (const lines of perPage)
    for (const key of new Set(lines.filter((l) => l.inMargin).map((l) => marginKey(l.text))))
      marginCounts.set(key, (marginCounts.get(key) ?? 0) + 1);
  return perPage.map((lines) =>
    lines
      .filter(
        (l) =>
          !(
            (l.inMargin && (PAGE_NUMBER.test(l.text) || (marginCounts.get(marginKey(l.text)) ?? 0) > 1)) ||
            DASHED_PAGE_NUMBER.test(l.text)
          ) ||
          // A header row repeated at the top of each page is the table's, not a running head.
          headerColumns(segmentsOf(l.line).map((s) => s.text)) !== null,
      )
      .filter((l) => l.segments.length > 0)
      .map(({ page, y, height, segments }) => ({ page, y, height, segments })),
  );
}

const close = (a: Line, b: Line): boolean => b.y - (a.y + a.height) < CLOSE_GAP * Math.min(a.height, b.height);

/** Header cells from a band of lines: segments stacked over each other are one cell. */
function mergeBand(band: readonly Line[]): HeaderCell[] {
  const cells: Array<{ text: string; x: number; right: number }> = [];
  for (const segment of band.flatMap((l) => l.segments).sort((a, b) => a.x - b.x)) {
    const over = cells.find((c) => segment.x < c.right && segment.right > c.x);
    if (over) {
      over.text += segment.text;
      over.x = Math.min(over.x, segment.x);
      over.right = Math.max(over.right, segment.right);
    } else cells.push({ ...segment });
  }
  // Stacked text was appended in x order; rebuild each cell's text top-down.
  return cells
    .sort((a, b) => a.x - b.x)
    .map((c) => {
      const parts = band.flatMap((l) => l.segments.filter((s) => s.x < c.right && s.right > c.x).map((s) => s.text));
      const text = parts.join('');
      return { text, x: c.x, right: c.right, column: null };
    });
}

/** The header band starting at `lines[i]`: its length and cells, or null. */
function headerAt(lines: readonly Line[], i: number): { length: number; cells: HeaderCell[]; known: number } | null {
  // The band starts at a line naming a column, or just above one (a header cell wrapped and
  // centred vertically: 「意見提出」 above the row, 「者」 below it).
  const names = (line: Line | undefined) => line?.segments.some((s) => columnOfHeader(s.text) !== undefined) ?? false;
  if (!names(lines[i]) && !(i + 1 < lines.length && close(lines[i], lines[i + 1]) && names(lines[i + 1]))) return null;
  let best: { length: number; cells: HeaderCell[]; known: number } | null = null;
  for (let n = 1; n <= 3 && i + n <= lines.length; n++) {
    if (n > 1 && !close(lines[i + n - 2], lines[i + n - 1])) break;
    const cells = mergeBand(lines.slice(i, i + n));
    const columns = headerColumns(cells.map((c) => c.text));
    if (!columns) continue;
    const known = columns.filter((c) => c !== null).length;
    if (!best || known >= best.known)
      best = { length: n, cells: cells.map((c, k) => ({ ...c, column: columns[k] })), known };
  }
  return best;
}

/** Left edges of columns 1…n-1: where the white channel between two header cells ends. */
function boundaries(header: readonly HeaderCell[], data: readonly Line[]): number[] {
  const unit = Math.max(0.25, Math.min(...data.map((l) => l.height), 10) / 4);
  const right = Math.max(...header.map((c) => c.right), ...data.flatMap((l) => l.segments.map((s) => s.right)));
  const buckets = new Array<number>(Math.ceil(right / unit) + 2).fill(0);
  const centers = header.map((c) => (c.x + c.right) / 2);
  // A merged heading row (one text across columns, or a short 「●全般」 in one) would fill the
  // channels it crosses.
  const spanning = (line: Line) =>
    line.segments.length === 1 &&
    (centers.filter((c) => c >= line.segments[0].x && c <= line.segments[0].right).length > 1 ||
      GROUP_HEADING.test(line.segments[0].text));
  // Coverage of each bucket by data segments: +1 where a segment starts, -1 after it ends, summed.
  for (const line of data.filter((l) => !spanning(l)))
    for (const s of line.segments) {
      buckets[Math.floor(s.x / unit)]++;
      buckets[Math.ceil(s.right / unit)]--;
    }
  for (let b = 1; b < buckets.length; b++) buckets[b] += buckets[b - 1];
  // A few stray lines (a long URL overflowing its cell) may cross a channel in a long table.
  const threshold = Math.floor(data.length * 0.03);
  const result: number[] = [];
  for (let k = 1; k < header.length; k++) {
    const from = Math.floor((header[k - 1].x + header[k - 1].right) / 2 / unit);
    const to = Math.ceil((header[k].x + header[k].right) / 2 / unit);
    let best: { start: number; end: number } | null = null;
    for (let b = from; b <= to; b++) {
      if (buckets[b] > threshold) continue;
      let e = b;
      while (e + 1 <= to && buckets[e + 1] <= threshold) e++;
      if (!best || e - b > best.end - best.start) best = { start: b, end: e };
      b = e;
    }
    result.push(best ? (best.end + 1) * unit - unit / 2 : (header[k - 1].right + header[k].x) / 2);
  }
  return result;
}

function columnAt(x: number, bounds: readonly number[]): number {
  let k = 0;
  while (k < bounds.length && x >= bounds[k]) k++;
  return k;
}

interface CellLine {
  readonly text: string;
  readonly right: number;
  readonly page: number;
  readonly y: number;
  readonly height: number;
}

interface RowDraft {
  readonly page: number;
  readonly cells: CellLine[][];
  /** Column k's text flowed on into the row above's cell (a vertically merged cell). */
  readonly merged: boolean[];
  span: number;
}

/** True when `line` continues the text of a cell above it: close below a line that wrapped. */
function flowsOn(cell: readonly CellLine[], line: Line, textRight: number): boolean {
  const last = cell[cell.length - 1];
  return (
    last !== undefined &&
    last.page === line.page &&
    line.y - (last.y + last.height) < CLOSE_GAP * last.height &&
    last.right >= textRight - 2.6 * last.height
  );
}

/** A cell's lines joined: a line reaching the column's right edge wraps into the next. */
function cellText(lines: readonly CellLine[], textRight: number): string {
  let text = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === 0) {
      text = line.text;
      continue;
    }
    const previous = lines[i - 1];
    if (line.page !== previous.page) {
      // A cell continued on the next page.
      text = previous.right >= textRight - 2.6 * previous.height ? softJoin(text, line.text) : `${text}\n${line.text}`;
      continue;
    }
    const sameLine = Math.abs(line.y - previous.y) < previous.height * 0.5;
    // A wrapped line may stop up to two characters short (kinsoku: 「か。」 moves down together).
    const slack = /[。！？]$/.test(previous.text) ? 1.2 : 2.6;
    const wrapped = previous.right >= textRight - slack * previous.height && line.y - previous.y < previous.height * 2;
    text = sameLine ? `${text} ${line.text}` : wrapped ? softJoin(text, line.text) : `${text}\n${line.text}`;
  }
  return text;
}

/**
 * Text above the table, a row per paragraph: a line running from the left margin to the right one
 * continues on the next close line (a title wrapped under a 「資料６」 label, a long sentence).
 */
function paragraphRows(lines: readonly Line[]): GridRow[] {
  const rows: GridRow[] = [];
  const left = Math.min(...lines.map((l) => l.segments[0].x));
  const right = Math.max(...lines.map((l) => l.segments[l.segments.length - 1].right));
  let text = '';
  let previous: Line | null = null;
  for (const line of lines) {
    const lineText = line.segments.map((s) => s.text).join(' ');
    const full =
      previous !== null &&
      previous.page === line.page &&
      close(previous, line) &&
      previous.segments[0].x <= left + 3 * previous.height &&
      previous.segments[previous.segments.length - 1].right >= right - 3 * previous.height;
    if (full) text = softJoin(text, lineText);
    else {
      if (previous) rows.push({ cells: [{ text }], page: previous.page });
      text = lineText;
    }
    previous = line;
  }
  if (previous) rows.push({ cells: [{ text }], page: previous.page });
  return rows;
}

export function gridFromPages(pages: readonly PageText[]): Grid {
  const linesByPage = contentLines(pages);
  let header: HeaderCell[] | null = null;
  const preamble: Line[] = [];
  const dataLines: Line[] = [];
  for (const lines of linesByPage) {
    for (let i = 0; i < lines.length; i++) {
      const found = headerAt(lines, i);
      // Text just above a header row is not part of it when the band without it reads as well.
      const later = found && i + 1 < lines.length ? headerAt(lines, i + 1) : null;
      if (found && !(later && later.known >= found.known && found.length > 1)) {
        header ??= found.cells;
        i += found.length - 1;
        continue;
      }
      (header ? dataLines : preamble).push(lines[i]);
    }
  }
  const rows = paragraphRows(preamble);
  if (!header) return { rows };
  rows.push({ cells: header.map((c) => ({ text: c.text })) });

  const bounds = boundaries(header, dataLines);
  const numberAt = header.findIndex((c) => c.column === 'number');
  const textRight = header.map((_, k) =>
    Math.max(
      0,
      ...dataLines.flatMap((l) => l.segments.filter((s) => columnAt(s.x + 0.01, bounds) === k).map((s) => s.right)),
    ),
  );
  const numberText = (line: Line) =>
    line.segments
      .filter((s) => columnAt(s.x + 0.01, bounds) === numberAt)
      .map((s) => s.text)
      .join('');
  const numbered = numberAt >= 0 && dataLines.filter((l) => NUMBER_CELL.test(numberText(l))).length >= 1;

  const drafts: RowDraft[] = [];
  let current: RowDraft | null = null;
  let previous: Line | null = null;
  let alone = false;
  // The row whose cell a column's text still flows in: a merged cell runs on beside later rows.
  const owner: Array<RowDraft | null> = header.map(() => null);
  for (const line of dataLines) {
    const first = line.segments[0];
    const crossing =
      line.segments.length === 1 && columnAt(first.right - 0.01, bounds) > columnAt(first.x + 0.01, bounds);
    const numberCell = numberAt >= 0 ? numberText(line) : '';
    const ownRow =
      crossing || (numbered && line.segments.length === 1 && numberCell !== '' && !NUMBER_CELL.test(numberCell));
    const startsRow = numbered
      ? NUMBER_CELL.test(numberCell)
      : previous === null || (previous.page === line.page && !close(previous, line));
    if (!current || ownRow || alone || startsRow) {
      current = { page: line.page, cells: header.map(() => []), merged: header.map(() => false), span: 1 };
      drafts.push(current);
      for (let k = 0; k < owner.length; k++) if (ownRow || alone || k === numberAt) owner[k] = null;
    }
    alone = ownRow;
    const lineTarget = new Map<number, RowDraft>();
    for (const s of line.segments) {
      const k = columnAt(s.x + 0.01, bounds);
      const cellLine = { text: s.text, right: s.right, page: line.page, y: line.y, height: line.height };
      let target = lineTarget.get(k);
      if (!target) {
        const flowing = owner[k];
        if (
          flowing &&
          flowing !== current &&
          current.cells[k].length === 0 &&
          flowsOn(flowing.cells[k], line, textRight[k])
        ) {
          target = flowing;
          current.merged[k] = true;
        } else {
          target = current;
          owner[k] = current;
        }
        lineTarget.set(k, target);
      }
      target.cells[k].push(cellLine);
      if (crossing) current.span = columnAt(s.right - 0.01, bounds) - k + 1;
    }
    previous = line;
  }
  const responseAt = header.findIndex((c) => c.column === 'response');
  const opinionAt = header.findIndex((c) => c.column === 'opinion');
  drafts.forEach((d, r) => {
    const cells: GridCell[] = d.cells.map((lines, k) => {
      // A published result answers every opinion: an empty response beside one is a merged cell.
      const empty = k === responseAt && lines.length === 0 && r > 0 && opinionAt >= 0 && d.cells[opinionAt].length > 0;
      return {
        text: cellText(lines, textRight[k]),
        ...(d.span > 1 && lines.length > 0 ? { span: d.span } : {}),
        ...(d.merged[k] || (empty && d.span === 1) ? { mergedAbove: true } : {}),
      };
    });
    rows.push({ cells, page: d.page });
  });
  return { rows };
}

/**
 * `pdftotext -layout` text as positioned items: a page per form feed, a line per row (height 1),
 * one item per run of text separated by two or more spaces, x in display columns. A line is two
 * units high, the width of one full-width character, so the thresholds in characters hold.
 */
export function layoutTextPages(text: string): PageText[] {
  return text.split('\f').map((pageText, p) => {
    const lines = pageText.split(/\r?\n/);
    const items = lines.flatMap((line, y) => {
      const out = [];
      const run = /\S+(?: \S+)*/g;
      for (let m = run.exec(line); m; m = run.exec(line)) {
        const x = displayWidth(line.slice(0, m.index));
        out.push({ text: m[0], x, y: y * 2, width: displayWidth(m[0]), height: 2, fontName: '' });
      }
      return out;
    });
    return {
      page: p + 1,
      width: Math.max(1, ...lines.map(displayWidth)),
      height: Math.max(2, lines.length * 2),
      items,
    };
  });
}

/**
 * Cheap test before reading text as `-layout` columns: a header row among the first lines, its
 * cells separated by runs of spaces or tabs, one to three lines high.
 */
export function looksLikeLayoutTable(text: string): boolean {
  const lines = text.split(/\r?\n/, 300).filter((l) => l.length <= 400);
  for (let i = 0; i < lines.length; i++) {
    if (!/\S(?: {2,}|\t)\S/.test(lines[i])) continue;
    for (let n = 1; n <= 3 && i + n <= lines.length; n++) {
      const cells = lines.slice(i, i + n).flatMap((l) => l.trim().split(/ {2,}|\t+/));
      if (headerColumns(cells) !== null) return true;
    }
  }
  return false;
}
