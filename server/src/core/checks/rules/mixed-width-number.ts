/**
 * `mixed-width-number`: a number mixing full-width and half-width digits (3.６.1, (１0)), typical
 * of hand-edited section and item numbers. The fix writes all digits, and the dots between them,
 * in the width most of its digits already have (half-width on a tie, as the guideline numbers
 * sections 3.6.1).
 *
 * Only digits count: （1） with full-width brackets and half-width digits is the guideline's own
 * style and is left alone.
 */
import type { SegmentContext, SegmentFinding, SegmentRule } from '../types';
import { toHalfWidthAscii } from '../../text/width';
import { replacementFinding } from '../replacement';

const MIXED_WIDTH_NUMBER = 'mixed-width-number';

const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)*/g;
const FULL_DIGIT = /[０-９]/g;
const HALF_DIGIT = /[0-9]/g;
/** Most numbers are written in one width: tested without counting (counting allocates arrays). */
const HAS_FULL_DIGIT = /[０-９]/;
const HAS_HALF_DIGIT = /[0-9]/;

function toFullWidth(text: string): string {
  return text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function findMixedWidthNumbers(masked: string): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  // A segment without a full-width digit has no mixed number (most segments).
  if (!HAS_FULL_DIGIT.test(masked)) return findings;
  const re = new RegExp(NUMBER.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const token = m[0];
    if (!HAS_FULL_DIGIT.test(token) || !HAS_HALF_DIGIT.test(token)) continue;
    const full = (token.match(FULL_DIGIT) ?? []).length;
    const half = (token.match(HALF_DIGIT) ?? []).length;
    if (full === 0 || half === 0) continue;
    const half1 = toHalfWidthAscii(token);
    const fixed = full > half ? toFullWidth(half1) : half1;
    findings.push(
      replacementFinding({
        code: MIXED_WIDTH_NUMBER,
        start: m.index,
        end: m.index + token.length,
        message: {
          ja: '番号「{text}」に全角と半角の数字が混在しています。',
          en: 'The number "{text}" mixes full-width and half-width digits.',
        },
        args: { text: token },
        replacement: fixed,
        title: { ja: '「{fixed}」に統一する', en: 'Write "{fixed}"' },
        titleArgs: { fixed },
        safe: true,
      }),
    );
  }
  return findings;
}

export const mixedWidthNumberRule: SegmentRule = {
  descriptor: {
    code: MIXED_WIDTH_NUMBER,
    defaultSeverity: 'information',
    fixable: true,
    title: { ja: '全角・半角が混在した番号', en: 'Number mixing digit widths' },
    description: {
      ja: '「3.６.1」「(１0)」のように全角と半角の数字が混在した番号を指摘し、多い方の幅に揃えます。',
      en: 'Flags numbers mixing full-width and half-width digits such as "3.６.1" or "(１0)" and unifies them.',
    },
  },
  check: (context: SegmentContext) => findMixedWidthNumbers(context.masked),
};
