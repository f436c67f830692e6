/** Every finding of one guideline document, in one place for the server, the CLI and the tests. */
import type { Finding } from '../findings';
import type { Locale } from '../i18n/locale';
import { applyRuleSettings, type RuleSettings } from '../config/rule-settings';
import type { GuidelineDocument } from '../model/document';
import { numberingFindings } from '../model/numbering';
import { xrefFindings } from '../model/xref-check';
import type { GuidelineIndex } from './guideline-index';

export interface FindingOptions {
  readonly locale: Locale;
  readonly rules: RuleSettings;
}

export function guidelineFindings(document: GuidelineDocument, index: GuidelineIndex, options: FindingOptions): Finding[] {
  const findings = [...xrefFindings(document, index, options.locale), ...numberingFindings(document, options.locale)];
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return applyRuleSettings(findings, options.rules);
}
