/**
 * 「新しい回を作成」: a received comment table (any format the readers take) becomes the YAML store of
 * a new round, where the editors write the 考え方. The opinions, places and submitters are kept as
 * received; the responses are empty (or carried over, when the table already holds drafts), and
 * nothing decided about the old answers (disposition override, promise state, assignee) comes
 * along: the disposition follows the response the editors write.
 */
import type { Localized } from '../i18n/locale';
import type { CommentRecord, CommentRound } from './model';
import { printYamlComments } from './formats/yaml';

export type ResponseChoice = 'empty' | 'keep';

export interface NewRound {
  /** The YAML store's text. */
  readonly yaml: string;
  readonly comments: number;
  /** Comments of the received table that already have a response (what 'keep' would carry over). */
  readonly withResponses: number;
  /** The received numbers repeat (numbering restarts in each group): the new round numbers 1…n. */
  readonly renumbered: boolean;
}

/** The first lines of the store: what it is and how to go on. Japanese, like the rest of the store. */
const HEADER =
  ' 新しい意見募集の回（guideline-tools「新しい回を作成」で作成）。\n' +
  ' 各意見の response: に考え方を書いてください（補完で定型文を選べます）。対応区分は考え方の文言から決まります。\n' +
  ' 考え方が空の意見は「まだ書かれていません」と表示します。書き終えたら「意見及びそれに対する考え方の表を書き出す」で公表用の表にします。';

function carried(record: CommentRecord, response: string, number: number, notes: string | undefined): CommentRecord {
  return {
    number,
    location: record.location,
    submitter: record.submitter,
    opinion: record.opinion,
    response,
    disposition: record.disposition,
    range: record.range,
    ...(notes !== undefined ? { notes } : {}),
  };
}

/** The YAML store of a new round drafted from `received`. */
export function newRoundFromReceived(received: CommentRound, responses: ResponseChoice): NewRound {
  const numbers = received.comments.map((c) => c.number);
  const renumbered = new Set(numbers).size !== numbers.length;
  const comments = received.comments.map((record, i) => {
    // A renumbered comment keeps its received id (Ⅱ-3) where the editors can still see it.
    const origin = renumbered ? `元の番号: ${record.id ?? record.number}` : undefined;
    const notes = [origin, record.notes].filter((n): n is string => Boolean(n)).join('\n') || undefined;
    return carried(record, responses === 'keep' ? record.response : '', renumbered ? i + 1 : record.number, notes);
  });
  return {
    yaml: printYamlComments(
      { title: received.title, date: received.date, comments },
      { comment: HEADER, blankEmptyResponses: true },
    ),
    comments: comments.length,
    withResponses: received.comments.filter((c) => c.response.trim() !== '').length,
    renumbered,
  };
}

/** Why a received file could not become a new round: it holds no comments. */
export const NO_RECEIVED_COMMENTS: Localized = {
  ja: '{file} に意見が見つかりません。新しい回は、意見（番号・該当箇所・提出者・提出された意見の列）のある表から作成します。',
  en: 'No comments found in {file}. A new round is made from a table of comments (number, place, submitter, opinion columns).',
};
