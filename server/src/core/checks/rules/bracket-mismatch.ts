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

/**
 * Scopes are found only around open brackets, the one place they matter. A scope is a heading or
 * table row line of its own, or runs from its first line to the next line that is blank or starts
 * a scope (a heading, a list item, a table row). The line tests below are matched in the whole
 * text instead of on a copy of the line: `\s` is white space other than a line break there, so a
 * match stays in its line.
 */
const OWN_SCOPE_AT = /[^\S\r\n]*(?:#{1,6}[^\S\r\n]|\|)/y;
/** A line break (its last character) before a line that is blank or starts a scope. */
const BEFORE_SCOPE_BREAK =
  /(?:\n|\r(?!\n))(?=[^\S\r\n]*(?:[\r\n]|$|#{1,6}[^\S\r\n]|[-*+][^\S\r\n]|\d{1,9}[.)][^\S\r\n]|\|))/g;
const LINE_BREAK = /[\r\n]/g;

/**
 * The end of the scope holding the (non-blank) character at `index`: brackets at or after it are in
 * another scope. Every non-blank line is in exactly one scope.
 */
export function scopeEndAfter(masked: string, index: number, hasCarriageReturn: boolean): number {
  OWN_SCOPE_AT.lastIndex = lineStartOf(masked, index, hasCarriageReturn);
  if (OWN_SCOPE_AT.test(masked)) {
    LINE_BREAK.lastIndex = index;
    return LINE_BREAK.exec(masked)?.index ?? masked.length;
  }
  BEFORE_SCOPE_BREAK.lastIndex = index;
  const m = BEFORE_SCOPE_BREAK.exec(masked);
  return m ? m.index + 1 : masked.length;
}

/** Start of the line holding `index`: the native search when the text has no `\r` (the usual case). */
function lineStartOf(masked: string, index: number, hasCarriageReturn: boolean): number {
  if (!hasCarriageReturn) return masked.lastIndexOf('\n', index - 1) + 1;
  let i = index;
  while (i > 0 && masked[i - 1] !== '\n' && masked[i - 1] !== '\r') i--;
  return i;
}

const QUOTES = new Set(['corner', 'white-corner']);

/** Quotes close quotes and brackets close brackets; a quote closing a parenthesis is unrelated. */
function sameGroup(a: BracketInfo, b: BracketInfo): boolean {
  return QUOTES.has(a.family) === QUOTES.has(b.family);
}

function lineTextBefore(masked: string, index: number, hasCarriageReturn: boolean): string {
  return masked.slice(lineStartOf(masked, index, hasCarriageReturn), index);
}

function finding(
  kind: keyof typeof MESSAGES,
  start: number,
  args: Record<string, string>,
  extra: Partial<SegmentFinding> = {},
): SegmentFinding {
  return { code: BRACKET_MISMATCH, start, end: start + 1, message: MESSAGES[kind], args, data: { kind }, ...extra };
}

/** One bracket at `i` of the current scope, whose open brackets are `stack`. */
function checkBracket(
  masked: string,
  hasCarriageReturn: boolean,
  i: number,
  ch: string,
  stack: Open[],
  out: SegmentFinding[],
): void {
  const info = BRACKETS.get(ch)!;
  if (info.open) {
    stack.push({ ch, index: i, info });
    return;
  }
  // `1)` is a label unless a parenthesis is open: then `(records 6, 8)` closes it.
  if (
    info.family === 'paren' &&
    !stack.some((o) => o.info.family === 'paren') &&
    LABEL_BEFORE.test(lineTextBefore(masked, i, hasCarriageReturn))
  )
    return;
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
    return;
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
            half.index === open.index ? [] : [{ start: open.index, end: open.index + 1, message: MESSAGES.openedHere }],
        },
      ),
    );
  }
}

/** The end of a scope: brackets still open there were never closed. */
function closeScope(stack: Open[], out: SegmentFinding[]): void {
  for (const unclosed of stack) out.push(finding('unclosed', unclosed.index, { open: unclosed.ch }));
  stack.length = 0;
}

export function findBracketMismatches(masked: string): SegmentFinding[] {
  const out: SegmentFinding[] = [];
  const hasCarriageReturn = masked.includes('\r');
  const stack: Open[] = [];
  // One search over the segment. The scope only matters while a bracket is open: its end is
  // found when the first bracket of a scope opens, and reaching it reports what stayed open.
  let scopeEnd = -1;
  BRACKET_CHARACTER.lastIndex = 0;
  for (let m = BRACKET_CHARACTER.exec(masked); m; m = BRACKET_CHARACTER.exec(masked)) {
    const i = m.index;
    if (i >= scopeEnd) {
      closeScope(stack, out);
      if (BRACKETS.get(m[0])!.open) scopeEnd = scopeEndAfter(masked, i, hasCarriageReturn);
    }
    checkBracket(masked, hasCarriageReturn, i, m[0], stack, out);
  }
  closeScope(stack, out);
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
