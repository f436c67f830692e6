/**
 * A PDF's pages made ready for the block builder: running lines and the table of contents out (its
 * entries kept), each page's regions in reading order, footnotes set aside, pages without text and
 * pages in two columns noted, and the body's type size and margins measured.
 */
import type { TextLine } from '../../layout/lines';
import type { PageText } from '../../layout/page-text';
import { softJoin } from '../../comments/unwrap';
import type { ImportIssue } from '../types';
import { pageGutters, pageRegions, type Region } from './columns';
import { runningLines } from './running';
import { findTables } from './tables';
import { isTocTitle, tocEntry, type TocEntry } from './toc';

export interface PreparedPages {
  /** Each page's regions, in reading order, without running lines, TOC lines and footnotes. */
  readonly regionsByPage: readonly Region[][];
  /** Each page's footnotes, as paragraphs. */
  readonly footnotes: readonly string[][];
  readonly toc: readonly TocEntry[];
  /** The body's type size (the most used, by characters) and its left and right margins. */
  readonly body: number;
  readonly docLeft: number;
  readonly docRight: number;
  readonly columnPages: number[];
  readonly issues: ImportIssue[];
}

const round = (n: number, step = 0.5) => Math.round(n / step) * step;

/** The most frequent value (by weight) after rounding. */
function mode(values: { value: number; weight: number }[], step: number): number {
  const counts = new Map<number, number>();
  for (const { value, weight } of values)
    counts.set(round(value, step), (counts.get(round(value, step)) ?? 0) + weight);
  let best = 0;
  let bestCount = -1;
  for (const [value, count] of counts) if (count > bestCount) [best, bestCount] = [value, count];
  return best;
}

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const NOTE_START = /^(?:[（(]?注[0-9０-９]|※|\*|[0-9０-９]{1,2}[ \u3000)）.．])/;

/** Footnote lines as paragraphs: a line opening with 注N, ※, * or a number starts a note. */
function noteParagraphs(lines: readonly TextLine[]): string[] {
  const notes: string[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (notes.length === 0 || NOTE_START.test(text)) notes.push(text);
    else notes[notes.length - 1] = softJoin(notes[notes.length - 1], text);
  }
  return notes;
}

/** A page whose only text was its table of contents or running lines is not an image. */
function pageHadToc(page: PageText, drop: (line: TextLine) => boolean): boolean {
  return pageRegions(page, () => false).some((r) => r.lines.some((l) => !drop(l) || tocEntry(l) !== null));
}

export function preparePages(pages: readonly PageText[]): PreparedPages {
  const issues: ImportIssue[] = [];
  const drop = runningLines(pages);
  const toc: TocEntry[] = [];
  const regionsByPage: Region[][] = [];
  const columnPages: number[] = [];
  const gutters = pages.flatMap((page) => pageGutters(page, drop));
  for (const page of pages) {
    const regions: Region[] = [];
    for (const region of pageRegions(page, drop, gutters)) {
      const lines = region.lines.filter((line) => {
        const entry = tocEntry(line);
        if (entry) toc.push(entry);
        return !entry && !isTocTitle(line);
      });
      if (lines.length > 0) regions.push({ ...region, lines });
    }
    if (page.items.every((i) => i.text.trim() === '') || (regions.length === 0 && !pageHadToc(page, drop))) {
      issues.push({ code: 'page-without-text', page: page.page, text: '' });
    }
    if (regions.some((r) => r.column)) columnPages.push(page.page);
    regionsByPage.push(regions);
  }
  const allLines = regionsByPage.flat().flatMap((r) => r.lines);
  const body = mode(
    allLines.map((l) => ({ value: l.height, weight: l.text.length })),
    0.5,
  );
  const bodyLines = allLines.filter((l) => Math.abs(l.height - body) <= 0.12 * body);
  const docLeft = mode(
    bodyLines.map((l) => ({ value: l.x, weight: 1 })),
    1,
  );
  const docRight = percentile(
    bodyLines.map((l) => l.right),
    0.95,
  );

  // Footnotes: the lines in smaller type at the foot of a page, under its last body line. They
  // are set aside so that a paragraph running on to the next page stays one, and written after it.
  const footnotes = regionsByPage.map((regions, k) => {
    const page = pages[k];
    const last = regions[regions.length - 1];
    if (!last || last.column) return [];
    let from = last.lines.length;
    while (from > 0 && last.lines[from - 1].height < body * 0.92 && last.lines[from - 1].y > page.height * 0.6) from--;
    const notes = last.lines.slice(from);
    // A table or a caption in small type is not a footnote: the first line must open a note.
    if (notes.length === 0 || from === 0 || !NOTE_START.test(notes[0].text.trim()) || findTables(notes).length > 0)
      return [];
    regions[regions.length - 1] = { ...last, lines: last.lines.slice(0, from) };
    return noteParagraphs(notes);
  });

  return { regionsByPage, footnotes, toc, body, docLeft, docRight, columnPages, issues };
}
