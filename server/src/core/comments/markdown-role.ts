/**
 * What a Markdown file is to the tools, decided once for the server and the CLI: a comment table
 * this tool exported (neither a guideline nor a round), a comment round (a table whose header names
 * both an opinion and a response column: 「| No. | 御意見の概要 | 御意見に対する考え方 |」), or a guideline.
 * A guideline's own tables (用語 / 説明, 項目 / 内容) name no such pair, so a guideline stays one.
 */
import { isToolExport } from './export-marker';
import { headerColumns } from './grid/header';

export type MarkdownRole = 'guideline' | 'comments' | 'export';

const TABLE_LINE = /^\s*\|/;

/** True when one of the first tables' header rows names an opinion and a response column. */
function hasCommentTable(text: string): boolean {
  const lines = text.split(/\r?\n/, 2000);
  for (let i = 0; i < lines.length; i++) {
    // A header row is a table line that does not follow another one.
    if (!TABLE_LINE.test(lines[i]) || (i > 0 && TABLE_LINE.test(lines[i - 1]))) continue;
    const cells = lines[i]
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    const columns = headerColumns(cells);
    if (columns?.includes('opinion') && columns.includes('response')) return true;
  }
  return false;
}

export function markdownRole(text: string): MarkdownRole {
  if (isToolExport(text)) return 'export';
  return hasCommentTable(text) ? 'comments' : 'guideline';
}
