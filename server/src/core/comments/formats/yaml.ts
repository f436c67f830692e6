/**
 * The canonical hand-editable store: one YAML file per comment round.
 *
 *   title: …
 *   date: 2015-03-31          # optional
 *   comments:
 *     - number: 1
 *       location: "3.8.1 （解説）（2）⑬（注7）（107ページ）"   # parsed with parseLocation
 *       submitter: 個人
 *       opinion: |
 *         …
 *       response: |
 *         …
 *       disposition: accepted   # optional override of the classifier
 *       status: 未着手          # optional: a promised change is 未着手 / 対応済み / 確認済み
 *       assignee: 情報政策課     # optional: who makes the change
 *       notes: …                # optional
 *
 * A missing response is not a problem here: the store is also where responses are drafted.
 */
import { Document, parse, parseDocument, Scalar, visit } from 'yaml';
import type { CommentRecord, CommentRound } from '../model';
import { readCommentNodes } from './node-records';
import { PROMISE_LABELS } from '../promise';

export function parseYamlComments(text: string, uri: string): CommentRound {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const { title, date, comments, problems } = readCommentNodes(doc, text, 'yaml', 'YAML');
  return { uri, title, date, format: 'yaml', comments, problems };
}

function recordToYaml(record: CommentRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { number: record.number };
  if (record.location) out.location = record.location.raw;
  if (record.submitter !== null) out.submitter = record.submitter;
  out.opinion = record.opinion;
  out.response = record.response;
  if (record.dispositionOverride) out.disposition = record.dispositionOverride;
  if (record.status) out.status = PROMISE_LABELS[record.status].ja;
  if (record.assignee !== undefined) out.assignee = record.assignee;
  if (record.notes !== undefined) out.notes = record.notes;
  return out;
}

function readsBackAs(printed: string, value: unknown): boolean {
  try {
    return JSON.stringify(parse(printed)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** A block scalar cannot hold a line of only spaces (it reads as an empty line). */
const BLANK_WITH_SPACES = /(?:^|\n)[ \t]+(?:\n|$)/;

/**
 * Multi-line text is written as literal blocks (`|`), never folded, so it reads as typed. Text a
 * block cannot represent is double-quoted; the result is verified by reading it back.
 */
export interface PrintYamlOptions {
  /** A comment above the store (each line after `#`). */
  readonly comment?: string;
  /** An empty response as `response:` with nothing after it, where the editor types (new rounds). */
  readonly blankEmptyResponses?: boolean;
}

export function printYamlComments(
  round: Pick<CommentRound, 'title' | 'date' | 'comments'>,
  options: PrintYamlOptions = {},
): string {
  const top: Record<string, unknown> = {};
  if (round.title !== null) top.title = round.title;
  if (round.date !== null) top.date = round.date;
  top.comments = round.comments.map((record) => {
    const out = recordToYaml(record);
    if (options.blankEmptyResponses && record.response === '') out.response = null;
    return out;
  });
  const withComment = (doc: Document): Document => {
    if (options.comment) doc.commentBefore = options.comment;
    return doc;
  };
  const doc = withComment(new Document(top));
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && BLANK_WITH_SPACES.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const printed = doc.toString({ blockQuote: 'literal', lineWidth: 0, minContentWidth: 0, nullStr: '' });
  if (readsBackAs(printed, top)) return printed;
  return withComment(new Document(top)).toString({ blockQuote: false, lineWidth: 0, minContentWidth: 0, nullStr: '' });
}
