/**
 * Cross references in running text: 「3.5.1 職員等の遵守事項」, 「3.6.2 アクセス制御」（解説）（1）②,
 * ranges 3.6.1－3.6.3, and 3.8.1 参照 (also 3.8.1（インシデントの報告）を参照). A bare dotted number
 * elsewhere is not a reference: versions, dates and quantities look the same.
 * In a document whose sections are numbered with dashes (「2-5 個人情報取扱事業者」), 「2-5」 and
 * 「3-3-1を参照」 are references too; elsewhere a dashed number is a figure or table number (別表1-2).
 */
import { dashedToDotted, normalizeNumber, SECTION_DASH } from '../text/width';
import { execAll } from '../text/regex';
import type { GuidelineDocument } from './document';
import type { ParsedChunk } from './parse';
import { normalizeItemKey, type PartName } from './markers';
import type { NodePath } from './locate';

export interface SectionReference {
  readonly form: 'quoted' | 'range' | 'see';
  /** Offsets of the whole reference, including quotes and suffix. */
  readonly start: number;
  readonly end: number;
  readonly numberStart: number;
  readonly numberEnd: number;
  /** The cited title, when quoted with one. */
  readonly title: string | null;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly path: NodePath;
  /** Written with dashes: a reference only in a document whose sections are. */
  readonly dashed: boolean;
}

const NUM = '[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})+';
const SUFFIX =
  '((?:[（(【](?:趣旨|例文|解説)[）)】]|[（(](?:注[ 　]?)?[0-9０-９]{1,3}[）)]|[\\u2460-\\u2473\\u3251-\\u325f\\u32b1-\\u32bf]|図表[0-9０-９]{1,3})*)';
const DASHED_NUM = `[0-9０-９]{1,3}(?:${SECTION_DASH}[0-9０-９]{1,3})+`;
/** A gloss of the cited section's title, 3.8.1（インシデントの報告）を参照: not compared with the title. */
const GLOSS = '(?:[（(](?!趣旨|例文|解説|注)[^（）()\\n]{1,40}[）)])?';
const quoted = (num: string) => new RegExp(`「[ 　]*(${num})[.．]?[ 　]*([^」\\n]{0,80}?)[ 　]*」${SUFFIX}`, 'g');
const see = (num: string) =>
  new RegExp(`(?<![0-9０-９.．「\\-－―‐])(${num})[ 　]*${SUFFIX}${GLOSS}[ 　]*(?:を|の)?[ 　]*参照`, 'g');
const QUOTED = quoted(NUM);
const QUOTED_DASHED = quoted(DASHED_NUM);
const RANGE = new RegExp(`(?<![0-9０-９.．])(${NUM})[ 　]*[－\\-―‐~～〜][ 　]*(${NUM})(?![0-9０-９.．])`, 'g');
const SEE = see(NUM);
const SEE_DASHED = see(DASHED_NUM);
/** What every form contains: most paragraphs have no numbered reference, and this test is cheap. */
const NUMBER_INSIDE = new RegExp(`[0-9０-９](?:[.．]|${SECTION_DASH})[0-9０-９]`);
const SUFFIX_TOKEN =
  /[（(【](趣旨|例文|解説)[）)】]|[（(](?:注[ 　]?)?[0-9０-９]{1,3}[）)]|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|図表[0-9０-９]{1,3}/g;

function pathOf(number: string, suffix: string, dashed = false): NodePath {
  let part: PartName | null = null;
  const items: string[] = [];
  if (suffix !== '') {
    for (const token of suffix.match(SUFFIX_TOKEN) ?? []) {
      const partMatch = /^[（(【](趣旨|例文|解説)[）)】]$/.exec(token);
      if (partMatch && !part && items.length === 0) part = partMatch[1] as PartName;
      else items.push(normalizeItemKey(token));
    }
  }
  return { section: dashed ? dashedToDotted(number) : normalizeNumber(number), part, items };
}

/** References in one chunk, offsets relative to the chunk. Cached per parsed chunk. */
const cache = new WeakMap<ParsedChunk, readonly SectionReference[]>();

/** Whether [start, end) overlaps a span already taken; `taken` holds start, end pairs. */
function overlaps(taken: readonly number[], start: number, end: number): boolean {
  for (let i = 0; i < taken.length; i += 2) if (start < taken[i + 1] && taken[i] < end) return true;
  return false;
}

function rangeEnd(found: SectionReference[], blockStart: number, m: RegExpExecArray, number: string, at: number): void {
  found.push({
    form: 'range',
    start: blockStart + m.index,
    end: blockStart + m.index + m[0].length,
    numberStart: blockStart + at,
    numberEnd: blockStart + at + number.length,
    title: null,
    titleStart: blockStart + at + number.length,
    titleEnd: blockStart + at + number.length,
    path: pathOf(number, ''),
    dashed: false,
  });
}

