/**
 * Reading comment records out of a parsed `yaml` Document. The YAML store and the JSON shape share
 * it (JSON is read through the YAML parser only for node positions; values are the same), so both
 * validate fields, report problems at the offending node and never drop a record.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { LineIndex, type Range } from '../../text/position';
import { classifyResponse, dispositionFromLabel } from '../disposition';
import { parseLocation } from '../location';
import {
  makeProblem,
  type CommentProblem,
  type CommentRecord,
  type Disposition,
  type LocationPath,
  type PartName,
} from '../model';
import { numberingProblems } from '../numbering';
import { parsePromiseStatus } from '../promise';

export type Dialect = 'yaml' | 'json';

const KNOWN_KEYS: Readonly<Record<Dialect, ReadonlySet<string>>> = {
  yaml: new Set([
    'number',
    'location',
    'submitter',
    'opinion',
    'response',
    'disposition',
    'status',
    'assignee',
    'notes',
  ]),
  json: new Set([
    'number',
    'location',
    'submitter',
    'opinion',
    'response',
    'disposition',
    'dispositionOverride',
    'status',
    'assignee',
    'notes',
    // What `guideline comments --json` adds for grouped tables; partial and sharedResponse are derived.
    'group',
    'id',
    'partial',
    'sharedResponse',
  ]),
};
const TOP_KEYS = new Set(['title', 'date', 'period', 'comments']);

const MESSAGES = {
  syntax: { ja: '{format} の構文エラー: {detail}', en: '{format} syntax error: {detail}' },
  topLevel: {
    ja: 'title、date、comments を持つマッピング（または意見の一覧）が必要です。',
    en: 'Expected a mapping with title, date and comments (or a list of comments).',
  },
  noComments: { ja: 'comments（意見の一覧）がありません。', en: 'No comments list found.' },
  notList: { ja: 'comments は一覧（- で始まる項目）である必要があります。', en: 'comments must be a list.' },
  notRecord: {
    ja: '意見は number、opinion などを持つマッピングである必要があります。',
    en: 'A comment must be a mapping with number, opinion and so on.',
  },
  unknownKey: {
    ja: '不明な項目「{key}」です（使える項目: {known}）。',
    en: 'Unknown field "{key}" (known fields: {known}).',
  },
  badNumber: {
    ja: '番号「{value}」は正の整数ではありません。{fallback} として扱います。',
    en: 'Number "{value}" is not a positive integer; treated as {fallback}.',
  },
  missingNumber: {
    ja: '番号（number）がありません。{fallback} として扱います。',
    en: 'No number; treated as {fallback}.',
  },
  notText: { ja: '「{key}」は文字列である必要があります。', en: '"{key}" must be a string.' },
  badDisposition: {
    ja: '対応区分「{value}」は不明です（accepted、as-drafted、already-covered、noted、other または 修正あり、原案どおり、記載済み、参考、その他）。',
    en: 'Unknown disposition "{value}" (accepted, as-drafted, already-covered, noted, other).',
  },
  badStatus: {
    ja: '対応状況「{value}」は不明です（未着手、対応済み、確認済み または open、done、verified）。',
    en: 'Unknown status "{value}" (open, done, verified or 未着手, 対応済み, 確認済み).',
  },
  badLocation: { ja: '該当箇所（location）の形式が正しくありません。', en: 'The location has an unexpected shape.' },
  missingOpinion: { ja: '意見 {number} の本文（opinion）がありません。', en: 'Comment {number} has no opinion.' },
};

export interface NodeReadResult {
  title: string | null;
  date: string | null;
  comments: CommentRecord[];
  problems: CommentProblem[];
}

class Reader {
  readonly problems: CommentProblem[] = [];
  constructor(
    readonly index: LineIndex,
    readonly dialect: Dialect,
  ) {}

  range(node: unknown, fallback?: Range): Range {
    const r = (node as Node | null)?.range;
    if (r) {
      // Block nodes end after their line break; a range should end at the last character.
      let end = r[1];
      while (end > r[0] && /\s/.test(this.index.text[end - 1])) end--;
      return this.index.rangeOf(r[0], end);
    }
    return fallback ?? this.index.rangeOf(0, 0);
  }

  report(
    code: CommentProblem['code'],
    node: unknown,
    message: { ja: string; en: string },
    args: Record<string, string | number> = {},
    severity: 'error' | 'warning' = 'error',
    fallback?: Range,
  ) {
    this.problems.push(makeProblem(code, this.range(node, fallback), message, args, severity));
  }

  /** A scalar's text; numbers and booleans are accepted as their text, collections are not. */
  text(pair: Pair | undefined, key: string, fallback: Range): string | null {
    if (!pair || pair.value === null || pair.value === undefined) return null;
    if (isScalar(pair.value)) {
      const v = pair.value.value;
      return v === null || v === undefined ? null : String(v);
    }
    this.report('comment-invalid-value', pair.value, MESSAGES.notText, { key }, 'error', fallback);
    return null;
  }
}

