/**
 * `halfwidth-katakana`: half-width katakana (ｶﾀｶﾅ) in prose, a leftover of old systems and PDF
 * extraction; the fix writes the full-width form (ｻｰﾊﾞ → サーバ).
 *
 * A lone ｰ right after full-width katakana is left to `long-vowel-mark`, which reports it as a
 * mistaken long mark, so one character never carries two findings. Half-width corner brackets
 * ｢｣ are the business of `bracket-mismatch`.
 */
import type { SegmentContext, SegmentFinding, SegmentRule } from '../types';
import { isKatakanaWordChar } from '../chars';
import { replacementFinding } from '../replacement';

const HALFWIDTH_KATAKANA = 'halfwidth-katakana';

/** ｡ ､ ･ and ｦ…ﾟ; a run counts only when it holds a kana (not punctuation alone). */
const RUN = /[\uff61\uff64-\uff9f]+/g;
const KANA = /[\uff65-\uff9f]/;
const STANDALONE_MARKS: Record<string, string> = { '\uff9e': '゛', '\uff9f': '゜' };

/** Full-width form of a half-width katakana run, with voiced marks combined (ｶﾞ → ガ). */
export function toFullWidthKatakana(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const ch = run[i];
    const mark = run[i + 1];
    if (mark === '\uff9e' || mark === '\uff9f') {
      const combined = (ch + mark).normalize('NFKC');
      if (combined.length === 1) {
        out += combined;
        i++;
        continue;
      }
    }
    out += STANDALONE_MARKS[ch] ?? ch.normalize('NFKC');
  }
  return out;
}

export function findHalfwidthKatakana(masked: string): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  const re = new RegExp(RUN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(masked))) {
    const run = m[0];
    if (!KANA.test(run)) continue;
    if (/^\uff70+$/.test(run) && isKatakanaWordChar(masked[m.index - 1])) continue;
    const full = toFullWidthKatakana(run);
    findings.push(
      replacementFinding({
        code: HALFWIDTH_KATAKANA,
        start: m.index,
        end: m.index + run.length,
        message: {
          ja: '半角カタカナ「{text}」は全角「{full}」で書きます。',
          en: 'Half-width katakana "{text}": write "{full}".',
        },
        args: { text: run, full },
        replacement: full,
        safe: true,
      }),
    );
  }
  return findings;
}

export const halfwidthKatakanaRule: SegmentRule = {
  wordLevel: true,
  descriptor: {
    code: HALFWIDTH_KATAKANA,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: '半角カタカナ', en: 'Half-width katakana' },
    description: {
      ja: '半角カタカナ（ｶﾀｶﾅ）を指摘し、全角に置き換えます。',
      en: 'Flags half-width katakana (ｶﾀｶﾅ) and replaces it with full-width katakana.',
    },
  },
  check: (context: SegmentContext) => findHalfwidthKatakana(context.masked),
};
