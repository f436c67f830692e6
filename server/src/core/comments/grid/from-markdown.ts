/**
 * Markdown pipe tables (`| No. | 御意見の概要 | 御意見に対する考え方 |`) as a Grid. Lines outside tables
 * (the title heading, 意見募集期間, group headings between tables) become one-cell rows, so the record
 * builder sees them in order. `<br>` in a cell is a line break.
 */
import { LineIndex } from '../../text/position';
import type { Grid, GridCell, GridRow } from './grid';

const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const TABLE_LINE = /^\s*\|/;

function splitCells(line: string, lineStart: number, index: LineIndex): GridCell[] {
  const cells: GridCell[] = [];
  let at = line.indexOf('|') + 1;
  let start = at;
  let text = '';
  for (; at <= line.length; at++) {
    const ch = line[at];
    if (ch === '\\' && line[at + 1] === '|') {
      text += '|';
      at++;
    } else if (ch === '|' || at === line.length) {
      if (at === line.length && text.trim() === '') break;
      const lead = text.length - text.trimStart().length;
      const value = text.trim();
      const from = lineStart + start + lead;
      cells.push({ text: value.replace(/<br\s*\/?>/gi, '\n'), range: index.rangeOf(from, from + value.length) });
      start = at + 1;
      text = '';
    } else text += ch;
  }
  return cells;
}

export function markdownGrid(text: string): Grid {
  const index = new LineIndex(text);
  const rows: GridRow[] = [];
  for (let i = 0; i < index.lineCount; i++) {
    const line = index.lineText(i);
    const lineStart = index.lineStarts[i];
    if (line.trim() === '' || SEPARATOR_ROW.test(line)) continue;
    const range = index.rangeOf(lineStart, lineStart + line.length);
    if (TABLE_LINE.test(line)) rows.push({ cells: splitCells(line, lineStart, index), range });
    else {
      const content = line.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*)/, '').trim();
      rows.push({ cells: [{ text: content, range }], range });
    }
  }
  return { rows };
}
