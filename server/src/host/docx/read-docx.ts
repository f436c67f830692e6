/**
 * Reads a .docx (OOXML in a zip, through the same guarded ZIP reader as the comment tables) into the plain structure the core imports:
 * paragraphs with their heading level (from the style: Title, Heading 1–9, or an outline level)
 * and the label Word's automatic numbering shows, and tables of cell texts. Pictures, text boxes
 * and charts are reported, not read.
 */
import type { DocxDocument, DocxElement, DocxParagraph, DocxTable } from '../../core/import/docx/model';
import { formatListLabel } from '../../core/import/docx/list-number';
import { child, childElements, parseXml, val, XmlError, type XmlElement } from '../ooxml/xml';
import { readZip, ZipReadError } from '../ooxml/zip';

export class DocxReadError extends Error {}

interface Style {
  readonly name: string | null;
  readonly basedOn: string | undefined;
  readonly outline: number | undefined;
  readonly numId: string | undefined;
  readonly ilvl: number | undefined;
}

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  readonly legal: boolean;
}

function readStyles(root: XmlElement | null): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!root) return styles;
  for (const style of childElements(root, 'w:style')) {
    const id = style.attrs['w:styleId'];
    if (!id) continue;
    const pPr = child(style, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const outline = val(pPr, 'w:outlineLvl');
    const ilvl = val(numPr, 'w:ilvl');
    styles.set(id, {
      name: val(style, 'w:name') ?? null,
      basedOn: val(style, 'w:basedOn'),
      outline: outline === undefined ? undefined : Number(outline),
      numId: val(numPr, 'w:numId'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
    });
  }
  return styles;
}

/** A style property, looked up along `basedOn` (at most 10 steps: a cycle ends the search). */
function inherited<T>(styles: Map<string, Style>, id: string | undefined, get: (s: Style) => T | undefined) {
  for (let i = 0, s = id && styles.get(id); s && i < 10; i++, s = s.basedOn ? styles.get(s.basedOn) : undefined) {
    const value = get(s);
    if (value !== undefined) return value;
  }
  return undefined;
}

function headingLevelOf(
  styles: Map<string, Style>,
  id: string | undefined,
  outline: string | undefined,
): number | null {
  const name = (id && styles.get(id)?.name) ?? id ?? '';
  if (/^(title|表題)$/i.test(name)) return 0;
  const heading = /^(?:heading|見出し)\s*([1-9])$/i.exec(name);
  if (heading) return Number(heading[1]);
  const level = outline !== undefined ? Number(outline) : inherited(styles, id, (s) => s.outline);
  return level !== undefined && level >= 0 && level < 9 ? level + 1 : null;
}

class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlElement | null) {
    if (!root) return;
    for (const abstract of childElements(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of childElements(abstract, 'w:lvl')) {
        levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), {
          start: Number(val(lvl, 'w:start') ?? 1),
          format: val(lvl, 'w:numFmt') ?? 'decimal',
          text: val(lvl, 'w:lvlText') ?? '',
          legal: child(lvl, 'w:isLgl') !== undefined,
        });
      }
      this.abstracts.set(abstract.attrs['w:abstractNumId'] ?? '', levels);
    }
    for (const num of childElements(root, 'w:num')) {
      const starts = new Map<number, number>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const start = val(override, 'w:startOverride');
        if (start !== undefined) starts.set(Number(override.attrs['w:ilvl'] ?? 0), Number(start));
      }
      this.nums.set(num.attrs['w:numId'] ?? '', { abstract: val(num, 'w:abstractNumId') ?? '', starts });
    }
  }

  /** The label of the next paragraph in list `numId` at level `ilvl`, and whether it is a bullet. */
  next(numId: string, ilvl: number): { label: string; bullet: boolean } | null {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return null;
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    for (let l = 0; l < ilvl; l++) if (counters[l] === undefined) counters[l] = startOf(l);
    this.counters.set(numId, counters);
    if (level.format === 'bullet') return { label: level.text, bullet: true };
    const formats = Array.from({ length: 9 }, (_, l) => levels.get(l)?.format ?? 'decimal');
    return { label: formatListLabel(level.text, counters, formats, level.legal), bullet: false };
  }
}

const OBJECTS: Record<string, string> = {
  'w:drawing': 'picture',
  'w:pict': 'picture',
  'w:object': 'object',
  'mc:AlternateContent': 'picture',
  'm:oMath': 'equation',
  'm:oMathPara': 'equation',
};

interface Runs {
  text: string;
  boldRuns: number;
  textRuns: number;
  objects: { what: string; text: string }[];
}

function isBold(rPr: XmlElement | undefined): boolean {
  const b = child(rPr, 'w:b');
  return b !== undefined && !/^(0|false|off)$/.test(b.attrs['w:val'] ?? '');
}

/** Text boxes' own paragraphs, for the report (Choice only: the Fallback repeats it). */
function boxText(element: XmlElement): string {
  const out: string[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === 'mc:Fallback') return;
    if (e.name === 'w:p') {
      const runs: Runs = { text: '', boldRuns: 0, textRuns: 0, objects: [] };
      collect(e, runs);
      if (runs.text.trim()) out.push(runs.text.trim());
      return;
    }
    for (const c of childElements(e)) walk(c);
  };
  walk(element);
  return out.join('\n');
}

