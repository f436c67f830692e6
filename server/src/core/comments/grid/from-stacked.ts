/**
 * Text extracted in pdftotext's default order from a table whose cells it reads one block at a time
 * (Word- and Excel-made result PDFs): every cell is a block of lines, blocks separated by blank
 * lines, header cells on lines of their own in any order (`該当箇所` / `番号` / `素案に対する意見（概要）`
 * / `意見に対する考え方`). This turns such text into the Grid every other reader yields; records.ts
 * reads the comments.
 *
 * 1. The header is a run of lines that each name a column (header.ts), at least two of them, one of
 *    them 意見 or 考え方; a name wrapped over two lines (「意見提出」「者」) is joined. Its order is
 *    the order in which each row's cells follow in the text.
 * 2. Page breaks (form feeds, 「- 3 -」「3 / 10」, the header cells repeated on the next page) end a
 *    block; blocks after a page break and before the next row continue the row above.
 * 3. Rows start at a block holding only the next number (or 1 after a group heading) in the number
 *    column; the blocks of the columns before it in the header order are the ones just above it.
 *    Without a number column, rows follow each other column by column.
 * 4. Short columns (該当箇所, 提出者 …) take one short block each when there is one; the last text
 *    column (the response) takes the last block, the opinion what is between. A row without a
 *    response block shares the one above (a merged cell).
 * 5. A cell's lines are joined where a line is nearly as wide as the column's widest lines (a wrap),
 *    and kept apart where it stops short (the author's break) or at a 「【理由】」 label.
 */
import type { Grid, GridCell, GridRow } from './grid';
import { columnOfHeader, headerColumns, type Column } from './header';
import { displayWidth, softJoin } from '../unwrap';

interface Block {
  readonly lines: readonly string[];
  /** A page break stands between this block and the one before. */
  readonly afterBreak: boolean;
}

interface StackedHeader {
  readonly cells: readonly string[];
  readonly columns: ReadonlyArray<Column | null>;
  /** Index of the header's first line and of the first line after it. */
  readonly start: number;
  readonly end: number;
}

/** 「- 3 -」「3 / 10」; not 「P.12」, which in a table is a 該当箇所. */
const PAGE_NUMBER = /^\s*(?:[-－–—]\s*[0-9０-９]+\s*[-－–—]|[0-9０-９]+\s*[/／]\s*[0-9０-９]+)\s*$/;
const NUMBER_CELL = /^\s*(?:No\.?|NO\.?|№)?\s*([0-9０-９]{1,4})\s*[.．]?\s*$/;
/** Group headings in stacked text; bare 「第2章」「【14ページ】」 are 該当箇所 cells here, not headings. */
const HEADING =
  /^(?:(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]{1,4})\s*[.．、]\s*\S|[●■◆◇○◎□▼▽◯]\s*\S|【[^】]{1,40}について】$|[^。]{1,40}について$)/;
const SHORT_COLUMNS: ReadonlySet<Column> = new Set([
  'location',
  'document',
  'section',
  'part',
  'item',
  'page',
  'submitter',
  'disposition',
]);
/** Header names longer than this are sentences, not cells. */
const MAX_HEADER_LENGTH = 24;

function headerName(line: string): Column | undefined {
  const text = line.trim();
  return text.length <= MAX_HEADER_LENGTH ? columnOfHeader(text) : undefined;
}

/** Header cells starting at line `i`: one name per line, a name wrapped over two lines joined. */
function headerRun(lines: readonly string[], i: number): { cells: string[]; end: number } {
  const cells: string[] = [];
  let j = i;
  while (j < lines.length) {
    if (lines[j].trim() === '') {
      j++;
      continue;
    }
    const one = lines[j].trim();
    const next = lines[j + 1]?.trim() ?? '';
    if (next !== '' && !headerName(next) && headerName(one + next) && !headerName(one)) {
      cells.push(one + next);
      j += 2;
    } else if (headerName(one)) {
      cells.push(one);
      j++;
    } else if (next !== '' && headerName(one + next)) {
      cells.push(one + next);
      j += 2;
    } else break;
  }
  while (j > i && lines[j - 1].trim() === '') j--;
  return { cells, end: j };
}

function findHeader(lines: readonly string[]): StackedHeader | null {
  for (let i = 0; i < Math.min(lines.length, 400); i++) {
    const length = lines[i].trim().length;
    // A line longer than any header name starts no run (headerRun would stop at it at once).
    if (length === 0 || length > MAX_HEADER_LENGTH) continue;
    const run = headerRun(lines, i);
    if (run.cells.length < 2) continue;
    const columns = headerColumns(run.cells);
    if (columns) return { cells: run.cells, columns, start: i, end: run.end };
  }
  return null;
}

