/**
 * Reading order of a page: full-width lines, and two columns read left column first. A page is two
 * columns when an empty vertical gutter near its middle separates lines on both sides that stand
 * side by side, the left ones ending at one right edge (justified text) and the right ones starting
 * at one left edge. A table whose columns meet near the middle does not pass the edge tests.
 */
import { pageLines, type TextLine } from '../../layout/lines';
import type { PageText, TextItem } from '../../layout/page-text';

export interface Region {
  readonly lines: readonly TextLine[];
  /** True for a column of a two-column band. */
  readonly column: boolean;
}

const MIN_COLUMN_LINES = 5;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

/** The gutter's x range, or null when the page is one column. */
export function findGutter(page: PageText, lines: readonly TextLine[]): { from: number; to: number } | null {
  if (lines.length < MIN_COLUMN_LINES) return null;
  const size = median(lines.map((l) => l.height));
  const lo = Math.floor(page.width * 0.35);
  const hi = Math.ceil(page.width * 0.65);
  const counts: number[] = [];
  for (let x = lo; x <= hi; x++)
    counts.push(lines.filter((l) => l.items.some((i) => i.x + 0.5 < x && x < i.x + i.width - 0.5)).length);
  const least = Math.min(...counts);
  if (least > lines.length * 0.1) return null;
  // The widest run of positions crossed by the fewest items.
  let best: { from: number; to: number } | null = null;
  for (let i = 0; i < counts.length;) {
    if (counts[i] !== least) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < counts.length && counts[j + 1] === least) j++;
    if (!best || j - i > best.to - best.from) best = { from: lo + i, to: lo + j };
    i = j + 1;
  }
  return best && best.to - best.from >= 0.8 * size ? best : null;
}

function sideBySide(left: TextLine[], right: TextLine[]): boolean {
  if (left.length < MIN_COLUMN_LINES || right.length < MIN_COLUMN_LINES) return false;
  const top = Math.max(left[0].y, right[0].y);
  const bottom = Math.min(left[left.length - 1].y, right[right.length - 1].y);
  if (bottom <= top) return false;
  const size = median(left.concat(right).map((l) => l.height));
  const rightEdge = Math.max(...left.map((l) => l.right));
  const leftEdge = Math.min(...right.map((l) => l.x));
  const justified = left.filter((l) => rightEdge - l.right < size).length;
  const aligned = right.filter((l) => l.x - leftEdge < 1.5 * size).length;
  return justified >= left.length * 0.5 && aligned >= right.length * 0.6;
}

/** The page's regions in reading order. */
export function pageRegions(page: PageText, drop: (line: TextLine) => boolean = () => false): Region[] {
  const all = pageLines(page).filter((l) => !drop(l));
  const gutter = findGutter(page, all);
  if (!gutter) return all.length === 0 ? [] : [{ lines: all, column: false }];
  const mid = (gutter.from + gutter.to) / 2;
  const crossing = (i: TextItem) => i.x < mid && i.x + i.width > mid;
  // Lines with an item over the gutter are full width; the rest split into left and right parts.
  const full: TextLine[] = [];
  const leftItems: TextItem[] = [];
  const rightItems: TextItem[] = [];
  for (const line of all) {
    if (line.items.some(crossing)) full.push(line);
    else for (const item of line.items) (item.x + item.width / 2 < mid ? leftItems : rightItems).push(item);
  }
  const left = pageLines({ ...page, items: leftItems });
  const right = pageLines({ ...page, items: rightItems });
  if (!sideBySide(left, right)) return [{ lines: all, column: false }];
  // Bands: full-width lines cut the page; inside a band, the left column comes before the right.
  const regions: Region[] = [];
  const cuts = full.map((l) => l.y).sort((a, b) => a - b);
  let previous = -Infinity;
  const take = (lines: TextLine[], from: number, to: number) => lines.filter((l) => l.y >= from && l.y < to);
  for (const cut of [...cuts, Infinity]) {
    const l = take(left, previous, cut);
    const r = take(right, previous, cut);
    if (l.length > 0) regions.push({ lines: l, column: true });
    if (r.length > 0) regions.push({ lines: r, column: true });
    const line = full.find((f) => f.y === cut);
    if (line) regions.push({ lines: [line], column: false });
    previous = cut + 0.001;
  }
  return regions;
}