function pairsOf(node: unknown): Map<string, Pair> {
  const pairs = new Map<string, Pair>();
  if (!isMap(node)) return pairs;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    pairs.set(key, pair); // last wins, as in JSON.parse
  }
  return pairs;
}

function locationFromObject(reader: Reader, node: Node, fallback: Range): LocationPath | null {
  const fields = pairsOf(node);
  const raw = reader.text(fields.get('raw'), 'raw', fallback);
  if (raw === null) {
    reader.report('comment-invalid-value', node, MESSAGES.badLocation, {}, 'error', fallback);
    return null;
  }
  const parsed = parseLocation(raw) ?? { raw, section: null, part: null, items: [], page: null };
  const value = (key: string) => {
    const v = fields.get(key)?.value;
    return isScalar(v) ? v.value : isSeq(v) ? v.items.map((i) => (isScalar(i) ? i.value : undefined)) : undefined;
  };
  const section = value('section');
  if (section === null || typeof section === 'string') parsed.section = section;
  const part = value('part');
  if (part === null || part === '趣旨' || part === '例文' || part === '解説') parsed.part = part as PartName | null;
  const items = value('items');
  if (Array.isArray(items) && items.every((i) => typeof i === 'string')) parsed.items = items as string[];
  const page = value('page');
  if (page === null || (typeof page === 'number' && Number.isInteger(page))) parsed.page = page;
  return parsed;
}