/** Cheap test: a header whose cells stand on lines of their own. */
export function looksLikeStackedTable(text: string): boolean {
  return findHeader(text.split(/\r?\n/, 400)) !== null;
}

/** Blocks of the data part: page numbers and repeated header cells dropped, page breaks noted. */
function dataBlocks(lines: readonly string[], headerKeys: ReadonlySet<string>): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let afterBreak = false;
  let pendingBreak = false;
  const close = () => {
    if (current.length > 0) blocks.push({ lines: current, afterBreak });
    current = [];
    afterBreak = false;
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.includes('\f')) {
      close();
      pendingBreak = true;
      line = line.replace(/\f/g, '');
    }
    const text = line.trim();
    if (text === '') {
      close();
      continue;
    }
    // A bare number just before a form feed is the page's number, not a row's.
    const beforeFeed = /^[0-9０-９]{1,4}$/.test(text) && /^\s*\f/.test(lines[i + 1] ?? '');
    if (PAGE_NUMBER.test(text) || beforeFeed) {
      close();
      pendingBreak = true;
      continue;
    }
    if (headerKeys.has(text) || (headerKeys.has(text + (lines[i + 1]?.trim() ?? '')) && !headerKeys.has(text))) {
      // Header cells repeated at the top of a page: two or more of them, or one after a page break.
      const run = headerRun(lines, i);
      const repeated = run.cells.filter((c) => headerKeys.has(c)).length;
      if (repeated >= 2 || (repeated === 1 && pendingBreak)) {
        close();
        pendingBreak = true;
        i = run.end - 1;
        continue;
      }
    }
    if (current.length === 0 && pendingBreak) {
      afterBreak = true;
      pendingBreak = false;
    }
    current.push(text);
  }
  close();
  return blocks;
}

interface RowDraft {
  readonly heading?: string;
  /** Lines of each column (by header index), in the order they came. */
  readonly cells: string[][];
}

/** A 該当箇所 or 提出者 cell: a few short lines, no sentence (「3.6.3 （解説）」「（107ページ）」「地方公共」「団体」). */
const isShortBlock = (block: Block) =>
  block.lines.length <= 4 && block.lines.join('').length <= 60 && !/。$/.test(block.lines.at(-1) ?? '');
/** A line this close to the column's width was wrapped (kinsoku and moved-down words leave it short). */
const FULL = 0.8;
/** 「【意見】」「【理由】」 on a line of their own stay so. */
const LABEL = /^【[^】]{1,10}】$/;
/** The rest of a 該当箇所 or 提出者 cut by a page break: 「（3）」「（107ページ）」「団体」. */
const isShortContinuation = (block: Block) => block.lines.length <= 2 && block.lines.every((l) => l.length <= 16);
const SENTENCE_END = /[。！？!?][」』）)]*$/;

/** Puts the blocks of one row's first page into its columns (header order). */
function assignFirst(
  row: RowDraft,
  blocks: readonly Block[],
  columns: readonly number[],
  kinds: readonly (Column | null)[],
) {
  const longCount = columns.filter((k) => !SHORT_COLUMNS.has(kinds[k] as Column)).length;
  let b = 0;
  let longSeen = 0;
  for (const k of columns) {
    const kind = kinds[k];
    const left = blocks.length - b;
    if (kind !== null && SHORT_COLUMNS.has(kind)) {
      // Taken only when a block is left for the opinion after it.
      if (left > 1 && isShortBlock(blocks[b]) && longCount > longSeen) row.cells[k].push(...blocks[b++].lines);
      continue;
    }
    longSeen++;
    const longLeft = longCount - longSeen;
    // The opinion takes every block the columns after it do not need (its own paragraphs).
    const take = longLeft === 0 ? left : Math.max(Math.min(left, 1), left - longLeft);
    for (let n = 0; n < take; n++) {
      if (row.cells[k].length > 0) row.cells[k].push('');
      row.cells[k].push(...blocks[b++].lines);
    }
  }
}

/**
 * Blocks continuing a row on the next page go to the cells that were still running. Cells are
 * top-aligned and cut at the same line, so those are the ones that filled the page (the most lines
 * since the last break) and whose last line was wrapped (it reaches the column's width or ends
 * mid-sentence); long columns before short ones, and a short column only for a short block.
 */
