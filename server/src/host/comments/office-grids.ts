/**
 * Comment tables kept in Excel (.xlsx, via exceljs) and Word (.docx, its document.xml via jszip) as
 * Grids for the core's record builder. Merged cells are kept as such: a vertically merged response
 * is one response shared by the rows it covers.
 */
import type { Grid, GridCell, GridRow } from '../../core/comments/grid/grid';
import { headerColumns } from '../../core/comments/grid/header';

export class OfficeReadError extends Error {}

/** The first worksheet holding a comment table's header (else the first sheet). */
export async function xlsxGrid(bytes: Uint8Array): Promise<Grid> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new OfficeReadError(error instanceof Error ? error.message : String(error));
  }
  const grids: Grid[] = [];
  workbook.eachSheet((sheet) => {
    const rows: GridRow[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: GridCell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        if (master !== cell) {
          const vertical = master.col === cell.col && Number(master.row) < Number(cell.row);
          cells.push(vertical ? { text: '', mergedAbove: true } : { text: '' });
          continue;
        }
        cells.push({ text: cellText(cell.text), ...spanOf(sheet, cell) });
      }
      rows.push({ cells });
    });
    grids.push({ rows });
  });
  return grids.find((g) => g.rows.some((r) => headerColumns(r.cells.map((c) => c.text)))) ?? grids[0] ?? { rows: [] };
}

function cellText(text: string | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n').trim();
}

/** Columns a horizontally merged master cell covers. */
function spanOf(
  sheet: { getCell(row: number, col: number): { isMerged: boolean; master: unknown } },
  cell: { isMerged: boolean; row: number | string; col: number | string },
): { span?: number } {
  if (!cell.isMerged) return {};
  let span = 1;
  const row = Number(cell.row);
  const col = Number(cell.col);
  while (span < 50) {
    const next = sheet.getCell(row, col + span);
    if (!next.isMerged || next.master !== (cell as unknown)) break;
    span++;
  }
  return span > 1 ? { span } : {};
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : XML_ENTITIES[e],
  );
}

/** Text of a run of WordprocessingML: paragraphs joined by line breaks. */
function paragraphsText(xml: string): string {
  const paragraphs: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/?>|<w:tab\/>/g))
      text += m[1] !== undefined ? decodeXml(m[1]) : m[0].startsWith('<w:br') ? '\n' : '\t';
    paragraphs.push(text);
  }
  return paragraphs.join('\n').trim();
}

/** Body paragraphs as one-cell rows and every table row as a row, in document order. */
export async function docxGrid(bytes: Uint8Array): Promise<Grid> {
  const { default: JSZip } = await import('jszip');
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  } catch (error) {
    throw new OfficeReadError(error instanceof Error ? error.message : String(error));
  }
  if (xml === undefined) throw new OfficeReadError('word/document.xml not found');
  const rows: GridRow[] = [];
  const body = xml.slice(xml.indexOf('<w:body'));
  for (const block of body.match(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    if (!block.startsWith('<w:tbl>')) {
      const text = paragraphsText(block);
      if (text) rows.push({ cells: [{ text }] });
      continue;
    }
    for (const tr of block.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) {
      const cells: GridCell[] = [];
      for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>|<w:tc [\s\S]*?<\/w:tc>/g) ?? []) {
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
        const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
        const continued = vMerge !== null && vMerge[1] !== 'restart';
        cells.push(
          continued ? { text: '', mergedAbove: true } : { text: paragraphsText(tc), ...(span > 1 ? { span } : {}) },
        );
        for (let k = 1; k < span; k++) cells.push({ text: '' });
      }
      rows.push({ cells });
    }
  }
  return { rows };
}
