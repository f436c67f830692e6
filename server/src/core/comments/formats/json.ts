/**
 * The JSON shape the CLI prints (`guideline comments --json`) and reads back:
 * `{"title":…, "date":…, "comments":[{"number":1,"location":{"raw":…,"section":"3.8.1","part":"解説",
 * "items":["(2)","⑬","(注7)"],"page":107} | null,"submitter":"個人","opinion":…,"response":…,
 * "disposition":"noted"}]}`; `dispositionOverride` and `notes` appear only when set.
 */
import { parseDocument } from 'yaml';
import { LineIndex } from '../../text/position';
import { classifyDisposition } from '../disposition';
import { makeProblem, type CommentPeriod, type CommentRecord, type CommentRound } from '../model';
import { readCommentNodes } from './node-records';

/** A record as `--json` prints it: positions and extraction details left out, group/id/partial always present. */
type CommentJson = Omit<CommentRecord, 'range' | 'fields' | 'raw' | 'group' | 'id' | 'partial'> & {
  /** Group heading (「Ⅱ．原案のとおりとするもの」) or null. */
  group: string | null;
  /** Unique in the document: `Ⅱ-3` when numbering restarts per group, else the number. */
  id: string;
  partial: boolean;
};

export interface CommentsJson {
  title: string | null;
  date: string | null;
  period: CommentPeriod | null;
  comments: CommentJson[];
}

export function toCommentsJson(round: Pick<CommentRound, 'title' | 'date' | 'comments' | 'period'>): CommentsJson {
  return {
    title: round.title,
    date: round.date,
    period: round.period ?? null,
    comments: round.comments.map((r) => {
      const out: CommentJson = {
        number: r.number,
        location: r.location
          ? {
              raw: r.location.raw,
              section: r.location.section,
              part: r.location.part,
              items: [...r.location.items],
              page: r.location.page,
              ...(r.location.inferred ? { inferred: true } : {}),
            }
          : null,
        submitter: r.submitter,
        opinion: r.opinion,
        response: r.response,
        disposition: r.disposition,
        group: null,
        id: '',
        partial: false,
      };
      if (r.dispositionOverride) out.dispositionOverride = r.dispositionOverride;
      if (r.status) out.status = r.status;
      if (r.assignee !== undefined) out.assignee = r.assignee;
      if (r.notes !== undefined) out.notes = r.notes;
      out.group = r.group ?? null;
      out.id = r.id ?? String(r.number);
      out.partial = r.partial ?? (r.dispositionOverride ? false : classifyDisposition(r.response).partial);
      if (r.sharedResponse) out.sharedResponse = [...r.sharedResponse];
      return out;
    }),
  };
}

const SYNTAX = { ja: 'JSON の構文エラー: {detail}', en: 'JSON syntax error: {detail}' };

/** Offset named by V8's JSON.parse message ("… at position 12" or "(line 2 column 3)"). */
function errorOffset(message: string, index: LineIndex): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return index.offsetAt({ line: Number(lineColumn[1]) - 1, character: Number(lineColumn[2]) - 1 });
  return index.text.length;
}

export function parseJsonComments(text: string, uri: string): CommentRound {
  const body = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(body);
  } catch (error) {
    const index = new LineIndex(text);
    const detail = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(detail, index) + (text.length - body.length);
    return {
      uri,
      title: null,
      date: null,
      format: 'json',
      comments: [],
      problems: [
        makeProblem('comment-parse', index.rangeOf(offset, Math.min(text.length, offset + 1)), SYNTAX, { detail }),
      ],
    };
  }
  // Valid JSON is valid YAML 1.2 with the same values; the YAML parser supplies node positions.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const { title, date, comments, problems } = readCommentNodes(doc, text, 'json', 'JSON');
  return { uri, title, date, format: 'json', comments, problems };
}
