/**
 * Drafting the 考え方 of a new round in the YAML store: the standard phrases ministries answer with,
 * offered as completion where a `response:` is being written. Each phrase is what the disposition
 * classifier (disposition.ts) reads, so the 対応 follows as the editor types.
 */
import type { Locale } from '../i18n/locale';
import { localize } from '../i18n/locale';
import { rangeContains, type Position } from '../text/position';
import { DISPOSITION_LABELS, classifyResponse } from './disposition';
import type { CommentRound } from './model';

const STANDARD_RESPONSES: readonly string[] = [
  '原案のとおりとさせていただきます。',
  'ご指摘の趣旨を踏まえ、次のとおり修正いたします。',
  '今後の参考とさせていただきます。',
  'ご指摘の点については、既に記載しております。',
  'ご意見として承ります。',
];

export interface ResponsePhrase {
  readonly text: string;
  /** What is inserted: the text, after a space where the key's colon is right before the cursor. */
  readonly insertText: string;
  /** 修正あり / 原案どおり / 参考 …: what the phrase makes the disposition. */
  readonly disposition: string;
  /** What the typed text before the cursor on the line is replaced from. */
  readonly replaceFrom: Position;
}

const RESPONSE_KEY = /^(\s*(?:-\s+)?response:\s*(?:[|>][-+]?\s*)?)(.*)$/;

/**
 * The phrases to offer at a position of a YAML round: on a `response:` line, or on a line of its
 * block, of a comment of the round. None elsewhere.
 */
export function responsePhrases(
  round: CommentRound,
  lineText: string,
  position: Position,
  locale: Locale,
  previousLines: readonly string[] = [],
): ResponsePhrase[] {
  if (round.format !== 'yaml') return [];
  const before = lineText.slice(0, position.character);
  const key = RESPONSE_KEY.exec(before);
  let from: number | null = key ? key[1].length : null;
  if (from === null) {
    // Inside a block scalar: the nearest key above is `response: |`.
    const record = round.comments.find((c) => c.fields?.response && rangeContains(c.fields.response, position));
    const above = [...previousLines].reverse().find((l) => /^\s*(?:-\s+)?[A-Za-z]+:/.test(l));
    if (!record && !(above && /^\s*(?:-\s+)?response:\s*[|>]/.test(above))) return [];
    from = before.length - before.trimStart().length;
  }
  // `response:` as a new round prints it: the value needs a space after the colon to be one.
  const space = key && key[1].endsWith(':') ? ' ' : '';
  return STANDARD_RESPONSES.map((text) => ({
    text,
    insertText: space + text,
    disposition: localize(locale, DISPOSITION_LABELS[classifyResponse(text)]),
    replaceFrom: { line: position.line, character: from! },
  }));
}
