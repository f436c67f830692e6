/**
 * Comment tables kept in Excel (.xlsx: workbook, shared strings, worksheets, merged ranges) and Word
 * (.docx: document.xml tables, gridSpan, vMerge) as Grids for the core's record builder, read from
 * their XML directly (zip.ts): the libraries for these formats bring code-evaluating helpers
 * (lodash's global lookup by a constructed function, setImmediate's string callbacks) into the
 * bundle. Merged cells are kept as such: a vertically merged response is one response shared by the
 * rows it covers.
 */
import type { Grid, GridCell, GridRow } from '../../core/comments/grid/grid';
import { headerColumns } from '../../core/comments/grid/header';
import { readZip } from '../ooxml/zip';

export class OfficeReadError extends Error {}

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? 'A') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const rowOf = (ref: string): number => Number(/\d+$/.exec(ref)?.[0] ?? 1);

/** Text runs of a shared or inline string, without the phonetic guides (ふりがな, <rPh>) Excel keeps. */
function stringText(xml: string): string {
  let text = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g))
    text += decodeXml(m[1]);
  return text;
}

function zipText(zip: Map<string, () => Buffer>, name: string): string | undefined {
  return zip.get(name)?.().toString('utf8');
}

/** One worksheet's rows; merged ranges as mergedAbove (vertical) and span (horizontal). */
function sheetGrid(xml: string, shared: readonly string[]): Grid {
  const values = new Map<number, Map<number, string>>();
  for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    for (const c of row[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1])?.[1];
      if (!ref) continue;
      const type = /\bt="(\w+)"/.exec(c[1])?.[1];
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const text =
        type === 's'
          ? (shared[Number(v)] ?? '')
          : type === 'inlineStr'
            ? stringText(body)
            : v !== undefined
              ? decodeXml(v)
              : '';
      const r = rowOf(ref);
      if (!values.has(r)) values.set(r, new Map());
      values.get(r)!.set(columnIndex(ref), text);
    }
  }
  const covered = new Map<string, 'above' | 'side'>();
  const spans = new Map<string, number>();
  for (const m of xml.matchAll(/<mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
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
  const workbook = zipText(zip, 'xl/workbook.xml');
  if (workbook === undefined) throw new OfficeReadError('xl/workbook.xml not found');
  const rels = zipText(zip, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const shared = [...(zipText(zip, 'xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    stringText(m[1]),
  );
  const grids: Grid[] = [];
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*?r:id="([^"]+)"/g)) {
    const target = targets.get(sheet[1]);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = zipText(zip, path);
    if (xml !== undefined) grids.push(sheetGrid(xml, shared));
  }
  return grids.find((g) => g.rows.some((r) => headerColumns(r.cells.map((c) => c.text)))) ?? grids[0] ?? { rows: [] };
}

function openZip(bytes: Uint8Array): Map<string, () => Buffer> {
  try {
    return readZip(bytes);
  } catch (error) {
    throw new OfficeReadError(error instanceof Error ? error.message : String(error));
  }
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
export function docxGrid(bytes: Uint8Array): Grid {
  let xml: string | undefined;
  try {
    xml = zipText(openZip(bytes), 'word/document.xml');
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
