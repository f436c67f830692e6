/**
 * The comment table as an Excel workbook: title, date and counts above a header row that stays in
 * view, long text wrapped in wide columns, thin borders, and the export marker in the workbook's
 * keywords so that a reader of .xlsx comment tables can leave it out.
 *
 * Written as SpreadsheetML parts zipped with fflate rather than with exceljs: exceljs's
 * dependencies (bluebird, jszip's setimmediate) evaluate code with `new Function`, which the
 * server bundle must not contain (test/unit/reliability/security.test.ts). One sheet of inline
 * strings needs only a few small parts.
 */
import type { CommentTable } from '../../core/comments/export';
import { EXPORT_MARKER } from '../../core/comments/export-marker';
import { loadFflate } from '../lazy/libraries';

const NARROW_WIDTHS = [6, 26, 14];
const WIDE = 60;
const OTHER = 12;

/** Style indexes of styles.xml's cellXfs. */
const STYLE = { plain: 0, title: 1, header: 2, cell: 3, number: 4, group: 5 } as const;

function xml(text: string): string {
  // XML 1.0 cannot hold most control characters; a PDF extraction can leave some.
  return [...text]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

type Cell = { value: string | number; style: number } | null;

function cellXml(cell: Cell, ref: string): string {
  if (!cell) return '';
  if (typeof cell.value === 'number') return `<c r="${ref}" s="${cell.style}"><v>${cell.value}</v></c>`;
  return `<c r="${ref}" s="${cell.style}" t="inlineStr"><is><t xml:space="preserve">${xml(cell.value)}</t></is></c>`;
}

function sheetXml(table: CommentTable): { xml: string; headerRow: number } {
  const rows: Cell[][] = [];
  if (table.title) rows.push([{ value: table.title, style: STYLE.title }]);
  if (table.date) rows.push([{ value: table.date, style: STYLE.plain }]);
  rows.push([{ value: table.counts, style: STYLE.plain }], []);
  rows.push(table.headings.map((h) => ({ value: h, style: STYLE.header })));
  const headerRow = rows.length;
  for (const group of table.groups) {
    if (group.heading)
      rows.push(table.headings.map((_, i) => ({ value: i === 0 ? group.heading! : '', style: STYLE.group })));
    for (const row of group.rows)
      rows.push(
        row.map((value, i) =>
          i === 0 && /^\d+$/.test(value) ? { value: Number(value), style: STYLE.number } : { value, style: STYLE.cell },
        ),
      );
  }
  const cols = table.headings
    .map((_, i) => {
      const width = table.wide.includes(i) ? WIDE : (NARROW_WIDTHS[i] ?? OTHER);
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  const body = rows
    .map(
      (cells, r) => `<row r="${r + 1}">${cells.map((c, i) => cellXml(c, `${columnName(i)}${r + 1}`)).join('')}</row>`,
    )
    .join('');
  return {
    headerRow,
    xml:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<cols>${cols}</cols><sheetData>${body}</sheetData></worksheet>`,
  };
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="3"><font><sz val="11"/><name val="游ゴシック"/></font><font><b/><sz val="12"/><name val="游ゴシック"/></font><font><b/><sz val="11"/><name val="游ゴシック"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export async function commentTableXlsx(table: CommentTable, sheetName: string): Promise<Uint8Array> {
  const sheet = sheetXml(table);
  // Sheet names: at most 31 characters, none of []:*?/\
  const name = xml(sheetName.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet1');
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
    'docProps/core.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:title>${xml(table.title ?? '')}</dc:title><dc:creator>guideline-tools</dc:creator><cp:keywords>${EXPORT_MARKER}</cp:keywords>` +
      '</cp:coreProperties>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '</Relationships>',
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': sheet.xml,
  };
  const { strToU8, zipSync } = await loadFflate();
  const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), {
    level: 6,
  });
  return zipped;
}
