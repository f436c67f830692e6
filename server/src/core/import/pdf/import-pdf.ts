/**
 * A PDF's pages (text items with their geometry) → the blocks of a guideline. Order of work:
 * running headers, footers and page numbers out; the table of contents out (its titles kept to
 * confirm headings); pages into regions (two columns read left first); tables; then lines into
 * headings and paragraphs by geometry: a line continues the paragraph when the line before reached
 * the right margin and this one starts where the paragraph's lines start, in the same type size.
 */
import type { TextLine } from '../../layout/lines';
import type { PageText } from '../../layout/page-text';
import { parseItemMarker, parsePartMarker } from '../../model/markers';
import { softJoin } from '../../comments/unwrap';
import { headingKey, numberedHeading } from '../heading-level';
import { excerpt, type ImportBlock, type ImportResult } from '../types';
import type { Region } from './columns';
import { preparePages } from './pages';
import { findTables } from './tables';
import { tocKeys } from './toc';

interface Placed extends Region {
  readonly left: number;
  readonly right: number;
}

interface OpenParagraph {
  text: string;
  last: TextLine;
  lastRegion: Placed;
  readonly firstOffset: number;
  contOffset: number | null;
  readonly marker: boolean;
  lines: number;
}

type MutableBlock =
  | { kind: 'heading'; level: number; text: string; line: TextLine }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][] };

/** A caption （図表N …） or a part marker alone （【例文】） is a paragraph that nothing continues. */
function standsAlone(text: string): boolean {
  return parseItemMarker(text)?.kind === 'figure' || parsePartMarker(text)?.alone === true;
}

/**
 * True when a line opens a paragraph of its own: an item, note, caption, part, numbered line, or
 * an article's clause （２　…） and a municipal section （1 組織体制）, which the parser reads only
 * at a paragraph's start.
 */
function opensParagraph(text: string): boolean {
  if (parsePartMarker(text)) return true;
  if (parseItemMarker(text, true)) return true;
  return numberedHeading(text, false) !== null;
}