function readRecord(reader: Reader, item: unknown, previous: number | null): CommentRecord {
  const recordRange = reader.range(item);
  const fallbackNumber = (previous ?? 0) + 1;
  if (!isMap(item)) {
    reader.report('comment-parse', item, MESSAGES.notRecord, {}, 'error', recordRange);
    return {
      number: fallbackNumber,
      location: null,
      submitter: null,
      opinion: '',
      response: '',
      disposition: 'other',
      range: recordRange,
    };
  }
  const pairs = pairsOf(item);
  const known = KNOWN_KEYS[reader.dialect];
  for (const [key, pair] of pairs) {
    if (!known.has(key)) {
      reader.report(
        'comment-unknown-field',
        pair.key,
        MESSAGES.unknownKey,
        { key, known: [...known].join(', ') },
        'warning',
        recordRange,
      );
    }
  }

  let number = fallbackNumber;
  const numberPair = pairs.get('number');
  const numberText = reader.text(numberPair, 'number', recordRange);
  if (numberText === null) {
    reader.report(
      'comment-invalid-value',
      numberPair?.key ?? item,
      MESSAGES.missingNumber,
      { fallback: fallbackNumber },
      'error',
      recordRange,
    );
  } else if (/^\s*[0-9]+\s*$/.test(numberText) && Number(numberText) > 0) {
    number = Number(numberText);
  } else {
    reader.report(
      'comment-invalid-value',
      numberPair!.value,
      MESSAGES.badNumber,
      { value: numberText, fallback: fallbackNumber },
      'error',
      recordRange,
    );
  }

  const fields: CommentRecord['fields'] = {};
  let location: LocationPath | null = null;
  const locationPair = pairs.get('location');
  if (locationPair?.value) {
    fields.location = reader.range(locationPair.value, recordRange);
    if (reader.dialect === 'json' && isMap(locationPair.value))
      location = locationFromObject(reader, locationPair.value, recordRange);
    else {
      const raw = reader.text(locationPair, 'location', recordRange);
      location = raw === null ? null : parseLocation(raw);
    }
  }
  const submitter = reader.text(pairs.get('submitter'), 'submitter', recordRange);
  const opinion = reader.text(pairs.get('opinion'), 'opinion', recordRange) ?? '';
  const response = reader.text(pairs.get('response'), 'response', recordRange) ?? '';
  for (const key of ['opinion', 'response'] as const) {
    const value = pairs.get(key)?.value;
    if (value) fields[key] = reader.range(value, recordRange);
  }
  if (!opinion.trim()) {
    reader.report('comment-missing-opinion', item, MESSAGES.missingOpinion, { number }, 'warning', recordRange);
  }

  const readDisposition = (key: string): Disposition | undefined => {
    const pair = pairs.get(key);
    const value = reader.text(pair, key, recordRange);
    if (value === null || value.trim() === '') return undefined;
    const disposition = dispositionFromLabel(value);
    if (!disposition)
      reader.report('comment-invalid-value', pair!.value, MESSAGES.badDisposition, { value }, 'error', recordRange);
    return disposition;
  };
  const classified = classifyResponse(response);
  let override: Disposition | undefined;
  if (reader.dialect === 'yaml') override = readDisposition('disposition');
  else {
    // JSON carries the effective disposition; it is an override only where it differs from the wording.
    override = readDisposition('dispositionOverride');
    const effective = readDisposition('disposition');
    if (override === undefined && effective !== undefined && effective !== classified) override = effective;
  }
  const notes = reader.text(pairs.get('notes'), 'notes', recordRange);
  const assignee = reader.text(pairs.get('assignee'), 'assignee', recordRange);
  const statusPair = pairs.get('status');
  const statusText = reader.text(statusPair, 'status', recordRange);
  const status = statusText === null || statusText.trim() === '' ? null : parsePromiseStatus(statusText);
  if (statusText !== null && statusText.trim() !== '' && !status)
    reader.report(
      'comment-invalid-value',
      statusPair!.value,
      MESSAGES.badStatus,
      { value: statusText },
      'error',
      recordRange,
    );

  const record: CommentRecord = {
    number,
    location,
    submitter,
    opinion,
    response,
    disposition: override ?? classified,
    range: recordRange,
    fields,
  };
  if (override !== undefined) record.dispositionOverride = override;
  if (notes !== null) record.notes = notes;
  if (reader.dialect === 'json') {
    const group = reader.text(pairs.get('group'), 'group', recordRange);
    const id = reader.text(pairs.get('id'), 'id', recordRange);
    if (group !== null) record.group = group;
    if (id !== null) record.id = id;
  }
  if (status) record.status = status;
  if (assignee !== null && assignee.trim() !== '') record.assignee = assignee;
  return record;
}

export function readCommentNodes(
  doc: Document.Parsed,
  text: string,
  dialect: Dialect,
  formatName: string,
): NodeReadResult {
  const index = new LineIndex(text);
  const reader = new Reader(index, dialect);
  for (const error of doc.errors) {
    reader.problems.push(
      makeProblem('comment-parse', index.rangeOf(error.pos[0], Math.max(error.pos[0], error.pos[1])), MESSAGES.syntax, {
        format: formatName,
        detail: error.message.split('\n')[0],
      }),
    );
  }
  let title: string | null = null;
  let date: string | null = null;
  let list: unknown = null;
  const contents = doc.contents;
  if (isSeq(contents)) list = contents;
  else if (isMap(contents)) {
    const pairs = pairsOf(contents);
    for (const [key, pair] of pairs) {
      if (!TOP_KEYS.has(key)) {
        reader.report(
          'comment-unknown-field',
          pair.key,
          MESSAGES.unknownKey,
          { key, known: [...TOP_KEYS].join(', ') },
          'warning',
        );
      }
    }
    title = reader.text(pairs.get('title'), 'title', index.rangeOf(0, 0));
    date = reader.text(pairs.get('date'), 'date', index.rangeOf(0, 0));
    const commentsPair = pairs.get('comments');
    list = commentsPair?.value ?? null;
    if (!commentsPair) reader.report('comment-parse', contents, MESSAGES.noComments);
    else if (list !== null && !isSeq(list)) reader.report('comment-parse', list, MESSAGES.notList);
  } else if (doc.errors.length === 0) {
    reader.report('comment-parse', contents, MESSAGES.topLevel);
  }

  const comments: CommentRecord[] = [];
  if (isSeq(list)) {
    for (const item of list.items) {
      comments.push(readRecord(reader, item, comments.length > 0 ? comments[comments.length - 1].number : null));
    }
  }
  const problems = [...reader.problems, ...numberingProblems(comments)];
  return { title, date, comments, problems };
}
