/**
 * `terminology`: decided terms. The built-in rule comes from public comment 6 of the 2015 round:
 * the draft's 「SMS（ソーシャルメディアサービス）」 reads as Short Message Service to most readers,
 * so the response renamed it to 「ソーシャルメディアサービス」 (section 3.8.3).
 *
 * Matching is width-insensitive (ＳＭＳ) and whole-word for alphanumeric variants. A variant is
 * left alone where it means something else (SMS認証, SMSによるワンタイムパスワード, ショートメッセージ
 * nearby) and where the text talks about the renaming itself (「SMS」は「ソーシャルメディアサービス」
 * に修正). The fix is safe only where the meaning is unambiguous: the gloss form
 * SMS（ソーシャルメディアサービス） or social-media words nearby.
 */
import type { Localized } from '../../i18n/locale';
import type { SegmentContext, SegmentFinding, SegmentRule, TermRule } from '../types';
import { toHalfWidthAscii } from '../../text/width';
import { paragraphAt, paragraphRanges } from '../paragraphs';
import { replacementFinding } from '../replacement';

const TERMINOLOGY = 'terminology';

/** How far around a variant "nearby" words are looked for, within the paragraph. */
const NEARBY_WINDOW = 200;

export const BUILTIN_TERMS: readonly TermRule[] = [
  {
    id: 'social-media-service',
    variants: ['SMS'],
    expected: 'ソーシャルメディアサービス',
    leaveAlone: {
      followedBy: [
        '認証',
        '送信',
        '受信',
        '送付',
        '通知',
        'コード',
        'メッセージ',
        'によるワンタイム',
        'でワンタイム',
        'による本人確認',
        'による認証',
        'で認証',
        'を送',
        'を受',
        'が届',
        '・MMS',
        '/MMS',
        '、MMS',
        'やMMS',
        '(ショートメッセージ',
        '(Short Message',
        '(short message',
      ],
      precededBy: [
        '携帯電話の',
        '携帯電話による',
        '携帯電話で',
        'スマートフォンの',
        'ショートメッセージ(',
        'ショートメッセージサービス(',
      ],
      nearby: [
        'ショートメッセージ',
        'Short Message',
        'short message',
        'ワンタイムパスワード',
        '電話',
        '携帯',
        'メール',
        'MMS',
        'テキストメッセージ',
      ],
    },
    safeWhenNearby: [
      'ソーシャル',
      'SNS',
      'アカウント',
      '投稿',
      'Twitter',
      'Facebook',
      'フォロワー',
      'ブログ',
      '炎上',
      '情報発信',
      'LINE',
      'YouTube',
    ],
    note: {
      ja: ' SMS はショートメッセージサービスと紛らわしいため。',
      en: ' "SMS" is easily read as Short Message Service.',
    },
    decidedBy: { round: '2015', number: 6 },
  },
];

function isAsciiWordChar(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9]/.test(ch);
}

function sentenceAround(text: string, start: number, end: number, para: [number, number]): string {
  let s = start;
  while (s > para[0] && text[s - 1] !== '。') s--;
  let e = end;
  while (e < para[1] && text[e] !== '。') e++;
  return text.slice(s, e);
}

function withNote(base: Localized, rule: TermRule): Localized {
  return rule.note ? { ja: base.ja + rule.note.ja, en: base.en + rule.note.en } : base;
}

const MESSAGE: Localized = {
  ja: '「{actual}」は「{expected}」と表記します。',
  en: 'Write "{expected}" instead of "{actual}".',
};
const DECIDED_MESSAGE: Localized = {
  ja: '「{actual}」は「{expected}」と表記します（{round}年の意見募集 意見{number}への対応で決定）。',
  en: 'Write "{expected}" instead of "{actual}" (decided in response to public comment {number} of the {round} round).',
};

