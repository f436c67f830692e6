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

/** A predicate telling the lines to drop on each page. */
export function runningLines(pages: readonly PageText[]): (line: TextLine) => boolean {
  const counts = new Map<string, number>();
  let textPages = 0;
  for (const page of pages) {
    const lines = pageLines(page);
    if (lines.length > 0) textPages++;
    const seen = new Set<string>();
    for (const line of lines) if (inBand(line, page)) seen.add(key(line));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(textPages * 0.4));
  const heights = new Map(pages.map((p) => [p.page, p]));
  return (line) => {
    const page = heights.get(line.page);
    if (!page || !inBand(line, page)) return false;
    if (PAGE_NUMBER.test(line.text.trim())) return true;
    return (counts.get(key(line)) ?? 0) >= threshold;
  };
}
