/**
 * Shared building blocks of the 公用文 rules: a finding with a replacement, and a scanner for
 * tables of patterns. Each entry's pattern decides the context it fires in (lookbehind and
 * lookahead), so the tables read as the standard's own lists of catches and exceptions.
 */
import type { Localized } from '../../../i18n/locale';
import type { OfficialProfile, SegmentContext, SegmentFinding } from '../../types';
import { officialSettings, profileMap, type ProfileMap } from './profile';
import { replacementFinding as replacement } from '../../replacement';
import { execAll } from '../../../text/regex';

export interface PatternEntry {
  /** A global regular expression; the whole match is the flagged text. */
  readonly pattern: RegExp;
  /** The replacement of the match; absent when the right wording depends on the sentence. */
  readonly expected?: string | ((match: RegExpExecArray) => string);
  /** The replacement is offered but not applied by fix-all (the reader should look first). */
  readonly unsafe?: boolean;
  /** Only in these profiles (all when absent). */
  readonly profiles?: readonly OfficialProfile[];
  /** Why, shown after the message, e.g. 「（接続詞は仮名）」. */
  readonly note?: Localized;
  /** A condition on the match's start that a lookbehind would make slow on long lines. */
  readonly where?: (masked: string, start: number) => boolean;
}

const REPLACE_MESSAGE: Localized = {
  ja: '「{actual}」は「{expected}」と書きます{note}。',
  en: 'Write "{expected}" instead of "{actual}"{note}.',
};
/** Characters that end a word's context in a message (spaces, punctuation, brackets). */
const CONTEXT_STOP = /[\s、。，．,.「」『』（）()［］【】・：:；;！？!?|]/;

const isHiraganaChar = (ch: string): boolean => ch >= '\u3041' && ch <= '\u309f';

/**
 * The flagged text with its neighbours, so that a message about one character reads as a word:
 * 「有」→「あ」 is shown as 「が有る」→「がある」, 「出来」→「でき」 as 「利用出来る」→「利用できる」. On each
 * side: one hiragana (a particle), or up to two other characters of a word; never past punctuation.
 */
function inContext(
  text: string,
  start: number,
  end: number,
  replacement: string,
): { actual: string; expected: string } {
  if (end - start > 2) return { actual: text.slice(start, end), expected: replacement };
  const side = (from: number, step: 1 | -1): number => {
    const first = text[step === 1 ? from : from - 1];
    if (first === undefined || CONTEXT_STOP.test(first)) return from;
    const hiragana = isHiraganaChar(first);
    let at = from;
    for (let n = 0; n < (hiragana && step === -1 ? 1 : 2); n++) {
      const ch = text[step === 1 ? at : at - 1];
      if (ch === undefined || CONTEXT_STOP.test(ch) || isHiraganaChar(ch) !== hiragana) break;
      at += step;
    }
    return at;
  };
  const s = side(start, -1);
  const e = side(end, 1);
  return { actual: text.slice(s, e), expected: text.slice(s, start) + replacement + text.slice(end, e) };
}

export function replacementFinding(
  code: string,
  start: number,
  actual: string,
  expected: string,
  options: { safe: boolean; note?: Localized; message?: Localized; text?: string },
): SegmentFinding {
  const shown = options.text ? inContext(options.text, start, start + actual.length, expected) : { actual, expected };
  return replacement({
    code,
    start,
    end: start + actual.length,
    message: withNote(options.message ?? REPLACE_MESSAGE, options.note),
    args: shown,
    replacement: expected,
    safe: options.safe,
  });
}

/** Fills `{note}` with the note (both languages), or with nothing. */
function withNote(message: Localized, note: Localized | undefined): Localized {
  return {
    ja: message.ja.replace('{note}', note?.ja ?? ''),
    en: message.en.replace('{note}', note?.en ?? ''),
  };
}

/** Runs a table of entries over the masked segment. */
export function scanPatterns(
  code: string,
  context: SegmentContext,
  entries: readonly PatternEntry[],
  noFixMessage?: Localized,
): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  let profiles: ProfileMap | undefined;
  for (const entry of entries) {
    for (const m of execAll(entry.pattern, context.masked)) {
      const start = m.index;
      if (entry.where && !entry.where(context.masked, start)) continue;
      if (entry.profiles) {
        profiles ??= segmentProfiles(context);
        if (!entry.profiles.includes(profiles.at(start))) continue;
      }
      const actual = m[0];
      const expected = typeof entry.expected === 'function' ? entry.expected(m as RegExpExecArray) : entry.expected;
      if (expected === undefined) {
        findings.push({
          code,
          start,
          end: start + actual.length,
          message: withNote(noFixMessage ?? REPLACE_MESSAGE, entry.note),
          args: { actual },
        });
      } else
        findings.push(
          replacementFinding(code, start, actual, expected, {
            safe: !entry.unsafe,
            note: entry.note,
            text: context.masked,
          }),
        );
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

export function segmentProfiles(context: SegmentContext): ProfileMap {
  return profileMap(context.text, officialSettings(context.config).profile);
}

const LINE_LEAD = /^[ \t\u3000]*(?:(?:[-*+]|\d{1,9}[.)]|#{1,6})[ \t\u3000]+)?$/;

/**
 * A sentence or clause starts at `start`: at the start of a line (after indentation, a list marker
 * or heading marks), after 。！？, or after an opening bracket.
 */
export function isSentenceStart(masked: string, start: number): boolean {
  const before = masked[start - 1];
  if (before === undefined || before === '\n' || before === '\r' || '。．！？「『（('.includes(before)) return true;
  // Only a short line prefix can be a list marker or heading marks.
  const lineStart = Math.max(masked.lastIndexOf('\n', start - 1) + 1, start - 16);
  return (lineStart === 0 || masked[lineStart - 1] === '\n') && LINE_LEAD.test(masked.slice(lineStart, start));
}
