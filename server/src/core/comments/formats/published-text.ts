/**
 * The published result 「…に対する意見及びそれに対する考え方」 as text extracted from its PDF (the seed:
 * 総務省's 2015 result, pubcomment-2015-lg-security-guideline.txt). The table has no cell borders left, so records are found by shape:
 *
 *   N <該当箇所>            or   N <提出者>   (no location)
 *   （107ページ）               (location continuation, optional)
 *   <提出者>                    (個人, 法人 …; may be split over lines: 地方公共 / 団体)
 *   <opinion paragraphs>
 *   <response>                  (the last blank-line separated block)
 *
 * The header row `番号 該当箇所 提出者 提出された意見 意見に対する考え方` is repeated at page breaks,
 * alone or glued to a line; it is removed wherever it stands and is transparent to paragraphs.
 * A line `N …` starts a record only when N is the next number expected, or when the lines after it
 * have a record's shape (location, submitter) after a paragraph break; anything else that merely
 * starts with a number (quoted clauses `3.6.3. …`, `12 3.8.1 …` inside an opinion) stays text.
 */
import { normalizeNumber } from '../../text/width';
import { LineIndex, type Range } from '../../text/position';
import { classifyResponse } from '../disposition';
import { findPeriod, findResultDate, normalizeTitle } from '../grid/preamble';
import { isLocationContinuation, parseLocation } from '../location';
import { makeProblem, type CommentProblem, type CommentRecord, type CommentRound } from '../model';
import { numberingProblems } from '../numbering';
import { estimateColumnWidth, unwrapLines } from '../unwrap';

const HEADER_ROW =
  /番号[ \t\u3000]*該当箇所[ \t\u3000]*提出者[ \t\u3000]*(?:提出された)?(?:御|ご)?意見(?:の概要)?[ \t\u3000]*(?:(?:御|ご)?意見に対する)?考え方/g;
const PAGE_FOOTER =
  /^[ \t\u3000]*(?:[-－–—][ \t\u3000]*\d+[ \t\u3000]*[-－–—]|\d+[ \t\u3000]*\/[ \t\u3000]*\d+)[ \t\u3000]*$/;
