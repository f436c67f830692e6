/**
 * The checks' native fast paths (regex searches instead of loops over lines and characters)
 * against the simple implementations they replaced, on random Japanese-looking text.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { paragraphRanges } from '../../../server/src/core/checks/paragraphs';
import { joinSoftBreaks } from '../../../server/src/core/checks/soft-breaks';
import { scopeEndAfter } from '../../../server/src/core/checks/rules/bracket-mismatch';
import {
  collectKatakanaSpellings,
  decideKatakanaVariants,
  edgesOf,
  findCompoundPart,
  hitInRun,
  WORD_RUN,
} from '../../../server/src/core/checks/rules/katakana-variant';
import { widthInsensitive } from '../../../server/src/core/checks/rules/terminology';
import { SUSPECT_SOURCE } from '../../../server/src/core/checks/rules/long-vowel-mark';
import { LONG_MARK_LOOKALIKES, isKatakanaLetter, isSmallKatakana } from '../../../server/src/core/checks/chars';
import { toHalfWidthAscii } from '../../../server/src/core/text/width';

const TOKENS = [
  ...'サーバユザデタポリシセキュティアウッンュョァ',
  'サーバー',
  'ラッパ',
  'ラッパー',
  'コンピュータ',
  ...'｜|丨︱―—‐‑-－−–一ｰ',
  ...'漢字覧斉及びつのは、。',
  ...'「」｢｣『』（）()【】〔〕［］〈〉《》',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '\u3000',
  '\u2028',
  '#',
  '## ',
  '####### ',
  '|',
  '- ',
  '* ',
  '+',
  '1. ',
  '12) ',
  '1234567890. ',
  '第3条',
  '第１２３４５６７８９０条',
  '第12345678901条',
  'ア　',
  'ｱ ',
  '図表1',
  '表2',
  'SMS',
  'ＳＭＳ',
  'Ｓ',
  'M',
  '３',
  'a',
];

const text = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

function referenceParagraphs(text: string): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  const re = /\r\n|\r|\n/g;
  let lineStart = 0;
  let paraStart = -1;
  for (;;) {
    const m = re.exec(text);
    const lineEnd = m ? m.index : text.length;
    const blank = /^[ \t\u3000]*$/.test(text.slice(lineStart, lineEnd));
    if (blank && paraStart >= 0) {
      result.push([paraStart, lineStart]);
      paraStart = -1;
    } else if (!blank && paraStart < 0) {
      paraStart = lineStart;
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  if (paraStart >= 0) result.push([paraStart, text.length]);
  return result;
}

const WORD_CHAR =
  /[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uff9f\uff5c\uff0d\u3005]/;
const OWN_LINE_START =
  /^(?:[ア-ンｱ-ﾝ][ \u3000.．)）]|第[0-9０-９一二三四五六七八九十百千]+[編章節款条項]|図表[0-9０-９]|[表図][0-9０-９])/;

function referenceJoin(text: string, masked: string) {
  const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);
  const isSoftBreak = (breakStart: number, next: number) => {
    if (!isWordChar(masked[breakStart - 1]) || !isWordChar(masked[next])) return false;
    let lineStart = breakStart;
    while (lineStart > 0 && masked[lineStart - 1] !== '\n' && masked[lineStart - 1] !== '\r') lineStart--;
    if (/^[ \t]*[#|]/.test(masked.slice(lineStart, breakStart))) return false;
    return !OWN_LINE_START.test(masked.slice(next, next + 12));
  };
  const cuts: number[] = [];
  const removedUpTo: number[] = [];
  const re = /\r\n|\r|\n/g;
  let removed = 0;
  let cursor = 0;
  let joinedText = '';
  let joinedMasked = '';
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const next = m.index + m[0].length;
    if (!isSoftBreak(m.index, next)) continue;
    joinedText += text.slice(cursor, m.index);
    joinedMasked += masked.slice(cursor, m.index);
    cursor = next;
    removed += m[0].length;
    cuts.push(m.index + m[0].length - removed);
    removedUpTo.push(removed);
  }
  return { text: joinedText + text.slice(cursor), masked: joinedMasked + masked.slice(cursor), cuts, removedUpTo };
}

/** The bracket scopes as they were computed line by line. */
function referenceScopes(masked: string): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  const re = /\r\n|\r|\n|$/g;
  let lineStart = 0;
  let scopeStart = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const line = masked.slice(lineStart, m.index);
    const blank = /^\s*$/.test(line);
    if (blank || /^\s*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|\|)/.test(line)) {
      if (scopeStart >= 0) result.push([scopeStart, lineStart]);
      scopeStart = blank ? -1 : lineStart;
      if (!blank && /^\s*(?:#{1,6}\s|\|)/.test(line)) {
        result.push([lineStart, m.index]);
        scopeStart = -1;
      }
    } else if (scopeStart < 0) {
      scopeStart = lineStart;
    }
    if (m[0] === '') break;
    lineStart = m.index + m[0].length;
    re.lastIndex = lineStart;
  }
  if (scopeStart >= 0) result.push([scopeStart, masked.length]);
  return result;
}

function referenceSpellings(masked: string): Map<string, number> {
  const counts = new Map<string, number>();
  const re = /[ァ-ヺー]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const stem = m[0].replace(/ー+$/, '');
    const countable = stem.length >= 3 && isKatakanaLetter(stem[0]) && !isSmallKatakana(stem[0]) && stem !== 'ラッパ';
    const fragment =
      LONG_MARK_LOOKALIKES.has(masked[m.index - 1] ?? '') ||
      LONG_MARK_LOOKALIKES.has(masked[m.index + m[0].length] ?? '');
    if (!countable || fragment) continue;
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  return counts;
}

