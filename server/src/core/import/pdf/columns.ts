/**
 * Reading order of a page: full-width lines, and passages in two columns read left column first.
 * A two-column passage is a run of lines (top down) that leave one vertical gutter near the middle
 * of the page empty, most of them with text on both sides; the left column's lines end at one right
 * edge (justified text) and the right column's start at one left edge. A table whose columns meet
 * near the middle rarely passes those edge tests and stays one region.
 */
import { pageLines, type TextLine } from '../../layout/lines';
import type { PageText, TextItem } from '../../layout/page-text';

export interface Region {
  readonly lines: readonly TextLine[];
  /** True for a column of a two-column passage. */
  readonly column: boolean;
}

const MIN_COLUMN_LINES = 4;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

/** Positions lo…hi (1 pt steps) that no item of the line covers. */
function freeMask(line: TextLine, lo: number, hi: number): boolean[] {
  const mask = Array.from({ length: hi - lo + 1 }, () => true);
  for (const item of line.items) {
    const from = Math.max(0, Math.ceil(item.x + 0.5) - lo);
    const to = Math.min(mask.length - 1, Math.floor(item.x + item.width - 0.5) - lo);
    for (let i = from; i <= to; i++) mask[i] = false;
  }
  return mask;
}

/** The widest run of true positions: [start, end] indexes, or null. */
function widestRun(mask: readonly boolean[]): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 0; i < mask.length;) {
    if (!mask[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < mask.length && mask[j + 1]) j++;
    if (!best || j - i > best[1] - best[0]) best = [i, j];
    i = j + 1;
  }
  return best;
}

/** A column is a quarter of the page wide at least (table cells beside a gutter are narrower). */
function wide(lines: readonly TextLine[], page: PageText): boolean {
  if (lines.length === 0) return false;
  return Math.max(...lines.map((l) => l.right)) - Math.min(...lines.map((l) => l.x)) >= page.width * 0.25;
}

function sideBySide(left: TextLine[], right: TextLine[], page: PageText): boolean {
  if (left.length < MIN_COLUMN_LINES || right.length < MIN_COLUMN_LINES) return false;
  const size = median(left.concat(right).map((l) => l.height));
  const rightEdge = Math.max(...left.map((l) => l.right));
  const leftEdge = Math.min(...right.map((l) => l.x));
  const justified = left.filter((l) => rightEdge - l.right < size).length;
  const aligned = right.filter((l) => l.x - leftEdge < 1.5 * size).length;
  return wide(left, page) && wide(right, page) && justified >= left.length * 0.5 && aligned >= right.length * 0.6;
}

interface Band {
  readonly from: number;
  readonly to: number;
  readonly gutter: number;
  /** Accepted because its gutter was seen elsewhere, not by its own evidence. */
  readonly byKnownGutter: boolean;
}

/**
 * Runs of lines sharing an empty gutter with text on both sides of it: at least MIN_COLUMN_LINES
 * such lines, or 2 at a gutter the document already showed on another page (a passage running
 * over a page break). Lines with text on one side only join the run above it (a column's first
 * lines) and, on the right side, below it (the right column running longer).
 */
function findBands(page: PageText, lines: readonly TextLine[], known: readonly number[]): Band[] {
  const lo = Math.floor(page.width * 0.35);
  const hi = Math.ceil(page.width * 0.65);
  const size = median(lines.map((l) => l.height));
  const minWidth = 0.8 * size;
  const masks = lines.map((l) => freeMask(l, lo, hi));
  const splitAt = (k: number, i: number) => masks[k][i] && lines[k].x < lo + i && lines[k].right > lo + i;
  const bands: Band[] = [];
  let k = 0;
  let floor = 0;
  while (k < lines.length) {
    let mask = masks[k].map((free, i) => free && splitAt(k, i));
    let run = widestRun(mask);
    if (!run || run[1] - run[0] < minWidth) {
      k++;
      continue;
    }
    let lastSplit = k;
    let splits = 1;
    let end = k + 1;
    for (; end < lines.length; end++) {
      const next = mask.map((m, i) => m && masks[end][i]);
      const nextRun = widestRun(next);
      if (!nextRun || nextRun[1] - nextRun[0] < minWidth) break;
      mask = next;
      run = nextRun;
      if (splitAt(end, Math.round((nextRun[0] + nextRun[1]) / 2))) {
        lastSplit = end;
        splits++;
      }
    }
    const gutter = lo + (run![0] + run![1]) / 2;
    const atKnown = known.some((g) => Math.abs(g - gutter) <= 6);
    if (splits >= MIN_COLUMN_LINES || (splits >= 2 && atKnown)) {
      const free = (line: number) => masks[line][Math.round(gutter - lo)];
      let from = k;
      while (from > floor && free(from - 1)) from--;
      let to = lastSplit + 1;
      while (to < lines.length && free(to) && lines[to].x > gutter) to++;
      bands.push({ from, to, gutter, byKnownGutter: splits < MIN_COLUMN_LINES });
      k = floor = to;
    } else k++;
  }
  return bands;
}

/** The gutters of a page's two-column passages (to recognise their continuation on other pages). */
export function pageGutters(page: PageText, drop: (line: TextLine) => boolean = () => false): number[] {
  return columnBands(page, drop, []).accepted.map((b) => b.band.gutter);
}

function columnBands(page: PageText, drop: (line: TextLine) => boolean, known: readonly number[]) {
  const lines = pageLines(page).filter((l) => !drop(l));
  const accepted: { band: Band; left: TextLine[]; right: TextLine[] }[] = [];
  for (const band of findBands(page, lines, known)) {
    const leftItems: TextItem[] = [];
    const rightItems: TextItem[] = [];
    for (const item of lines.slice(band.from, band.to).flatMap((l) => l.items))
      (item.x + item.width / 2 < band.gutter ? leftItems : rightItems).push(item);
    const left = pageLines({ ...page, items: leftItems });
    const right = pageLines({ ...page, items: rightItems });
    if (band.byKnownGutter ? wide(left, page) && wide(right, page) : sideBySide(left, right, page))
      accepted.push({ band, left, right });
  }
  return { lines, accepted };
}

/**
 * The page's regions in reading order; `drop` removes running lines first; `known` are gutters
 * seen on other pages of the document.
 */
export function pageRegions(
  page: PageText,
  drop: (line: TextLine) => boolean = () => false,
  known: readonly number[] = [],
): Region[] {
  const { lines, accepted } = columnBands(page, drop, known);
  const regions: Region[] = [];
  let k = 0;
  for (const { band, left, right } of accepted) {
    if (band.from > k) regions.push({ lines: lines.slice(k, band.from), column: false });
    regions.push({ lines: left, column: true }, { lines: right, column: true });
    k = band.to;
  }
  if (k < lines.length) regions.push({ lines: lines.slice(k), column: false });
  return regions;
}