function collect(element: XmlElement, runs: Runs): void {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    const object = OBJECTS[node.name];
    if (object) {
      const text = boxText(node);
      runs.objects.push({ what: text ? 'text box' : object, text });
      continue;
    }
    switch (node.name) {
      case 'w:pPr':
      case 'w:rPr':
      case 'w:delText':
      case 'w:del':
      case 'w:instrText':
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        break;
      case 'w:r': {
        const before = runs.text.length;
        collect(node, runs);
        if (runs.text.length > before) {
          runs.textRuns++;
          if (isBold(child(node, 'w:rPr'))) runs.boldRuns++;
        }
        break;
      }
      case 'w:t':
        runs.text += node.children.filter((c): c is string => typeof c === 'string').join('');
        break;
      case 'w:tab':
      case 'w:ptab':
        runs.text += '\t';
        break;
      case 'w:br':
        if (node.attrs['w:type'] !== 'page' && node.attrs['w:type'] !== 'column') runs.text += '\n';
        break;
      case 'w:cr':
        runs.text += '\n';
        break;
      case 'w:noBreakHyphen':
        runs.text += '-';
        break;
      default:
        collect(node, runs);
    }
  }
}

function readParagraph(
  p: XmlElement,
  styles: Map<string, Style>,
  numbering: Numbering,
  out: DocxElement[],
): DocxParagraph | null {
  const pPr = child(p, 'w:pPr');
  const styleId = val(pPr, 'w:pStyle');
  const runs: Runs = { text: '', boldRuns: 0, textRuns: 0, objects: [] };
  collect(p, runs);
  for (const object of runs.objects) out.push({ kind: 'skipped', what: object.what, text: object.text });
  const numPr = child(pPr, 'w:numPr');
  const numId = val(numPr, 'w:numId') ?? inherited(styles, styleId, (s) => s.numId);
  const ilvl = Number(val(numPr, 'w:ilvl') ?? inherited(styles, styleId, (s) => s.ilvl) ?? 0);
  const hasText = runs.text.trim() !== '';
  const number = numId && numId !== '0' && hasText ? numbering.next(numId, ilvl) : null;
  if (!hasText) return null;
  return {
    kind: 'paragraph',
    headingLevel: headingLevelOf(styles, styleId, val(pPr, 'w:outlineLvl')),
    styleName: (styleId && styles.get(styleId)?.name) ?? styleId ?? null,
    numberText: number?.label || null,
    bullet: number?.bullet ?? false,
    text: runs.text,
    bold: runs.textRuns > 0 && runs.boldRuns === runs.textRuns,
  };
}

function readTable(tbl: XmlElement, styles: Map<string, Style>, numbering: Numbering): DocxTable {
  let nested = false;
  const rows: string[][] = [];
  for (const tr of childElements(tbl, 'w:tr')) {
    const row: string[] = [];
    for (const tc of childElements(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const lines: string[] = [];
      const sink: DocxElement[] = [];
      const continued = child(tcPr, 'w:vMerge') !== undefined && child(tcPr, 'w:vMerge')!.attrs['w:val'] !== 'restart';
      for (const c of childElements(tc)) {
        if (c.name === 'w:p') {
          const p = readParagraph(c, styles, numbering, sink);
          if (p) lines.push(p.numberText ? `${p.numberText} ${p.text}` : p.text);
        } else if (c.name === 'w:tbl') {
          nested = true;
          for (const r of readTable(c, styles, numbering).rows) lines.push(r.filter((t) => t).join(' '));
        }
      }
      row.push(continued ? '' : lines.join('\n').replace(/\t/g, ' ').trim());
      const span = Number(val(tcPr, 'w:gridSpan') ?? 1);
      for (let i = 1; i < span; i++) row.push('');
    }
    rows.push(row);
  }
  return { kind: 'table', rows, nested };
}

function readBody(container: XmlElement, styles: Map<string, Style>, numbering: Numbering, out: DocxElement[]): void {
  for (const element of childElements(container)) {
    if (element.name === 'w:p') {
      const p = readParagraph(element, styles, numbering, out);
      if (p) out.push(p);
    } else if (element.name === 'w:tbl') out.push(readTable(element, styles, numbering));
    else if (element.name === 'w:sdt') {
      const content = child(element, 'w:sdtContent');
      if (content) readBody(content, styles, numbering, out);
    } else if (element.name === 'w:customXml' || element.name === 'w:ins') readBody(element, styles, numbering, out);
  }
}

export async function readDocx(bytes: Uint8Array): Promise<DocxDocument> {
  let zip: Map<string, () => Buffer>;
  try {
    zip = readZip(bytes);
  } catch (error) {
    throw new DocxReadError(`not a Word (.docx) file: ${(error as Error).message}`);
  }
  const part = async (name: string): Promise<XmlElement | null> => {
    const entry = zip.get(name);
    if (!entry) return null;
    try {
      return parseXml(entry().toString('utf8'));
    } catch (error) {
      throw new DocxReadError(
        `${name}: ${error instanceof XmlError || error instanceof ZipReadError ? error.message : String(error)}`,
      );
    }
  };
  const document = await part('word/document.xml');
  if (!document) throw new DocxReadError('not a Word (.docx) file: word/document.xml is missing');
  const styles = readStyles(await part('word/styles.xml'));
  const numbering = new Numbering(await part('word/numbering.xml'));
  const body = child(document, 'w:body');
  const out: DocxElement[] = [];
  if (body) readBody(body, styles, numbering, out);
  return { body: out };
}
