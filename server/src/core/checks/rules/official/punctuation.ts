/**
 * Rule 12 of issue 17: punctuation (「公用文作成の考え方」 (2022), 符号の使い方).
 *
 * - `official-comma-style`: the 読点 is 「、」 or 「，」, one of them in a document. The project
 *   chooses (`official.comma`, default 「、」); the other is flagged and replaced. A full-width
 *   comma between digits (1，000) is a digit separator and left alone.
 * - `official-bracket-period`: where the words in （ ） end a sentence, a 句点 goes before the
 *   closing bracket: 「（以下「規程」という。）」「（再委託先を含む。）」「（ただし、例外を除く。）」.
 *   Only the statutory sentence endings (という・をいう・を含む・を除く・に限る) and parentheses
 *   opening with ただし are checked: a bracket holding a phrase (「（注1）」「（案）」) takes no 句点.
 *   Headings and table rows are titles and cells, not sentences, and are left alone.
 */
import type { SegmentContext, SegmentFinding, SegmentRule } from '../../types';
import { officialSettings } from './profile';
import { execAll } from '../../../text/regex';

const OFFICIAL_COMMA_STYLE = 'official-comma-style';
const OFFICIAL_BRACKET_PERIOD = 'official-bracket-period';

function findCommaStyle(masked: string, comma: '、' | '，'): SegmentFinding[] {
  const other = comma === '、' ? '，' : '、';
  const findings: SegmentFinding[] = [];
  for (let at = masked.indexOf(other); at >= 0; at = masked.indexOf(other, at + 1)) {
    if (other === '，' && /[0-9０-９]/.test(masked[at - 1] ?? '') && /[0-9０-９]/.test(masked[at + 1] ?? '')) continue;
    findings.push({
      code: OFFICIAL_COMMA_STYLE,
      start: at,
      end: at + 1,
      message: {
        ja: '読点は「{expected}」に統一します（この文書の設定。「、」と「，」を混ぜない）。',
        en: 'Use 「{expected}」 as the comma (the setting of this project; do not mix 「、」 and 「，」).',
      },
      args: { actual: other, expected: comma },
      fixes: [
        {
          title: { ja: '「{expected}」に置き換える', en: 'Replace with "{expected}"' },
          args: { expected: comma },
          replacement: comma,
          start: at,
          end: at + 1,
          safe: true,
        },
      ],
    });
  }
  return findings;
}

const SENTENCE_END_IN_BRACKET = /(?:という|をいう|を含む|を除く|に限る)(?=[）)])/g;
const TADASHI_BRACKET = /[（(]ただし[、，][^（）()\n]{0,200}?[^。（）()\n](?=[）)])/g;

/** How far back an opening bracket is looked for: a parenthetical is a phrase, not a page. */
const MAX_PARENTHESIS = 200;

/** Inside a （…） that opened on the same line, within MAX_PARENTHESIS characters. */
function insideParenthesis(masked: string, offset: number): boolean {
  let depth = 0;
  for (let i = offset - 1; i >= 0 && i >= offset - MAX_PARENTHESIS && masked[i] !== '\n'; i--) {
    const ch = masked[i];
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/** Offsets of the lines that are headings or table rows (titles and cells, not sentences). */
function titleLines(masked: string): { starts: number[]; title: boolean[] } {
  const starts: number[] = [];
  const title: boolean[] = [];
  for (let s = 0; s <= masked.length;) {
    starts.push(s);
    title.push(/^[ \t]*(?:#|\|)/.test(masked.slice(s, s + 8)));
    const e = masked.indexOf('\n', s);
    if (e < 0) break;
    s = e + 1;
  }
  return { starts, title };
}

function isInTitleLine(lines: { starts: number[]; title: boolean[] }, offset: number): boolean {
  let low = 0;
  let high = lines.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines.starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return lines.title[low];
}

function findBracketPeriods(masked: string): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  const seen = new Set<number>();
  let lines: ReturnType<typeof titleLines> | undefined;
  const push = (end: number): void => {
    lines ??= titleLines(masked);
    if (seen.has(end) || isInTitleLine(lines, end)) return;
    seen.add(end);
    findings.push({
      code: OFFICIAL_BRACKET_PERIOD,
      start: end,
      end: end + 1,
      message: {
        ja: '括弧の中で文が終わるときは、閉じ括弧の前に句点「。」を打ちます（例：「（以下「規程」という。）」）。',
        en: 'When the words in brackets end a sentence, put 「。」 before the closing bracket (「（以下「規程」という。）」).',
      },
      fixes: [
        {
          title: { ja: '「。」を補う', en: 'Insert 「。」' },
          replacement: '。',
          start: end,
          end,
          safe: true,
        },
      ],
    });
  };
  for (const m of execAll(SENTENCE_END_IN_BRACKET, masked)) {
    const end = m.index + m[0].length;
    if (insideParenthesis(masked, m.index)) push(end);
  }
  for (const m of execAll(TADASHI_BRACKET, masked)) push(m.index + m[0].length);
  return findings.sort((a, b) => a.start - b.start);
}

export const officialCommaStyleRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_COMMA_STYLE,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '読点の統一（、／，）', en: 'One comma style (、 or ，)' },
    description: {
      ja: '読点は「、」か「，」のどちらかに統一します。設定 official.comma で選び、既定は「、」です。数字の間の「，」は対象外です。',
      en: 'Use one comma, 「、」 or 「，」, as chosen by official.comma (default 「、」); a 「，」 between digits is left alone.',
    },
  },
  check: (context: SegmentContext) => findCommaStyle(context.masked, officialSettings(context.config).comma),
};

export const officialBracketPeriodRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_BRACKET_PERIOD,
    defaultSeverity: 'information',
    fixable: true,
    title: { ja: '括弧内の句点', en: 'Period inside closing brackets' },
    description: {
      ja: '「（以下「規程」という）」「（再委託先を含む）」「（ただし、…を除く）」のように括弧の中で文が終わるとき、閉じ括弧の前に「。」を補います。',
      en: 'Inserts 「。」 before the closing bracket where the bracket ends a sentence: 「（以下「規程」という。）」, 「（再委託先を含む。）」.',
    },
  },
  check: (context: SegmentContext) => findBracketPeriods(context.masked),
};
