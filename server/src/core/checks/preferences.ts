/**
 * The preferred katakana spellings in force: the configured ones, overridden by prh rules whose
 * replacement is a katakana word. Kept apart from config.ts (the rule registry) so that rules can
 * use it without an import cycle.
 */
import type { CheckConfig } from './types';

export function effectiveKatakanaPreferences(config: CheckConfig): Record<string, string> {
  const result: Record<string, string> = { ...config.preferredKatakana };
  // prh is on unless configured off (its default, as every rule's).
  if (config.rules.prh?.enabled === false) return result;
  for (const rule of config.prh) {
    if (/^[ァ-ヺー]{3,}$/.test(rule.expected)) result[rule.expected.replace(/ー+$/, '')] = rule.expected;
  }
  return result;
}