function assignContinuation(
  row: RowDraft,
  blocks: readonly Block[],
  kinds: readonly (Column | null)[],
  width: (k: number) => number,
) {
  const open = row.cells
    .map((lines, k) => ({ lines, k, long: !SHORT_COLUMNS.has(kinds[k] as Column) }))
    .filter(({ lines, k }) => lines.length > 0 && kinds[k] !== 'number');
  const part = (lines: readonly string[]) => lines.length - lines.lastIndexOf('\f');
  const most = Math.max(0, ...open.map((c) => part(c.lines)));
  const full = open.filter((c) => part(c.lines) === most);
  const running = open.filter(({ lines, k }) => {
    const last = lines[lines.length - 1];
    return !SENTENCE_END.test(last) || displayWidth(last) >= width(k) * FULL;
  });
  const longs = (cells: typeof open) => cells.filter((c) => c.long);
  const midSentence = open.filter(({ lines }) => !SENTENCE_END.test(lines[lines.length - 1]));
  const fullRunning = full.filter((c) => running.includes(c));
  const fullMidSentence = full.filter((c) => midSentence.includes(c));
  // One block per cell, a short column's block short.
  const fits = (cells: typeof open) =>
    cells.length === blocks.length && cells.every((c, n) => c.long || isShortContinuation(blocks[n]));
  // Only a cell that filled the page can run on; of those, long columns before short ones, and a
  // cell whose short last line ends a sentence has ended.
  const levels = [fullMidSentence, fullRunning];
  const candidates = [...levels.map(longs), ...levels, longs(full), full, longs(open), open];
  const targets = candidates.find(fits) ?? longs(open);
  blocks.forEach((block, n) => {
    const target = targets[Math.min(n, targets.length - 1)];
    if (target) target.lines.push('\f', ...block.lines);
  });
}

/** A cell's lines joined: a line as wide as the column wraps into the next; `\f` marks a page break. */
function cellText(lines: readonly string[], width: number): string {
  let text = '';
  let previous = '';
  for (const line of lines) {
    if (line === '\f') continue;
    if (line === '') {
      text += '\n';
      previous = '';
      continue;
    }
    if (text === '' || previous === '') text += line;
    else if (
      (displayWidth(previous) >= width * FULL || /[、，,]$/.test(previous)) &&
      !LABEL.test(previous) &&
      !LABEL.test(line)
    )
      text = softJoin(text, line);
    else text += `\n${line}`;
    previous = line;
  }
  return text;
}

/** The 95th percentile of line widths: the widest lines but for a stray few; null for none. */
function widest(widths: number[]): number | null {
  if (widths.length === 0) return null;
  widths.sort((a, b) => a - b);
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.95))];
}

/** The widest lines of a column are its wrapped lines' width. */
function columnWidth(rows: readonly RowDraft[], k: number): number {
  return widest(rows.flatMap((r) => r.cells[k]?.filter((l) => l !== '' && l !== '\f').map(displayWidth) ?? [])) ?? 0;
}

/**
 * The width at which a column's lines wrap, from lines that another line of the same cell follows;
 * null when no cell of the column has run over one line yet.
 */
function wrapWidth(rows: readonly RowDraft[], k: number): number | null {
  const widths: number[] = [];
  for (const row of rows) {
    const lines = row.cells[k] ?? [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const next = lines[i + 1];
      if (lines[i] !== '' && lines[i] !== '\f' && next !== '' && next !== '\f') widths.push(displayWidth(lines[i]));
    }
  }
  return widest(widths);
}