export function importPdfPages(pages: readonly PageText[]): ImportResult {
  const { regionsByPage, footnotes, toc, body, docLeft, docRight, columnPages, issues } = preparePages(pages);
  const allLines = regionsByPage.flat().flatMap((r) => r.lines);
  const place = (region: Region): Placed => {
    if (!region.column) return { ...region, left: Math.min(docLeft, ...region.lines.map((l) => l.x)), right: docRight };
    return {
      ...region,
      left: Math.min(...region.lines.map((l) => l.x)),
      right: Math.max(...region.lines.map((l) => l.right)),
    };
  };

  const tocTitles = tocKeys(toc);
  const round = (n: number) => Math.round(n * 2) / 2;
  const largest = Math.max(0, ...allLines.map((l) => l.height));
  const firstTextPage = regionsByPage.findIndex((r) => r.length > 0);
  const levelBySize = new Map<number, number>();
  const found = new Set<string>();
  const blocks: MutableBlock[] = [];
  let open: OpenParagraph | null = null;
  let tableOpen = false;
  let openColumns: readonly number[] = [];

  let pendingNotes: string[] = [];
  const close = () => {
    if (open) blocks.push({ kind: 'paragraph', text: open.text });
    open = null;
    for (const text of pendingNotes) blocks.push({ kind: 'paragraph', text });
    pendingNotes = [];
  };
  const emitHeading = (line: TextLine, level: number, guessed: boolean) => {
    close();
    tableOpen = false;
    const text = line.text.trim();
    found.add(headingKey(text));
    blocks.push({ kind: 'heading', level, text, line });
    if (guessed) issues.push({ code: 'heading-guessed', page: line.page, text: excerpt(text) });
  };

  const continues = (p: OpenParagraph, line: TextLine, region: Placed): boolean => {
    const h = line.height;
    if (Math.abs(line.height - p.last.height) > 0.12 * Math.max(line.height, p.last.height)) return false;
    if (p.last.right < p.lastRegion.right - 1.5 * p.last.height) return false;
    if (p.lastRegion === region && !(line.y > p.last.y && line.y - p.last.y <= 2.5 * h)) return false;
    if (opensParagraph(line.text.trim())) return false;
    const offset = line.x - region.left;
    if (p.contOffset !== null) return Math.abs(offset - p.contOffset) < 0.5 * h;
    if (p.marker) return offset >= p.firstOffset - 0.5 * h && offset <= p.firstOffset + 4 * h;
    if (Math.abs(p.firstOffset - h) < 0.35 * h) return offset < p.firstOffset - 0.5 * h;
    return offset <= p.firstOffset + 0.5 * h;
  };

  regionsByPage.forEach((regions, pageIndex) => {
    // The page's footnotes wait for the paragraph open at its foot (written at once when none is).
    const flushNotes = () => {
      pendingNotes.push(...footnotes[pageIndex]);
      if (!open) close();
    };
    for (const raw of regions) {
      const region = place(raw);
      const runs = findTables(region.lines, tableOpen ? openColumns : undefined);
      let runIndex = 0;
      for (let i = 0; i < region.lines.length; i++) {
        const run = runs[runIndex];
        if (run && run.start === i) {
          runIndex++;
          if (run.rows) {
            close();
            const last = blocks[blocks.length - 1];
            if (tableOpen && last?.kind === 'table' && last.rows[0]?.length === run.rows[0].length) {
              appendContinuation(last.rows, run.rows);
            } else blocks.push({ kind: 'table', rows: run.rows });
            tableOpen = true;
            openColumns = run.columns;
            i = run.end - 1;
            continue;
          }
          issues.push({ code: 'table-flattened', page: region.lines[i].page, text: excerpt(region.lines[i].text) });
          // Flattened: each line of the run stands alone.
          for (let k = run.start; k < run.end; k++) {
            close();
            blocks.push({ kind: 'paragraph', text: region.lines[k].text.trim() });
          }
          tableOpen = false;
          i = run.end - 1;
          continue;
        }
        const line = region.lines[i];
        const text = line.text.trim();
        const key = headingKey(text);
        const inToc = tocTitles.has(key);
        const larger = line.height > body * 1.12;
        const numbered = numberedHeading(text);
        if (open && !larger && continues(open, line, region)) {
          open.text = softJoin(open.text, text);
          if (open.lines === 1) open.contOffset = line.x - region.left;
          open.last = line;
          open.lastRegion = region;
          open.lines++;
          continue;
        }
        const previous = blocks[blocks.length - 1];
        if (
          larger &&
          !open &&
          previous?.kind === 'heading' &&
          !numbered &&
          Math.abs(previous.line.height - line.height) < 0.5 &&
          previous.line.page === line.page &&
          line.y > previous.line.y &&
          line.y - previous.line.y <= 2.2 * line.height
        ) {
          // A heading wrapped onto a second line.
          previous.text = softJoin(previous.text, text);
          previous.line = line;
          found.add(headingKey(previous.text));
          continue;
        }
        if (larger) {
          if (numbered) {
            levelBySize.set(round(line.height), numbered.level);
            emitHeading(line, numbered.level, toc.length > 0 && !inToc);
          } else if (pageIndex === firstTextPage && Math.abs(line.height - largest) < 0.5) {
            emitHeading(line, 1, false);
          } else {
            emitHeading(line, levelBySize.get(round(line.height)) ?? 2, !inToc);
          }
          continue;
        }
        if (
          numbered &&
          (inToc || (numbered.label.match(/[.．―‐－-]/) && line.right < region.right - 2 * line.height))
        ) {
          if (inToc || numbered.level > 2) {
            emitHeading(line, numbered.level, !inToc);
            continue;
          }
        }
        close();
        tableOpen = false;
        if (standsAlone(text)) {
          blocks.push({ kind: 'paragraph', text });
          continue;
        }
        open = {
          text,
          last: line,
          lastRegion: region,
          firstOffset: line.x - region.left,
          contOffset: null,
          marker: opensParagraph(text),
          lines: 1,
        };
      }
    }
    flushNotes();
  });
  close();
  // One note for all the pages read as two columns, not one per page.
  if (columnPages.length > 0) issues.push({ code: 'columns-detected', text: columnPages.join(', ') });
  for (const entry of toc) {
    if (!found.has(headingKey(entry.title))) issues.push({ code: 'toc-heading-missing', text: excerpt(entry.title) });
  }
  const out: ImportBlock[] = blocks.map((b) =>
    b.kind === 'heading' ? { kind: 'heading', level: b.level, text: b.text } : b,
  );
  return { blocks: out, issues };
}

/**
 * Rows of a table continued on the next page: a repeated header row goes; a first row with empty
 * cells is the rest of the row the page break cut, and joins it.
 */
function appendContinuation(rows: string[][], more: readonly string[][]): void {
  const header = rows[0].join('\u0000');
  const added = more.filter((row, k) => !(k === 0 && row.join('\u0000') === header));
  const last = rows[rows.length - 1];
  if (added.length > 0 && rows.length > 1 && added[0].some((cell) => cell === '')) {
    const first = added.shift()!;
    first.forEach((cell, c) => {
      if (cell) last[c] = last[c] ? softJoin(last[c], cell) : cell;
    });
  }
  rows.push(...added);
}