const RECORD_START = /^[ \t\u3000]*([0-9０-９]{1,4})[ \t\u3000]+(\S(?:.*\S)?)[ \t\u3000]*$/;
const LOCATION_START =
  /^(?:[0-9０-９]+(?:[.．][0-9０-９]+)*[.．]?(?=[\s\u3000（(【]|$)|[（(【〔][ \t]*(?:趣旨|例文|解説)|図表|全般|全体|総論|総則|その他|共通|はじめに)/;

/** Submitter categories of the 提出者 column, compared without spaces after NFKC. */
const SUBMITTER_CATEGORIES = new Set([
  '個人',
  '法人',
  '団体',
  '法人・団体',
  '法人等',
  '団体等',
  '地方公共団体',
  '地方自治体',
  '自治体',
  '不明',
  '匿名',
  '企業',
  '事業者',
  '個人事業主',
  '任意団体',
  '独立行政法人',
  '国の機関',
  '行政機関',
  '大学',
  '研究機関',
  '業界団体',
  '事業者団体',
  '公益法人',
  'その他',
]);
const ORGANISATION =
  /^(?:(?:株式会社|有限会社|合同会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|特定非営利活動法人|NPO法人)\S{1,30}|\S{1,30}(?:株式会社|有限会社|協会|協議会|連合会|工業会|組合|機構|研究所|センター|役所|役場))$/;

interface Line {
  /** Content with trailing whitespace removed (leading kept: an ideographic indent means something). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly blank: boolean;
  /** A header row or page footer was removed just before this line (a page break). */
  readonly afterPageBreak: boolean;
}

interface RecordStart {
  readonly index: number;
  readonly number: number;
  readonly rest: string;
  readonly restStart: number;
  readonly numberStart: number;
  readonly kind: 'location' | 'submitter';
}

const MESSAGES = {
  noRecords: {
    ja: '意見の記録が見つかりません（「番号 該当箇所 …」の後に「1 3.8.1 …」の形の行が必要です）。',
    en: 'No comment records found (expected lines such as "1 3.8.1 …" after the header row).',
  },
  missingSubmitter: {
    ja: '意見 {number} の提出者（個人、法人など）が見つかりません。',
    en: 'Comment {number} has no submitter line (個人, 法人 …).',
  },
  missingOpinion: { ja: '意見 {number} の本文がありません。', en: 'Comment {number} has no opinion text.' },
  missingResponse: {
    ja: '意見 {number} に対する考え方が見つかりません（本文の後に空行で区切った回答が必要です）。',
    en: 'Comment {number} has no response (expected a block after a blank line following the opinion).',
  },
};

/** Content lines with header rows and page footers removed; positions stay those of the file. */
function logicalLines(index: LineIndex): Line[] {
  const lines: Line[] = [];
  let pageBreak = false;
  const push = (segment: string, start: number) => {
    const trimmed = segment.trimEnd();
    lines.push({
      text: trimmed,
      start,
      end: start + trimmed.length,
      blank: trimmed.trim() === '',
      afterPageBreak: pageBreak,
    });
    pageBreak = false;
  };
  for (let i = 0; i < index.lineCount; i++) {
    const lineStart = index.lineStarts[i];
    const content = index.lineText(i);
    if (PAGE_FOOTER.test(content)) {
      pageBreak = true;
      continue;
    }
    HEADER_ROW.lastIndex = 0;
    let from = 0;
    let found = false;
    for (let m = HEADER_ROW.exec(content); m; m = HEADER_ROW.exec(content)) {
      found = true;
      const before = content.slice(from, m.index);
      if (before.trim()) push(before, lineStart + from);
      pageBreak = true;
      from = m.index + m[0].length;
    }
    if (!found) push(content, lineStart);
    else if (content.slice(from).trim()) push(content.slice(from), lineStart + from);
  }
  return lines;
}

function submitterKey(text: string): string {
  return text.normalize('NFKC').replace(/\s/g, '');
}

function isSubmitterText(text: string): boolean {
  const key = submitterKey(text);
  return key.length > 0 && (SUBMITTER_CATEGORIES.has(key) || (ORGANISATION.test(key) && !/[、。「」]/.test(key)));
}

/** How many of the given texts (1–3, joined) form a submitter; 0 when they do not. */
function submitterSpan(texts: readonly string[]): number {
  for (let n = Math.min(3, texts.length); n >= 1; n--) {
    const part = texts.slice(0, n);
    if (part.some((t) => t.trim() === '')) continue;
    if (isSubmitterText(part.join(''))) return n;
  }
  return 0;
}

function nextContent(lines: readonly Line[], from: number): number {
  let j = from;
  while (j < lines.length && lines[j].blank) j++;
  return j;
}

function textsFrom(lines: readonly Line[], from: number, count: number): string[] {
  return lines.slice(from, from + count).map((l) => l.text);
}

/** Index of the first line after a location's continuation lines (page line etc.). */
function afterLocation(lines: readonly Line[], from: number): number {
  let j = from;
  while (
    j < lines.length &&
    !lines[j].blank &&
    isLocationContinuation(lines[j].text) &&
    !isSubmitterText(lines[j].text)
  )
    j++;
  return j;
}

function recordStartAt(
  lines: readonly Line[],
  i: number,
  expected: number,
  seen: ReadonlySet<number>,
): RecordStart | null {
  const line = lines[i];
  if (line.blank) return null;
  const m = RECORD_START.exec(line.text);
  if (!m) return null;
  const number = Number(normalizeNumber(m[1]));
  const rest = m[2];
  const leading = line.text.length - line.text.trimStart().length;
  const numberStart = line.start + leading;
  const restStart = line.start + line.text.indexOf(rest, leading + m[1].length);
  const precededByBreak = i === 0 || lines[i - 1].blank || line.afterPageBreak;

  // `N 個人` (no location) unless a submitter line follows, in which case the rest is a location
  // such as 「その他」 that happens to read like a category.
  const restSpan = submitterSpan([rest, ...textsFrom(lines, i + 1, 2)]);
  if (restSpan > 0) {
    const after = nextContent(lines, i + restSpan);
    const followedBySubmitter = after < lines.length && submitterSpan(textsFrom(lines, after, 3)) > 0;
    if (!followedBySubmitter || !LOCATION_START.test(rest)) {
      const blankAfter = i + restSpan >= lines.length || lines[i + restSpan].blank;
      if (number === expected || ((precededByBreak || !seen.has(number)) && blankAfter)) {
        return { index: i, number, rest, restStart, numberStart, kind: 'submitter' };
      }
      return null;
    }
  }
  if (!LOCATION_START.test(rest)) return null;
  const afterLoc = nextContent(lines, afterLocation(lines, i + 1));
  const shaped = afterLoc < lines.length && submitterSpan(textsFrom(lines, afterLoc, 3)) > 0;
  const accepted =
    // A record out of order or repeating the number before it follows the previous record without
    // a blank line: its shape is enough (test/unit/reliability/comments.property.test.ts).
    (shaped && (number === expected || precededByBreak || !seen.has(number) || number === expected - 1)) ||
    (number === expected && precededByBreak && parseLocation(rest)?.section != null);
  return accepted ? { index: i, number, rest, restStart, numberStart, kind: 'location' } : null;
}

interface Segment {
  readonly start: RecordStart;
  readonly lines: readonly Line[];
}

function segmentRecords(lines: readonly Line[]): { preamble: Line[]; segments: Segment[] } {
  const starts: RecordStart[] = [];
  let max = 0;
  const seen = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const start = recordStartAt(lines, i, max + 1, seen);
    if (start) {
      starts.push(start);
      seen.add(start.number);
      max = Math.max(max, start.number);
    }
  }
  const preamble = lines.slice(0, starts.length > 0 ? starts[0].index : lines.length);
  const segments = starts.map((start, k) => ({
    start,
    lines: lines.slice(start.index, k + 1 < starts.length ? starts[k + 1].index : lines.length),
  }));
  return { preamble, segments };
}

interface Draft {
  readonly number: number;
  readonly record: Omit<CommentRecord, 'opinion' | 'response' | 'disposition'>;
  readonly opinionLines: readonly Line[];
  readonly responseLines: readonly Line[];
}

function trimBlankLines(lines: readonly Line[]): Line[] {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from].blank) from++;
  while (to > from && lines[to - 1].blank) to--;
  return lines.slice(from, to);
}

