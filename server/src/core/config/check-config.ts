/**
 * The checks' configuration from what users set: rule severities (`guideline.rules` and the
 * project file), preferred katakana spellings and the rules of loaded prh dictionaries. Built
 * once per settings change: the checks cache their results per configuration object.
 */
import { defaultCheckConfig, RULE_DESCRIPTORS } from '../checks/config';
import type { CheckConfig, CompiledPrhRule, OfficialSettings, RuleSetting as CheckRuleSetting } from '../checks/types';
import type { MorphTokenizer } from '../checks/morph/types';
import { DEFAULT_OFFICIAL_SETTINGS } from '../checks/rules/official/profile';
import type { RuleSettings } from './rule-settings';

export function toCheckConfig(
  rules: RuleSettings,
  preferredKatakana: Readonly<Record<string, string>>,
  prh: readonly CompiledPrhRule[],
  official: Partial<OfficialSettings> = {},
  tokenizer?: MorphTokenizer,
): CheckConfig {
  const base = defaultCheckConfig();
  const checkRules: Record<string, CheckRuleSetting> = { ...base.rules };
  for (const descriptor of RULE_DESCRIPTORS) {
    const setting = rules[descriptor.code];
    if (setting === 'off') checkRules[descriptor.code] = { enabled: false, severity: descriptor.defaultSeverity };
    else if (setting) checkRules[descriptor.code] = { enabled: true, severity: setting };
  }
  return {
    ...base,
    rules: checkRules,
    prh,
    preferredKatakana: { ...base.preferredKatakana, ...preferredKatakana },
    official: { ...DEFAULT_OFFICIAL_SETTINGS, ...official },
    ...(tokenizer ? { tokenizer } : {}),
  };
}
