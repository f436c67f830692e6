/**
 * Rule 2 of issue 17, `official-conjunction-level`: the 法令 convention for levels of joining
 * (「公用文作成の考え方」, 法制執務): 及び joins at the lowest level and 並びに only above a 及び level;
 * 又は joins at the highest level and 若しくは only below a 又は level. So within one sentence,
 * 並びに without any 及び should be 及び, and 若しくは without any 又は should be 又は.
 *
 * Only flagged, never fixed: whether the sentence lacks the lower conjunction or misuses the upper
 * one is the writer's call. Text in 「」『』 (quoted titles of laws, quotations) is not the writer's
 * sentence and is skipped; a sentence ends at 。 or at a blank line.
 */
import type { SegmentContext, SegmentFinding, SegmentRule } from '../../types';
import { paragraphRanges } from '../../paragraphs';

const OFFICIAL_CONJUNCTION_LEVEL = 'official-conjunction-level';

/** The sentence with quoted text blanked out (same length). */
function unquoted(sentence: string): string {
  let depth = 0;
  let out = '';
  for (const ch of sentence) {
    if (ch === '「' || ch === '『') depth++;
    const hidden = depth > 0;
    if ((ch === '」' || ch === '』') && depth > 0) depth--;
    out += hidden ? ' '.repeat(ch.length) : ch;
  }
  return out;
}

function sentences(masked: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [ps, pe] of paragraphRanges(masked)) {
    let start = ps;
    for (let i = ps; i < pe; i++) {
      if (masked[i] === '。') {
        out.push([start, i + 1]);
        start = i + 1;
      }
    }
    if (start < pe) out.push([start, pe]);
  }
  return out;
}

function findConjunctionLevels(masked: string): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  if (!masked.includes('並びに') && !masked.includes('若しくは')) return findings;
  for (const [s, e] of sentences(masked)) {
    const raw = masked.slice(s, e);
    if (!raw.includes('並びに') && !raw.includes('若しくは')) continue;
    const sentence = unquoted(raw);
    if (sentence.includes('並びに') && !sentence.includes('及び')) {
      for (let at = sentence.indexOf('並びに'); at >= 0; at = sentence.indexOf('並びに', at + 3)) {
        findings.push({
          code: OFFICIAL_CONJUNCTION_LEVEL,
          start: s + at,
          end: s + at + 3,
          message: {
            ja: '「並びに」は「及び」で結んだ語句をさらに大きく結ぶときに使います。この文には「及び」がないため、「及び」にするか、結び方を見直してください。',
            en: '「並びに」 joins groups already joined by 「及び」; this sentence has no 「及び」: use 「及び」 or restructure.',
          },
          args: { actual: '並びに', expected: '及び' },
        });
      }
    }
    if (sentence.includes('若しくは') && !sentence.includes('又は')) {
      for (let at = sentence.indexOf('若しくは'); at >= 0; at = sentence.indexOf('若しくは', at + 4)) {
        findings.push({
          code: OFFICIAL_CONJUNCTION_LEVEL,
          start: s + at,
          end: s + at + 4,
          message: {
            ja: '「若しくは」は「又は」で結ぶ大きな選択の中の小さな選択に使います。この文には「又は」がないため、「又は」にするか、結び方を見直してください。',
            en: '「若しくは」 joins choices inside a larger choice joined by 「又は」; this sentence has no 「又は」: use 「又は」 or restructure.',
          },
          args: { actual: '若しくは', expected: '又は' },
        });
      }
    }
  }
  return findings;
}

export const officialConjunctionLevelRule: SegmentRule = {
  descriptor: {
    code: OFFICIAL_CONJUNCTION_LEVEL,
    defaultSeverity: 'warning',
    fixable: false,
    title: { ja: '及び・並びに／又は・若しくは の段階', en: 'Levels of 及び/並びに and 又は/若しくは' },
    description: {
      ja: '一つの文で「及び」のない「並びに」、「又は」のない「若しくは」を指摘します（法令の用法）。修正は文脈によるため自動では直しません。',
      en: 'Flags 「並びに」 in a sentence without 「及び」 and 「若しくは」 without 「又は」 (the statutory usage). Not fixed automatically.',
    },
  },
  check: (context: SegmentContext) => findConjunctionLevels(context.masked),
};
