/**
 * The table of contents: lines whose title and page number are joined by a dot leader
 * (「3.6 アクセス制御……………45」). They are dropped from the text; their titles confirm which
 * lines of the body are headings.
 */
import type { TextLine } from '../../layout/lines';
import { headingKey } from '../heading-level';

const LEADER = /^(.*?\S)\s*(?:[…‥]{2,}|[.．・･]{4,}|[…‥.．・･\s]{6,})\s*([0-9０-９]{1,4}|[ivxlcdm]{1,6})$/i;
const TOC_TITLE = /^(?:目[\s\u3000]*次|目録|contents|table of contents)$/i;

export interface TocEntry {
  readonly title: string;
  readonly page: string;
}

/** The entry a line is, or null. */
export function tocEntry(line: TextLine): TocEntry | null {
  const match = LEADER.exec(line.text.trim());
  return match ? { title: match[1].trim(), page: match[2] } : null;
}

export function isTocTitle(line: TextLine): boolean {
  return TOC_TITLE.test(line.text.trim());
}

/** Titles of the table of contents by `headingKey`. */
export function tocKeys(entries: readonly TocEntry[]): Map<string, TocEntry> {
  return new Map(entries.map((e) => [headingKey(e.title), e]));
}
