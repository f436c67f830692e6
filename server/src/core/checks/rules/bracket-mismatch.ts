/**
 * `bracket-mismatch`: brackets that do not pair up within a paragraph:
 * - width: ｢…」 or （…) — the same bracket in two widths; the seed's title opens with a
 *   half-width ｢ and closes with 」 (a PDF extraction artefact). Fix: full-width (safe).
 * - kind: 「…』 — closed by another kind of bracket. Fix offered, not safe.
 * - unclosed / unopened: an opening bracket without its closing one in the paragraph, or the
 *   reverse.
 *
 * A quotation may wrap across lines of one paragraph; a blank line, a heading, a list item or a
 * table row starts a new scope. Item labels written with a closing parenthesis only (`1)`, `ア）`,
 * `※1)`, `注2)` at a line start or after a space, 「事例1）」 opening a line) are labels, not brackets. ASCII [] and quotes are left to Markdown.
 */
import type { SegmentContext, SegmentFinding, SegmentRule } from '../types';

const BRACKET_MISMATCH = 'bracket-mismatch';

interface BracketInfo {
  readonly family: string;
  readonly open: boolean;
  /** The full-width member of the family with the same direction. */
  readonly fullWidth: string;
  readonly halfWidth: boolean;
}

const PAIRS: ReadonlyArray<readonly [string, string, string, string?, string?]> = [
  // family, full open, full close, half open, half close
  ['corner', '「', '」', '｢', '｣'],
  ['white-corner', '『', '』'],
  ['paren', '（', '）', '(', ')'],
  ['lenticular', '【', '】'],
  ['tortoise', '〔', '〕'],
  ['square', '［', '］'],
  ['angle', '〈', '〉'],
  ['double-angle', '《', '》'],
];

const BRACKETS = new Map<string, BracketInfo>();
const CLOSER_OF = new Map<string, string>();
for (const [family, open, close, halfOpen, halfClose] of PAIRS) {
  BRACKETS.set(open, { family, open: true, fullWidth: open, halfWidth: false });
  BRACKETS.set(close, { family, open: false, fullWidth: close, halfWidth: false });
  CLOSER_OF.set(open, close);
  if (halfOpen && halfClose) {
    BRACKETS.set(halfOpen, { family, open: true, fullWidth: open, halfWidth: true });
    BRACKETS.set(halfClose, { family, open: false, fullWidth: close, halfWidth: true });
    CLOSER_OF.set(halfOpen, halfClose);
  }
}

/** Every bracket character, to jump from one to the next instead of visiting each character. */
const BRACKET_CHARACTER = new RegExp(
  `[${[...BRACKETS.keys()].map((ch) => ch.replace(/[\\\]^[-]/g, '\\$&')).join('')}]`,
  'g',
);

const SCOPE_BREAK = /^\s*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|\|)/;
/**
 * A label closed by a parenthesis only, at a line start or after a space: `1)`, `ア）`, `a)`; and a
 * word and a number opening a line: 「事例1）」「例2）」「問3）」「ケース4)」 (個人情報保護委員会's 事例).
 */
const LABEL_BEFORE =
  /(?:^|[\s\u3000])(?:※|注|\*)?[0-9０-９]{1,3}$|(?:^|[\s\u3000])[ア-ンA-Za-zＡ-Ｚａ-ｚ①-⑳一二三四五六七八九十]$|^[\s\u3000>]*(?:[-*+][\s\u3000]+)?(?:\p{Script=Han}|\p{Script=Katakana}|ー){1,4}[0-9０-９]{1,3}$/u;

interface Open {
  readonly ch: string;
  readonly index: number;
  readonly info: BracketInfo;
}

const MESSAGES = {
  unclosed: {
    ja: '「{open}」に対応する閉じ括弧がありません。',
    en: 'No closing bracket matches "{open}".',
  },
  unopened: {
    ja: '「{close}」に対応する開き括弧がありません。',
    en: 'No opening bracket matches "{close}".',
  },
  width: {
    ja: '括弧「{open}」と「{close}」の全角・半角が揃っていません。',
    en: 'The brackets "{open}" and "{close}" differ in width.',
  },
  kind: {
    ja: '「{open}」が「{close}」で閉じられています。',
    en: '"{open}" is closed by "{close}".',
  },
  openedHere: { ja: '開き括弧「{open}」', en: 'Opening bracket "{open}"' },
} as const;