function spanRange(index: LineIndex, lines: readonly Line[]): Range | undefined {
  const content = lines.filter((l) => !l.blank);
  if (content.length === 0) return undefined;
  const first = content[0];
  const firstStart = first.start + (first.text.length - first.text.trimStart().length);
  return index.rangeOf(firstStart, content[content.length - 1].end);
}

function draftRecord(segment: Segment, index: LineIndex, problems: CommentProblem[]): Draft {
  const { start, lines } = segment;
  let i: number;
  let submitter: string | null = null;
  let location: CommentRecord['location'] = null;
  let locationRange: Range | undefined;
  if (start.kind === 'submitter') {
    const span = submitterSpan([start.rest, ...textsFrom(lines, 1, 2)]);
    submitter = submitterKey([start.rest, ...textsFrom(lines, 1, span - 1)].join(''));
    i = span;
  } else {
    const end = afterLocation(lines, 1);
    const continuation = lines.slice(1, end);
    location = parseLocation([start.rest, ...continuation.map((l) => l.text)].join(' '));
    const last =
      continuation.length > 0 ? continuation[continuation.length - 1].end : start.restStart + start.rest.length;
    locationRange = index.rangeOf(start.restStart, last);
    i = nextContent(lines, end);
    const span = submitterSpan(textsFrom(lines, i, 3));
    if (span > 0) {
      submitter = submitterKey(textsFrom(lines, i, span).join(''));
      i += span;
    }
  }
  const body = trimBlankLines(lines.slice(i));
  const whole = trimBlankLines(lines);
  const recordRange = index.rangeOf(start.numberStart, whole[whole.length - 1].end);
  const lineRange = index.rangeOf(start.numberStart, lines[0].end);
  if (submitter === null) {
    problems.push(
      makeProblem(
        'comment-missing-submitter',
        lineRange,
        MESSAGES.missingSubmitter,
        { number: start.number },
        'warning',
      ),
    );
  }

  // Blocks are separated by blank lines; the response is the last one.
  let lastBlockStart = body.length;
  while (lastBlockStart > 0 && !body[lastBlockStart - 1].blank) lastBlockStart--;
  let opinionLines = trimBlankLines(body.slice(0, lastBlockStart));
  let responseLines = body.slice(lastBlockStart);
  if (opinionLines.length === 0) {
    opinionLines = responseLines;
    responseLines = [];
  }
  if (opinionLines.length === 0) {
    problems.push(
      makeProblem('comment-missing-opinion', lineRange, MESSAGES.missingOpinion, { number: start.number }, 'warning'),
    );
  }
  if (responseLines.length === 0) {
    problems.push(
      makeProblem(
        'comment-missing-response',
        recordRange,
        MESSAGES.missingResponse,
        { number: start.number },
        'warning',
      ),
    );
  }
  const fields: CommentRecord['fields'] = {};
  if (locationRange) fields.location = locationRange;
  const opinionRange = spanRange(index, opinionLines);
  if (opinionRange) fields.opinion = opinionRange;
  const responseRange = spanRange(index, responseLines);
  if (responseRange) fields.response = responseRange;
  return {
    number: start.number,
    record: { number: start.number, location, submitter, range: recordRange, fields },
    opinionLines,
    responseLines,
  };
}