function allMatches(source: string, text: string): Array<[number, string]> {
  return [...text.matchAll(new RegExp(source, 'g'))].map((m) => [m.index, m[0]]);
}

describe('fast paths match the implementations they replaced', () => {
  test('paragraphRanges', () => {
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(paragraphRanges(t), referenceParagraphs(t))),
      { numRuns: 2000 },
    );
  });

  test('joinSoftBreaks', () => {
    fc.assert(
      fc.property(text, (t) => {
        // The raw text follows the masked one; any same-length text will do.
        const raw = t.replace(/[^\r\n]/g, 'x');
        assert.deepEqual(joinSoftBreaks(raw, t), referenceJoin(raw, t));
        assert.deepEqual(joinSoftBreaks(t, t), referenceJoin(t, t));
      }),
      { numRuns: 2000 },
    );
  });

  test('bracket scopes: every bracket is in one scope, which ends where scopeEndAfter says', () => {
    fc.assert(
      fc.property(text, (t) => {
        const scopes = referenceScopes(t);
        for (const m of t.matchAll(/[「」｢｣『』（）()【】〔〕［］〈〉《》]/g)) {
          const scope = scopes.find(([s, e]) => s <= m.index && m.index < e);
          assert.ok(scope, `bracket at ${m.index} outside every scope`);
          assert.equal(scopeEndAfter(t, m.index, t.includes('\r')), scope[1]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('collectKatakanaSpellings', () => {
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(collectKatakanaSpellings(t), referenceSpellings(t))),
      { numRuns: 2000 },
    );
  });

  test('katakana-variant visits the whole runs that are not fragments', () => {
    fc.assert(
      fc.property(text, (t) => {
        const expected = allMatches('[ァ-ヺー]+', t).filter(
          ([i, run]) => !LONG_MARK_LOOKALIKES.has(t[i - 1] ?? '') && !LONG_MARK_LOOKALIKES.has(t[i + run.length] ?? ''),
        );
        assert.deepEqual(allMatches(WORD_RUN, t), expected);
      }),
      { numRuns: 2000 },
    );
  });

  test('long-vowel-mark suspects: a look-alike after a katakana letter other than ッンヵヶ', () => {
    fc.assert(
      fc.property(text, (t) => {
        const lookalikes = `[${[...LONG_MARK_LOOKALIKES].map((c) => (c === '-' || c === '|' ? `\\${c}` : c)).join('')}]`;
        const expected = allMatches(lookalikes, t).filter(
          ([i]) => isKatakanaLetter(t[i - 1]) && !'ッンヵヶ'.includes(t[i - 1]),
        );
        assert.deepEqual(allMatches(SUSPECT_SOURCE, t), expected);
      }),
      { numRuns: 2000 },
    );
  });

  test('terminology: a variant occurs in the width-normalised text exactly where its pattern matches', () => {
    const variant = fc
      .array(fc.constantFrom(...'SMSsms ab1-(）、ソ'), { minLength: 1, maxLength: 4 })
      .map((parts) => toHalfWidthAscii(parts.join('')));
    const body = fc
      .array(fc.constantFrom(...'SMSsmsＳＭＳｓｍｓ \u3000ab1-(（)）、ソ', 'SMS', 'ＳMＳ'), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(variant, body, (v, t) =>
        assert.equal(widthInsensitive(v).test(t), toHalfWidthAscii(t).includes(v), `${v} in ${t}`),
      ),
      { numRuns: 3000 },
    );
  });

  test('katakana-variant: the runs a variant may stand in, and where', () => {
    const word = fc
      .tuple(
        fc.constantFrom('', 'ウェブ', 'ア'),
        fc.constantFrom('サーバ', 'ユーザ', 'データ', 'ポリシ', 'コンピュータ', 'ラッパ', 'サ'),
        fc.constantFrom('', 'ー', 'ーー'),
        fc.constantFrom('', '', 'ルーム', 'ビス', 'ッ'),
      )
      .map((parts) => parts.join(''));
    const words = fc.array(word, { minLength: 1, maxLength: 12 });
    let decided = 0;
    fc.assert(
      fc.property(words, text, (list, t) => {
        const counts = new Map<string, number>();
        for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
        const { choices } = decideKatakanaVariants(counts, {});
        if (choices.size === 0) return;
        decided++;
        for (const run of [...list, ...allMatches(WORD_RUN, t).map(([, r]) => r)]) {
          const whole = choices.get(run);
          const expected = whole
            ? { start: 0, end: run.length, choice: whole }
            : findCompoundPart(run, (word, start) => {
                const choice = choices.get(word);
                if (!choice || (start === 0 && !choice.variant.endsWith('ー'))) return undefined;
                return { start, end: start + word.length, choice };
              });
          assert.deepEqual(hitInRun(run, 0, choices), expected);
        }
        const edges = edgesOf(choices);
        const endsOrStarts = (run: string) =>
          [...choices.keys()].some((v) => v.endsWith(run.slice(-1)) || (v.endsWith('ー') && v.startsWith(run[0])));
        const mayHold = allMatches(WORD_RUN, t).filter(([, run]) => endsOrStarts(run));
        assert.deepEqual(allMatches(edges.runs.source, t), mayHold);
      }),
      { numRuns: 1500 },
    );
    assert.ok(decided > 100, `only ${decided} runs had a decision`);
  });
});
