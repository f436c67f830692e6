/**
 * Physical lines of a page: items whose vertical extents overlap are one line, read left to right.
 * Tables and paragraphs are both built on these.
 */
import type { PageText, TextItem } from './page-text';

export interface TextLine {
  readonly page: number;
  readonly y: number;
  readonly height: number;
  readonly x: number;
  /** Right edge of the last item. */
  readonly right: number;
  readonly items: readonly TextItem[];
  /** Items joined; a gap wider than `spaceRatio` × height between items becomes one space. */
  readonly text: string;
}

/** Fraction of a line's height that two items overlapping vertically must share to be one line. */
const SAME_LINE_OVERLAP = 0.5;

export function pageLines(page: PageText, spaceRatio = 0.6): TextLine[] {
  const items = page.items.filter((i) => i.text.trim() !== '').slice();
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextItem[][] = [];
  let current: TextItem[] = [];
  let top = 0;
  let bottom = 0;
  for (const item of items) {
    const overlap = Math.min(bottom, item.y + item.height) - Math.max(top, item.y);
    if (current.length > 0 && overlap >= SAME_LINE_OVERLAP * Math.min(item.height, bottom - top)) {
      current.push(item);
      top = Math.min(top, item.y);
      bottom = Math.max(bottom, item.y + item.height);
    } else {
      if (current.length > 0) groups.push(current);
      current = [item];
      top = item.y;
      bottom = item.y + item.height;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => lineOf(page.page, group, spaceRatio));
}

function lineOf(page: number, group: TextItem[], spaceRatio: number): TextLine {
  const items = group.slice().sort((a, b) => a.x - b.x);
  let text = '';
  let right = items[0].x;
  for (const item of items) {
    if (text !== '' && item.x - right > spaceRatio * item.height) text += ' ';
    text += item.text;
    right = Math.max(right, item.x + item.width);
  }
  const y = Math.min(...items.map((i) => i.y));
  const height = Math.max(...items.map((i) => i.y + i.height)) - y;
  return { page, y, height, x: items[0].x, right, items, text };
}
