/**
 * Per-rule severity and on/off, from the editor settings and the project configuration file.
 * Codes are the stable interface users configure by.
 */
import type { Finding, Severity } from '../findings';

export type RuleSetting = Severity | 'off';
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

const VALID = new Set<RuleSetting>(['error', 'warning', 'information', 'hint', 'off']);

export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === 'string' && VALID.has(value as RuleSetting);
}

/** Drops findings of rules turned off and applies configured severities. */
export function applyRuleSettings(findings: readonly Finding[], settings: RuleSettings): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = settings[finding.code];
    if (setting === 'off') continue;
    out.push(setting && setting !== finding.severity ? { ...finding, severity: setting } : finding);
  }
  return out;
}
