/**
 * The comment table as an Excel workbook (exceljs): title, date and counts above a header row that
 * stays in view, long text wrapped in wide columns, and the export marker in the workbook's
 * keywords so that a reader of .xlsx comment tables can leave it out.
 */
import type { CommentTable } from '../../core/comments/export';
import { EXPORT_MARKER } from '../../core/comments/export-marker';

const NARROW_WIDTHS = [6, 26, 14];
const WIDE = 60;
const OTHER = 12;

export async function commentTableXlsx(table: CommentTable, sheetName: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'guideline-tools';
  workbook.keywords = EXPORT_MARKER;
  workbook.title = table.title ?? '';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = table.headings.map((_, i) => ({
    width: table.wide.includes(i) ? WIDE : (NARROW_WIDTHS[i] ?? OTHER),
  }));
  const above = [table.title, table.date, table.counts].filter((l): l is string => Boolean(l));
  for (const line of above) sheet.addRow([line]);
  if (table.title) sheet.getRow(1).font = { bold: true, size: 12 };
  sheet.addRow([]);
  const header = sheet.addRow([...table.headings]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const group of table.groups) {
    if (group.heading) sheet.addRow([group.heading]).font = { bold: true };
    for (const row of group.rows) {
      const added = sheet.addRow(row.map((cell, i) => (i === 0 && /^\d+$/.test(cell) ? Number(cell) : cell)));
      added.alignment = { vertical: 'top', wrapText: true };
    }
  }
  const borderFrom = header.number;
  for (let r = borderFrom; r <= sheet.rowCount; r++)
    for (let c = 1; c <= table.headings.length; c++)
      sheet.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