/**
 * The matches of `pattern` in a block's prose that no earlier form took, as references (`read` gives
 * one from a match); each taken range is recorded so that a later form skips it.
 */
function addReferences(
  found: SectionReference[],
  taken: number[],
  prose: string,
  pattern: RegExp,
  read: (m: RegExpExecArray) => SectionReference,
): void {
  for (const m of execAll(pattern, prose)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    found.push(read(m));
    taken.push(m.index, m.index + m[0].length);
  }
}

function quotedReferences(
  found: SectionReference[],
  taken: number[],
  prose: string,
  blockStart: number,
  pattern: RegExp,
  dashed: boolean,
): void {
  addReferences(found, taken, prose, pattern, (m) => {
    const numberStart = m.index + m[0].indexOf(m[1]);
    const titleStart = m[2]
      ? m.index + m[0].indexOf(m[2], numberStart - m.index + m[1].length)
      : numberStart + m[1].length;
    return {
      form: 'quoted',
      start: blockStart + m.index,
      end: blockStart + m.index + m[0].length,
      numberStart: blockStart + numberStart,
      numberEnd: blockStart + numberStart + m[1].length,
      title: m[2] ? m[2] : null,
      titleStart: blockStart + titleStart,
      titleEnd: blockStart + titleStart + m[2].length,
      path: pathOf(m[1], m[3] ?? '', dashed),
      dashed,
    };
  });
}

function seeReferences(
  found: SectionReference[],
  taken: number[],
  prose: string,
  blockStart: number,
  pattern: RegExp,
  dashed: boolean,
): void {
  addReferences(found, taken, prose, pattern, (m) => ({
    form: 'see',
    start: blockStart + m.index,
    end: blockStart + m.index + m[0].length,
    numberStart: blockStart + m.index,
    numberEnd: blockStart + m.index + m[1].length,
    title: null,
    titleStart: blockStart + m.index + m[1].length,
    titleEnd: blockStart + m.index + m[1].length,
    path: pathOf(m[1], m[2] ?? '', dashed),
    dashed,
  }));
}

function chunkReferences(parsed: ParsedChunk): readonly SectionReference[] {
  const hit = cache.get(parsed);
  if (hit) return hit;
  const found: SectionReference[] = [];
  const blocks = parsed.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind !== 'paragraph' && block.kind !== 'table') continue;
    const prose = block.prose;
    if (!NUMBER_INSIDE.test(prose)) continue;
    const taken: number[] = [];
    // Ranges first: 「3.6.1－3.6.3」 is a range in quotes, not section 3.6.1 titled 「－3.6.3」.
    RANGE.lastIndex = 0;
    for (let m = RANGE.exec(prose); m !== null; m = RANGE.exec(prose)) {
      rangeEnd(found, block.start, m, m[1], m.index);
      rangeEnd(found, block.start, m, m[2], m.index + m[0].lastIndexOf(m[2]));
      taken.push(m.index, m.index + m[0].length);
    }
    quotedReferences(found, taken, prose, block.start, QUOTED, false);
    quotedReferences(found, taken, prose, block.start, QUOTED_DASHED, true);
    seeReferences(found, taken, prose, block.start, SEE, false);
    seeReferences(found, taken, prose, block.start, SEE_DASHED, true);
  }
  found.sort((a, b) => a.numberStart - b.numberStart);
  cache.set(parsed, found);
  return found;
}

/** All references of a document with absolute offsets. */
export function documentReferences(document: GuidelineDocument): SectionReference[] {
  const out: SectionReference[] = [];
  let dashedSections: boolean | undefined;
  const chunks = document.chunks;
  for (let c = 0; c < chunks.length; c++) {
    const at = chunks[c].start;
    const refs = chunkReferences(chunks[c].parsed);
    for (let r = 0; r < refs.length; r++) {
      const ref = refs[r];
      if (ref.dashed && !(dashedSections ??= numbersSectionsWithDashes(document))) continue;
      // Field by field (the order of a spread copy): a literal of one shape is cheaper than a spread.
      out.push({
        form: ref.form,
        start: ref.start + at,
        end: ref.end + at,
        numberStart: ref.numberStart + at,
        numberEnd: ref.numberEnd + at,
        title: ref.title,
        titleStart: ref.titleStart + at,
        titleEnd: ref.titleEnd + at,
        path: ref.path,
        dashed: ref.dashed,
      });
    }
  }
  return out;
}

const DASHED_LABEL = new RegExp(`^[0-9０-９]{1,3}${SECTION_DASH}[0-9０-９]`);

/** True when the document's own sections are numbered with dashes (「1-1 目的」). */
function numbersSectionsWithDashes(document: GuidelineDocument): boolean {
  for (const hits of document.sectionsByNumber.values())
    for (const hit of hits)
      if (hit.kind === 'section' && DASHED_LABEL.test(document.text.slice(hit.selectionStart, hit.selectionEnd)))
        return true;
  return false;
}