export function parsePublishedText(text: string, uri: string): CommentRound {
  const index = new LineIndex(text);
  const lines = logicalLines(index);
  const { preamble, segments } = segmentRecords(lines);
  const problems: CommentProblem[] = [];
  const drafts = segments.map((s) => draftRecord(s, index, problems));

  // One column width per column of the table, measured over the whole document.
  const opinionColumn = estimateColumnWidth(drafts.flatMap((d) => d.opinionLines.map((l) => l.text)));
  const responseColumn = estimateColumnWidth(drafts.flatMap((d) => d.responseLines.map((l) => l.text)));
  const comments: CommentRecord[] = drafts.map((d) => {
    const rawOpinion = d.opinionLines.map((l) => l.text).join('\n');
    const rawResponse = d.responseLines.map((l) => l.text).join('\n');
    const response = unwrapLines(
      d.responseLines.map((l) => l.text),
      responseColumn,
    );
    return {
      ...d.record,
      opinion: unwrapLines(
        d.opinionLines.map((l) => l.text),
        opinionColumn,
      ),
      response,
      disposition: classifyResponse(response),
      raw: { opinion: rawOpinion, response: rawResponse },
    };
  });
  if (comments.length === 0) {
    problems.push(makeProblem('comment-parse', index.rangeOf(0, index.lineEnd(0)), MESSAGES.noRecords));
  }
  problems.push(...numberingProblems(comments));
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  const titleLine = preamble.find((l) => !l.blank);
  const texts = preamble.map((l) => l.text);
  // The comment period (意見募集期間) is the round's period, never its date.
  const date = findResultDate(texts);
  const period = findPeriod(texts);
  return {
    uri,
    title: titleLine ? normalizeTitle(titleLine.text) : null,
    date,
    period,
    format: 'text',
    comments,
    problems,
  };
}

/** Content-based discovery: the header row of the published table, or the title with a first record. */
export function looksLikePublishedText(text: string): boolean {
  HEADER_ROW.lastIndex = 0;
  if (HEADER_ROW.test(text)) return true;
  const head = text.slice(0, 2000);
  return (
    /意見(?:及び|および|とそれ)?.{0,6}に対する(?:考え方|回答)/.test(head) && /^[ \t\u3000]*1[ \t\u3000]+\S/m.test(head)
  );
}
