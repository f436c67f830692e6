/**
 * Comment tables kept in Excel (.xlsx: workbook, shared strings, worksheets, merged ranges) and Word
 * (.docx: document.xml tables, gridSpan, vMerge) as Grids for the core's record builder, read from
 * their XML (host/ooxml: the guarded ZIP reader and the element parser the Word import uses too):
 * the libraries for these formats bring code-evaluating helpers (lodash's global lookup by a
 * constructed function, setImmediate's string callbacks) into the bundle. Merged cells are kept as
 * such: a vertically merged response is one response shared by the rows it covers.
 */
import type { Grid, GridCell, GridRow } from '../../core/comments/grid/grid';
import { headerColumns } from '../../core/comments/grid/header';
import { readZip } from '../ooxml/zip';
import { child, childElements, descendants, ownText, parseXml, val, type XmlElement } from '../ooxml/xml';

export class OfficeReadError extends Error {}

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? 'A') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const rowOf = (ref: string): number => Number(/\d+$/.exec(ref)?.[0] ?? 1);

/** Text runs of a shared or inline string (<t>, rich text <r><t>), without Excel's phonetic guides (<rPh>). */
function stringText(element: XmlElement): string {
  let text = '';
  for (const c of childElements(element)) {
    if (c.name === 't') text += ownText(c);
    else if (c.name === 'r') text += child(c, 't') ? ownText(child(c, 't')!) : '';
  }
  return text;
}

type Zip = Map<string, () => Buffer>;

function zipXml(zip: Zip, name: string): XmlElement | undefined {
  const entry = zip.get(name);
  if (!entry) return undefined;
  try {
    return parseXml(entry().toString('utf8'));
  } catch (error) {
    throw new OfficeReadError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function cellText(c: XmlElement, shared: readonly string[]): string {
  const type = c.attrs.t;
  const v = child(c, 'v');
  if (type === 's') return shared[Number(v ? ownText(v) : NaN)] ?? '';
  if (type === 'inlineStr') {
    const is = child(c, 'is');
    return is ? stringText(is) : '';
  }
  return v ? ownText(v) : '';
}

/** One worksheet's rows; merged ranges as mergedAbove (vertical) and span (horizontal). */
function sheetGrid(sheet: XmlElement, shared: readonly string[]): Grid {
  const values = new Map<number, Map<number, string>>();
  for (const row of descendants(sheet, 'row')) {
    for (const c of childElements(row, 'c')) {
      const ref = c.attrs.r;
      if (!ref || !/^[A-Z]+\d+$/.test(ref)) continue;
      const r = rowOf(ref);
      if (!values.has(r)) values.set(r, new Map());
      values.get(r)!.set(columnIndex(ref), cellText(c, shared));
    }
  }
  const covered = new Map<string, 'above' | 'side'>();
  const spans = new Map<string, number>();
  for (const merge of descendants(sheet, 'mergeCell')) {
    const m = /^([A-Z]+\d+):([A-Z]+\d+)$/.exec(merge.attrs.ref ?? '');
    if (!m) continue;
    const [c1, r1, c2, r2] = [columnIndex(m[1]), rowOf(m[1]), columnIndex(m[2]), rowOf(m[2])];
    if (c2 > c1) spans.set(`${r1}:${c1}`, c2 - c1 + 1);
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.set(`${r}:${c}`, c === c1 ? 'above' : 'side');
  }
  const width = Math.max(0, ...[...values.values()].flatMap((cols) => [...cols.keys()].map((c) => c + 1)));
  const rows: GridRow[] = [];
  for (const r of [...values.keys()].sort((a, b) => a - b)) {
    const cols = values.get(r)!;
    const cells: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const cover = covered.get(`${r}:${c}`);
      if (cover) {
        cells.push(cover === 'above' ? { text: '', mergedAbove: true } : { text: '' });
        continue;
      }
      const span = spans.get(`${r}:${c}`);
      cells.push({ text: (cols.get(c) ?? '').replace(/\r\n?/g, '\n').trim(), ...(span ? { span } : {}) });
    }
    rows.push({ cells });
  }
  return { rows };
}

/** The first worksheet holding a comment table's header (else the first sheet), in workbook order. */
export function xlsxGrid(bytes: Uint8Array): Grid {
  const zip = openZip(bytes);
  const workbook = zipXml(zip, 'xl/workbook.xml');
  if (workbook === undefined) throw new OfficeReadError('xl/workbook.xml not found');
  const rels = zipXml(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map(
    (rels ? descendants(rels, 'Relationship') : []).map((r) => [r.attrs.Id, r.attrs.Target] as const),
  );
  const sst = zipXml(zip, 'xl/sharedStrings.xml');
  const shared = sst ? childElements(sst, 'si').map(stringText) : [];
  const grids: Grid[] = [];
  for (const sheet of descendants(workbook, 'sheet')) {
    const target = targets.get(sheet.attrs['r:id']);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = zipXml(zip, path);
    if (xml !== undefined) grids.push(sheetGrid(xml, shared));
  }
  return grids.find((g) => g.rows.some((r) => headerColumns(r.cells.map((c) => c.text)))) ?? grids[0] ?? { rows: [] };
}

function openZip(bytes: Uint8Array): Zip {
  try {
    return readZip(bytes);
  } catch (error) {
    throw new OfficeReadError(error instanceof Error ? error.message : String(error));
  }
}

/** Text of a paragraph: its runs' text, line breaks and tabs (deleted text left out). */
function paragraphText(p: XmlElement): string {
  let text = '';
  const visit = (node: XmlElement) => {
    for (const c of node.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:t') text += ownText(c);
      else if (c.name === 'w:br' || c.name === 'w:cr') text += '\n';
      else if (c.name === 'w:tab') text += '\t';
      else if (c.name !== 'w:del' && c.name !== 'w:rPr' && c.name !== 'w:pPr') visit(c);
    }
  };
  visit(p);
  return text;
}

/** A cell's (or any block's) paragraphs joined by line breaks. */
function paragraphsText(element: XmlElement): string {
  return descendants(element, 'w:p').map(paragraphText).join('\n').trim();
}

/** Paragraphs and tables of a body in order, through content controls and custom XML. */
function blocks(element: XmlElement): XmlElement[] {
  return childElements(element).flatMap((c) =>
    c.name === 'w:p' || c.name === 'w:tbl' ? [c] : c.name === 'w:sectPr' ? [] : blocks(c),
  );
}

/** Body paragraphs as one-cell rows and every table row as a row, in document order. */
export function docxGrid(bytes: Uint8Array): Grid {
  const document = zipXml(openZip(bytes), 'word/document.xml');
  if (document === undefined) throw new OfficeReadError('word/document.xml not found');
  const body = child(document, 'w:body');
  const rows: GridRow[] = [];
  for (const block of body ? blocks(body) : []) {
    if (block.name === 'w:p') {
      const text = paragraphText(block).trim();
      if (text) rows.push({ cells: [{ text }] });
      continue;
    }
    for (const tr of descendants(block, 'w:tr')) {
      const cells: GridCell[] = [];
      for (const tc of descendants(tr, 'w:tc')) {
        const properties = child(tc, 'w:tcPr');
        const span = Number(val(properties, 'w:gridSpan') ?? 1);
        const vMerge = child(properties, 'w:vMerge');
        const continued = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
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
