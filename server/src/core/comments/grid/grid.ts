/**
 * A table as every source format yields it: rows of cells with their text and where they came from.
 * PDF (text items by coordinates), extracted text, Markdown tables, xlsx and docx each only turn
 * their bytes into a Grid; one record builder (records.ts) reads comments from any Grid.
 */
import type { Range } from '../../text/position';

export interface GridCell {
  /** The cell's text; wrapped lines joined, the author's line breaks kept as `\n`. */
  readonly text: string;
  /** Where the cell is in the source (text sources; PDF: the page's line, see from-pages.ts). */
  readonly range?: Range;
  /** Covered by the cell above (a vertically merged cell): its value is the one above. */
  readonly mergedAbove?: boolean;
  /** Columns this cell spans (a merged heading row); 1 when absent. */
  readonly span?: number;
}

export interface GridRow {
  readonly cells: readonly GridCell[];
  /** The row in the source; for PDF the 1-based page it starts on is `page`. */
  readonly range?: Range;
  readonly page?: number;
}

export interface Grid {
  /** Text before the table (title, 資料６ label, 凡例 table, period) comes as rows too. */
  readonly rows: readonly GridRow[];
}

export function nonEmptyCells(row: GridRow): GridCell[] {
  return row.cells.filter((c) => c.text.trim() !== '');
}