/** [start, end) ranges of the bracket scopes: paragraphs split further at block starts. */
function scopes(masked: string): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  const re = /\r\n|\r|\n|$/g;
  let lineStart = 0;
  let scopeStart = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const line = masked.slice(lineStart, m.index);
    const blank = /^\s*$/.test(line);
    if (blank || SCOPE_BREAK.test(line)) {
      if (scopeStart >= 0) result.push([scopeStart, lineStart]);
      scopeStart = blank ? -1 : lineStart;
      // Headings and table rows are a scope of their own.
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

const QUOTES = new Set(['corner', 'white-corner']);

/** Quotes close quotes and brackets close brackets; a quote closing a parenthesis is unrelated. */
function sameGroup(a: BracketInfo, b: BracketInfo): boolean {
  return QUOTES.has(a.family) === QUOTES.has(b.family);
}

function lineTextBefore(masked: string, index: number): string {
  let i = index;
  while (i > 0 && masked[i - 1] !== '\n' && masked[i - 1] !== '\r') i--;
  return masked.slice(i, index);
}

function finding(
  kind: keyof typeof MESSAGES,
  start: number,
  args: Record<string, string>,
  extra: Partial<SegmentFinding> = {},
): SegmentFinding {
  return { code: BRACKET_MISMATCH, start, end: start + 1, message: MESSAGES[kind], args, data: { kind }, ...extra };
}

function checkScope(masked: string, from: number, to: number, out: SegmentFinding[]): void {
  const stack: Open[] = [];
  // Search the scope's own text: a search over the whole document would run to its end from every
  // bracket-free scope (quadratic on thousands of list items).
  const scope = masked.slice(from, to);
  BRACKET_CHARACTER.lastIndex = 0;
  for (let m = BRACKET_CHARACTER.exec(scope); m; m = BRACKET_CHARACTER.exec(scope)) {
    const i = from + m.index;
    const ch = m[0];
    const info = BRACKETS.get(ch)!;
    if (info.open) {
      stack.push({ ch, index: i, info });
      continue;
    }
    // `1)` is a label unless a parenthesis is open: then `(records 6, 8)` closes it.
    if (
      info.family === 'paren' &&
      !stack.some((o) => o.info.family === 'paren') &&
      LABEL_BEFORE.test(lineTextBefore(masked, i))
    )
      continue;
    let depth = stack.length - 1;
    while (depth >= 0 && stack[depth].info.family !== info.family) depth--;
    if (depth < 0) {
      const top = stack.length > 0 && sameGroup(stack[stack.length - 1].info, info) ? stack.pop() : undefined;
      if (top) {
        const expected = CLOSER_OF.get(top.ch)!;
        out.push(
          finding(
            'kind',
            i,
            { open: top.ch, close: ch },
            {
              fixes: [
                {
                  title: { ja: '「{expected}」に置き換える', en: 'Replace with "{expected}"' },
                  args: { expected },
                  replacement: expected,
                  start: i,
                  end: i + 1,
                  safe: false,
                },
              ],
              related: [{ start: top.index, end: top.index + 1, message: MESSAGES.openedHere }],
            },
          ),
        );
      } else {
        out.push(finding('unopened', i, { close: ch }));
      }
      continue;
    }
    while (stack.length - 1 > depth) {
      const unclosed = stack.pop()!;
      out.push(finding('unclosed', unclosed.index, { open: unclosed.ch }));
    }
    const open = stack.pop()!;
    if (open.info.halfWidth !== info.halfWidth) {
      const half = open.info.halfWidth ? open : { ch, index: i, info };
      const full = half.info.fullWidth;
      out.push(
        finding(
          'width',
          half.index,
          { open: open.ch, close: ch },
          {
            fixes: [
              {
                title: { ja: '全角「{full}」に置き換える', en: 'Replace with full-width "{full}"' },
                args: { full },
                replacement: full,
                start: half.index,
                end: half.index + 1,
                safe: true,
              },
            ],
            related:
              half.index === open.index
                ? []
                : [{ start: open.index, end: open.index + 1, message: MESSAGES.openedHere }],
          },
        ),
      );
    }
  }
  for (const unclosed of stack) out.push(finding('unclosed', unclosed.index, { open: unclosed.ch }));
}

export function findBracketMismatches(masked: string): SegmentFinding[] {
  const out: SegmentFinding[] = [];
  for (const [from, to] of scopes(masked)) checkScope(masked, from, to, out);
  return out.sort((a, b) => a.start - b.start);
}

export const bracketMismatchRule: SegmentRule = {
  descriptor: {
    code: BRACKET_MISMATCH,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '括弧の不一致', en: 'Mismatched brackets' },
    description: {
      ja: '「｢…」」のような全角・半角の不一致、「「…』」のような種類の不一致、段落内で閉じていない括弧を指摘します。',
      en: 'Flags brackets of mixed width (｢…」), of different kinds (「…』) and brackets left open or unopened within a paragraph.',
    },
  },
  check: (context: SegmentContext) => findBracketMismatches(context.masked),
};