function checkRule(
  masked: string,
  normalized: string,
  paragraphs: () => ReadonlyArray<readonly [number, number]>,
  rule: TermRule,
  out: SegmentFinding[],
): void {
  const expected = toHalfWidthAscii(rule.expected);
  const norm = (list: readonly string[] | undefined) => (list ?? []).map(toHalfWidthAscii);
  const followedBy = norm(rule.leaveAlone?.followedBy);
  const precededBy = norm(rule.leaveAlone?.precededBy);
  const nearby = norm(rule.leaveAlone?.nearby);
  const safeNearby = rule.safeWhenNearby ? norm(rule.safeWhenNearby) : undefined;
  for (const rawVariant of rule.variants) {
    const variant = toHalfWidthAscii(rawVariant);
    if (variant.length === 0) continue;
    const wordLike = /^[A-Za-z0-9]/.test(variant) || /[A-Za-z0-9]$/.test(variant);
    for (let at = normalized.indexOf(variant); at >= 0; at = normalized.indexOf(variant, at + 1)) {
      const end = at + variant.length;
      if (wordLike && (isAsciiWordChar(normalized[at - 1]) || isAsciiWordChar(normalized[end]))) continue;
      const rest = normalized.slice(end, end + 40).replace(/^[ \t]+/, '');
      if (followedBy.some((f) => rest.startsWith(f))) continue;
      const head = normalized.slice(Math.max(0, at - 40), at);
      if (precededBy.some((p) => head.endsWith(p))) continue;
      const para = paragraphAt(paragraphs(), at);
      const window = normalized.slice(Math.max(para[0], at - NEARBY_WINDOW), Math.min(para[1], end + NEARBY_WINDOW));
      if (nearby.some((n) => window.includes(n))) continue;
      // A quoted mention next to the expected term discusses the renaming itself.
      const quoted = /[「『"“]$/.test(head) && /^[」』"”]/.test(rest);
      if (quoted && sentenceAround(normalized, at, end, para).includes(expected)) continue;

      const gloss = `(${expected})`;
      const glossAt = rest.startsWith(gloss) ? normalized.indexOf(gloss, end) : -1;
      const replaceEnd = glossAt >= 0 ? glossAt + gloss.length : end;
      const safe = glossAt >= 0 || !safeNearby || safeNearby.some((n) => window.includes(n));
      const actual = masked.slice(at, end);
      const args: Record<string, string | number> = { actual, expected: rule.expected };
      if (rule.decidedBy) Object.assign(args, { round: rule.decidedBy.round, number: rule.decidedBy.number });
      out.push(
        replacementFinding({
          code: TERMINOLOGY,
          start: at,
          end,
          message: withNote(rule.decidedBy ? DECIDED_MESSAGE : MESSAGE, rule),
          args,
          replacement: rule.expected,
          fixEnd: replaceEnd,
          safe,
          data: { termId: rule.id, expected: rule.expected, decidedBy: rule.decidedBy },
        }),
      );
    }
  }
}

/**
 * A pattern matching, in the raw text, whatever `toHalfWidthAscii` turns into `variant`: each ASCII
 * character in either width, a space as either space (the conversion maps one UTF-16 unit to one).
 */
export function widthInsensitive(variant: string): RegExp {
  let source = '';
  for (let i = 0; i < variant.length; i++) {
    const code = variant.charCodeAt(i);
    if (code === 0x20) source += '[ \\u3000]';
    else if (code > 0x20 && code < 0x7f) source += `[\\u${hex(code)}\\u${hex(code + 0xfee0)}]`;
    else source += `\\u${hex(code)}`;
  }
  return new RegExp(source);
}

function hex(code: number): string {
  return code.toString(16).padStart(4, '0');
}

const variantPatterns = new WeakMap<TermRule, readonly RegExp[]>();

/** Whether a variant of the rule may occur in the text (most segments have none). */
function mayOccur(masked: string, rule: TermRule): boolean {
  let patterns = variantPatterns.get(rule);
  if (!patterns) {
    patterns = rule.variants
      .map(toHalfWidthAscii)
      .filter((v) => v.length > 0)
      .map(widthInsensitive);
    variantPatterns.set(rule, patterns);
  }
  return patterns.some((p) => p.test(masked));
}

export function findTerminology(masked: string, rules: readonly TermRule[]): SegmentFinding[] {
  const out: SegmentFinding[] = [];
  // Width-normalising the segment and finding its paragraphs is the cost: only where a variant occurs.
  if (!rules.some((rule) => mayOccur(masked, rule))) return out;
  const normalized = toHalfWidthAscii(masked);
  let ranges: Array<[number, number]> | undefined;
  // Only an occurrence that is not left alone by its neighbours needs its paragraph.
  const paragraphs = () => (ranges ??= paragraphRanges(masked));
  for (const rule of rules) checkRule(masked, normalized, paragraphs, rule, out);
  return out.sort((a, b) => a.start - b.start);
}

export const terminologyRule: SegmentRule = {
  wordLevel: true,
  descriptor: {
    code: TERMINOLOGY,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '用語の統一', en: 'Decided terminology' },
    description: {
      ja:
        '決定済みの用語を指摘します。組み込み: ソーシャルメディアの意味の「SMS」→「ソーシャルメディアサービス」' +
        '（2015年の意見募集 意見6への対応で決定）。SMS認証などショートメッセージの意味の SMS は対象外です。',
      en:
        'Flags terms with a decided spelling. Built in: "SMS" meaning social media → 「ソーシャルメディアサービス」 ' +
        '(decided in response to public comment 6 of the 2015 round); SMS meaning short messages (SMS認証 …) is left alone.',
    },
  },
  check: (context: SegmentContext) => findTerminology(context.masked, context.config.terminology),
};
