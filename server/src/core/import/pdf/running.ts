/**
 * Running headers, footers and page numbers: lines in the top or bottom margin band that repeat at
 * the same place on many pages (digits ignored, so 「- 3 -」 and 「〇〇市 12」 repeat too), and lone
 * page numbers there. They are dropped before anything else reads the page.
 */
import { pageLines, type TextLine } from '../../layout/lines';
import type { PageText } from '../../layout/page-text';

/** The top and bottom share of the page where headers and footers live. */
const BAND = 0.12;
const PAGE_NUMBER =
  /^[\s\-－–—―‐(（[［]*(?:[0-9０-９]{1,4}|[ivxlcdm]{1,6})(?:[\s/／]*[0-9０-９]{1,4})?[\s\-－–—―‐)）\]］]*$|^[-－–—―‐\s]*(?:p\.?|ページ|頁)?\s*[0-9０-９]{1,4}\s*(?:ページ|頁)?[-－–—―‐\s]*$/i;

function inBand(line: TextLine, page: PageText): boolean {
  return line.y < page.height * BAND || line.y + line.height > page.height * (1 - BAND);
}

function key(line: TextLine): string {
  const text = line.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  return `${Math.round(line.y / 6)}|${text}`;
}

/**
 * A predicate telling the lines to drop on each page. A line in the body's type size must repeat on
 * 40% of the pages (a part marker 【例文】 may well open three pages at the same place); a line in
 * smaller type, as running heads are set, on three pages (a chapter's title over its own pages).
 */
export function runningLines(pages: readonly PageText[]): (line: TextLine) => boolean {
  const counts = new Map<string, number>();
  const sizes = new Map<number, number>();
  let textPages = 0;
  for (const page of pages) {
    const lines = pageLines(page);
    if (lines.length > 0) textPages++;
    const seen = new Set<string>();
    for (const line of lines) {
      if (inBand(line, page)) seen.add(key(line));
      const size = Math.round(line.height * 2) / 2;
      sizes.set(size, (sizes.get(size) ?? 0) + line.text.length);
    }
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const body = [...sizes].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, -1])[0];
  const threshold = Math.max(2, Math.ceil(textPages * 0.4));
  const smallThreshold = Math.min(threshold, 3);
  const byNumber = new Map(pages.map((p) => [p.page, p]));
  return (line) => {
    const page = byNumber.get(line.page);
    if (!page || !inBand(line, page)) return false;
    if (PAGE_NUMBER.test(line.text.trim())) return true;
    const count = counts.get(key(line)) ?? 0;
    return count >= (line.height < body * 0.92 ? smallThreshold : threshold);
  };
}
