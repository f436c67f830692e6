/**
 * Rule registry, descriptors (for settings and docs) and the default configuration.
 */
import type { CheckConfig, RuleDescriptor, RuleSetting, SegmentRule } from './types';
import { longVowelMarkRule } from './rules/long-vowel-mark';
import { BUILTIN_TERMS, terminologyRule } from './rules/terminology';
import { katakanaVariantDescriptor } from './rules/katakana-variant';
import { halfwidthKatakanaRule } from './rules/halfwidth-katakana';
import { mixedWidthNumberRule } from './rules/mixed-width-number';
import { bracketMismatchRule } from './rules/bracket-mismatch';
import { prhRule } from './rules/prh';
import { OFFICIAL_RULES } from './rules/official';

/** Rules that look at one segment only, in reporting order. */
export const SEGMENT_RULES: readonly SegmentRule[] = [
  longVowelMarkRule,
  terminologyRule,
  halfwidthKatakanaRule,
  mixedWidthNumberRule,
  bracketMismatchRule,
  prhRule,
  ...OFFICIAL_RULES,
];

/** Every rule of the checks, for settings UIs and documentation. */
export const RULE_DESCRIPTORS: readonly RuleDescriptor[] = [
  longVowelMarkRule.descriptor,
  terminologyRule.descriptor,
  katakanaVariantDescriptor,
  halfwidthKatakanaRule.descriptor,
  mixedWidthNumberRule.descriptor,
  bracketMismatchRule.descriptor,
  prhRule.descriptor,
  ...OFFICIAL_RULES.map((r) => r.descriptor),
];

/**
 * Spellings of the 総務省 guideline (サーバ, ユーザ, コンピュータ …: no trailing ー), applied only
 * when a document uses both forms of a word.
 */
export const DEFAULT_PREFERRED_KATAKANA: Readonly<Record<string, string>> = {
  サーバ: 'サーバ',
  ユーザ: 'ユーザ',
  コンピュータ: 'コンピュータ',
  セキュリティ: 'セキュリティ',
  プリンタ: 'プリンタ',
  メモリ: 'メモリ',
  ルータ: 'ルータ',
  データ: 'データ',
  フォルダ: 'フォルダ',
  ブラウザ: 'ブラウザ',
};

export function defaultCheckConfig(): CheckConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const d of RULE_DESCRIPTORS) rules[d.code] = { enabled: !d.defaultOff, severity: d.defaultSeverity };
  return { rules, terminology: BUILTIN_TERMS, prh: [], preferredKatakana: { ...DEFAULT_PREFERRED_KATAKANA } };
}

/** The rule's setting, falling back to the descriptor's default for codes the config omits. */
export function ruleSetting(config: CheckConfig, code: string): RuleSetting {
  const setting = config.rules[code];
  if (setting) return setting;
  const descriptor = RULE_DESCRIPTORS.find((d) => d.code === code);
  return { enabled: !descriptor?.defaultOff, severity: descriptor?.defaultSeverity ?? 'warning' };
}

/** Whether an enabled rule needs the morphological analyser (the host then loads it). */
export function needsMorphology(config: CheckConfig): boolean {
  return RULE_DESCRIPTORS.some((d) => d.morphological && ruleSetting(config, d.code).enabled);
}

/**
 * Katakana preferences in effect: the settings, overridden by prh rules whose `expected` is a
 * katakana word (otherwise fix-all would turn サーバ into サーバー for prh and back for
 * `katakana-variant` forever).
 */
export { effectiveKatakanaPreferences } from './preferences';
