/**
 * `prh`: the rules of the user's prh dictionaries (loaded by `prh/load.ts`), run on prose only.
 * A match that touches code, a URL or another non-prose part is skipped, as is a match whose
 * replacement equals the text (prh makes no change there either).
 */
import type { SegmentContext, SegmentFinding, SegmentRule } from '../types';
import type { CompiledPrhRule } from '../prh/types';
import { DEFAULT_PRH_LIMITS, matchPrhRule } from '../prh/match';
import { replacementFinding } from '../replacement';

const PRH = 'prh';

/** Upper bound of prh findings per segment, whatever the dictionaries. */
const MAX_FINDINGS_PER_SEGMENT = 1000;

export function findPrhMatches(text: string, masked: string, rules: readonly CompiledPrhRule[]): SegmentFinding[] {
  const findings: SegmentFinding[] = [];
  for (const rule of rules) {
    for (const m of matchPrhRule(rule, masked, DEFAULT_PRH_LIMITS)) {
      if (m.replacement === m.matched) continue;
      if (text.slice(m.start, m.end) !== m.matched) continue;
      findings.push(
        replacementFinding({
          code: PRH,
          start: m.start,
          end: m.end,
          message: rule.note
            ? { ja: '「{actual}」→「{expected}」（{note}）', en: '"{actual}" → "{expected}" ({note})' }
            : { ja: '「{actual}」→「{expected}」', en: '"{actual}" → "{expected}"' },
          args: { actual: m.matched, expected: m.replacement, ...(rule.note ? { note: rule.note } : {}) },
          replacement: m.replacement,
          safe: !rule.selfMatching,
          data: { ruleId: rule.id, uri: rule.uri, range: rule.range },
        }),
      );
      if (findings.length >= MAX_FINDINGS_PER_SEGMENT) return findings;
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

export const prhRule: SegmentRule = {
  wordLevel: true,
  descriptor: {
    code: PRH,
    defaultSeverity: 'warning',
    fixable: true,
    title: { ja: 'prh 辞書', en: 'prh dictionary' },
    description: {
      ja: 'prh 形式（textlint-rule-prh と同じ YAML）の表記ゆれ辞書に従って指摘します。',
      en: 'Flags spellings listed in prh dictionaries (the YAML format of textlint-rule-prh).',
    },
  },
  check: (context: SegmentContext) => findPrhMatches(context.text, context.masked, context.config.prh),
};