export function stackedGrid(text: string): Grid {
  const lines = text.split(/\r?\n/);
  const header = findHeader(lines);
  // Text above the table: a row per paragraph (a title wrapped over two lines is one).
  const rows: GridRow[] = dataBlocks(lines.slice(0, header ? header.start : lines.length), new Set()).map((b) => ({
    cells: [{ text: b.lines.reduce((text, line) => softJoin(text, line)) }],
  }));
  if (!header) return { rows };
  rows.push({ cells: header.cells.map((c) => ({ text: c })) });

  const kinds = header.columns;
  const numberAt = kinds.indexOf('number');
  const before = numberAt >= 0 ? kinds.map((_, k) => k).slice(0, numberAt) : [];
  const after = kinds.map((_, k) => k).filter((k) => k > numberAt);
  const blocks = dataBlocks(lines.slice(header.end), new Set(header.cells));
  const drafts: RowDraft[] = [];
  const newRow = (): RowDraft => ({ cells: kinds.map(() => []) });
  // Whether a cell's last line before a page break reached the column's width: measured on lines
  // known to wrap. A column none of whose cells has wrapped yet borrows the text columns' width,
  // since the widest of its one-line cells says nothing about where it would wrap.
  const widthSoFar = (k: number) => {
    const own = wrapWidth(drafts, k);
    if (own !== null) return own;
    const texts = kinds.flatMap((kind, j) =>
      kind !== null && SHORT_COLUMNS.has(kind) ? [] : (wrapWidth(drafts, j) ?? []),
    );
    return SHORT_COLUMNS.has(kinds[k] as Column) || texts.length === 0 ? columnWidth(drafts, k) : Math.max(...texts);
  };
  const headingAt = (b: number) => {
    const block = blocks[b];
    return block.lines.length === 1 && HEADING.test(block.lines[0]) && !NUMBER_CELL.test(block.lines[0]);
  };

  if (numberAt >= 0) {
    // Row starts: number blocks in sequence (restarting at 1 after a heading).
    const starts: number[] = [];
    let last = 0;
    for (let b = 0; b < blocks.length; b++) {
      if (headingAt(b)) {
        last = 0;
        continue;
      }
      const m = blocks[b].lines.length === 1 ? NUMBER_CELL.exec(blocks[b].lines[0]) : null;
      const n = m ? Number(m[1].normalize('NFKC')) : NaN;
      if (m && (n === last + 1 || n === 1 || (n > last && n <= last + 3))) {
        starts.push(b);
        last = n;
      }
    }
    let b = 0;
    starts.forEach((start, s) => {
      // Blocks before this row's own (its 該当箇所 when that column comes first): the row above's.
      const own = Math.max(b, start - before.length);
      const lead: Block[] = [];
      for (let p = own; p < start; p++) if (isShortBlock(blocks[p]) && !headingAt(p)) lead.push(blocks[p]);
      const leadFrom = start - lead.length;
      trailing(b, leadFrom);
      const row = newRow();
      drafts.push(row);
      lead.forEach((block, n) => row.cells[before[before.length - lead.length + n]].push(...block.lines));
      row.cells[numberAt].push(blocks[start].lines[0]);
      const end = s + 1 < starts.length ? starts[s + 1] - before.length : blocks.length;
      let stop = start + 1;
      while (stop < Math.max(start + 1, end) && !blocks[stop].afterBreak && !headingAt(stop)) stop++;
      assignFirst(row, blocks.slice(start + 1, stop), after, kinds);
      b = stop;
    });
    trailing(b, blocks.length);
  } else {
    // No numbers: rows follow each other, one block per column.
    let b = 0;
    while (b < blocks.length) {
      if (headingAt(b)) {
        drafts.push({ heading: blocks[b].lines[0], cells: [] });
        b++;
        continue;
      }
      const previous = drafts[drafts.length - 1];
      if (blocks[b].afterBreak && previous && !previous.heading) {
        let stop = b + 1;
        while (stop < blocks.length && stop - b < after.length - 1 && !headingAt(stop)) stop++;
        // Continuation blocks until a block that reads as the first column's (a short 該当箇所).
        let c = b;
        while (c < stop && !(SHORT_COLUMNS.has(kinds[0] as Column) && isShortBlock(blocks[c]))) c++;
        if (c > b) {
          assignContinuation(previous, blocks.slice(b, c), kinds, widthSoFar);
          b = c;
          continue;
        }
      }
      let stop = b + 1;
      while (stop < blocks.length && stop - b < kinds.length && !blocks[stop].afterBreak && !headingAt(stop)) stop++;
      const row = newRow();
      drafts.push(row);
      assignFirst(row, blocks.slice(b, stop), after, kinds);
      b = stop;
    }
  }

  function trailing(from: number, to: number) {
    for (let p = from; p < to; p++) {
      if (headingAt(p)) {
        drafts.push({ heading: blocks[p].lines[0], cells: [] });
        continue;
      }
      const row = drafts[drafts.length - 1];
      if (!row || row.heading) continue;
      let q = p;
      while (q + 1 < to && !headingAt(q + 1) && !blocks[q + 1].afterBreak) q++;
      assignContinuation(row, blocks.slice(p, q + 1), kinds, widthSoFar);
      p = q;
    }
  }

  const widths = kinds.map((_, k) => columnWidth(drafts, k));
  const opinionAt = kinds.indexOf('opinion');
  const responseAt = kinds.indexOf('response');
  let data = 0;
  for (const draft of drafts) {
    if (draft.heading) {
      rows.push({ cells: [{ text: draft.heading, span: kinds.length }] });
      continue;
    }
    const cells: GridCell[] = draft.cells.map((lines, k) => {
      // A published result answers every opinion: no response beside one is a merged cell.
      const merged = k === responseAt && lines.length === 0 && data > 0 && (draft.cells[opinionAt]?.length ?? 0) > 0;
      return { text: cellText(lines, widths[k]), ...(merged ? { mergedAbove: true } : {}) };
    });
    rows.push({ cells });
    data++;
  }
  return { rows };
}
