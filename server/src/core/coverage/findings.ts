/**
 * Diagnostics of coverage on the policy: a section (or article) whose guideline section has 例文
 * clauses the policy lacks gets one information finding naming them, with links to the 例文.
 */
import type { Finding, RelatedLocation } from '../findings';
import { localize, type Locale } from '../i18n/locale';
import { applyRuleSettings, type RuleSettings } from '../config/rule-settings';
import type { CoverageResult } from './coverage';
import type { PolicyContainer } from './clauses';
import { clauseName } from './report';

const COVERAGE_MISSING_CODE = 'coverage-missing-example';
/** New or changed 例文 of a newer guideline version the policy does not reflect (versions-findings.ts). */
export const COVERAGE_UNREFLECTED_CODE = 'coverage-unreflected-example';
/** Configurable codes of coverage (listed in the schema's rules). */
export const COVERAGE_CODES = [COVERAGE_MISSING_CODE, COVERAGE_UNREFLECTED_CODE] as const;

const MESSAGE = {
  ja: '「{section} {title}」の例文のうち {count} 件が対策基準にありません：{clauses}',
  en: '{count} model clause(s) of "{section} {title}" are not in the policy: {clauses}',
};
const RELATED = { ja: '対策基準にない例文', en: 'model clause not in the policy' };

/** Findings on the policy; `guidelineUri` is where the related locations point. */
export function coverageFindings(
  result: CoverageResult,
  guidelineUri: string,
  locale: Locale,
  rules: RuleSettings = {},
): Finding[] {
  const bySection = new Map<string, CoverageResult['clauses'][number][]>();
  for (const clause of result.clauses) {
    if (clause.status !== 'missing') continue;
    const list = bySection.get(clause.example.section) ?? [];
    list.push(clause);
    bySection.set(clause.example.section, list);
  }
  const findings: Finding[] = [];
  for (const [section, missing] of bySection) {
    const container = primaryContainer(result, section);
    if (!container) continue;
    const first = missing[0].example;
    const related: RelatedLocation[] = missing.map((m) => ({
      uri: guidelineUri,
      range: m.example.selectionRange,
      message: `${localize(locale, RELATED)}：${clauseName(m.example, locale)}`,
    }));
    findings.push({
      code: COVERAGE_MISSING_CODE,
      severity: 'information',
      message: localize(locale, MESSAGE, {
        section,
        title: first.sectionTitle,
        count: missing.length,
        clauses: missing.map((m) => clauseName(m.example, locale)).join(locale === 'ja' ? '、' : ', '),
      }),
      range: container.node.selectionRange,
      related,
    });
  }
  return applyRuleSettings(
    findings.sort((a, b) => a.range.start.line - b.range.start.line),
    rules,
  );
}

/** The policy section that stands for a guideline section: the first aligned one. */
export function primaryContainer(result: CoverageResult, section: string): PolicyContainer | null {
  return result.sections.get(section)?.[0] ?? null;
}
