/**
 * Diagnostics of coverage across versions on the policy: a section (or article) whose guideline
 * section has 例文 new or changed since the older version that the policy does not reflect gets one
 * information finding naming them; a policy clause that still carries a deleted 例文 gets one too.
 */
import type { Finding, RelatedLocation } from '../findings';
import { localize, type Locale, type Localized } from '../i18n/locale';
import { applyRuleSettings, type RuleSettings } from '../config/rule-settings';
import type { GuidelineDocument } from '../model/document';
import { COVERAGE_UNREFLECTED_CODE, primaryContainer } from './findings';
import { clauseName } from './report';
import { verdictLabel } from './versions-report';
import type { VersionedClause, VersionedCoverage } from './versions';

const MESSAGES = {
  section: {
    ja: '「{section} {title}」の例文のうち、{old}から新設・変更された {count} 件が対策基準に反映されていません：{clauses}',
    en: '{count} model clause(s) of "{section} {title}" new or changed since {old} are not reflected in the policy: {clauses}',
  },
  related: { ja: '未反映の例文', en: 'model clause not reflected' },
  deleted: {
    ja: 'この条項の例文（{section} {name}）は{old}の後の改定で削除されています',
    en: 'The model clause of this clause ({section} {name}) was deleted after {old}',
  },
} satisfies Record<string, Localized>;

/** Findings on the policy; `guidelineUri` is where the related locations point. */
export function versionFindings(
  versions: VersionedCoverage,
  policy: GuidelineDocument,
  guidelineUri: string,
  /** The older version's label (令和4年3月版). */
  oldLabel: string,
  locale: Locale,
  rules: RuleSettings = {},
): Finding[] {
  const bySection = new Map<string, VersionedClause[]>();
  for (const clause of versions.clauses) {
    if (clause.reflected) continue;
    const section = clause.coverage.example.section;
    bySection.set(section, [...(bySection.get(section) ?? []), clause]);
  }
  const separator = locale === 'ja' ? '、' : ', ';
  const findings: Finding[] = [];
  // A section new in the newer version has no policy section yet: its finding goes on the title.
  const fallback = policy.root.children[0]?.selectionRange ?? policy.lines.rangeOf(0, 0);
  for (const [section, clauses] of bySection) {
    // The policy follows the older numbering: its section is the old counterpart's (3.6.4 was 3.6.3).
    const old = versions.alignment.rowOf(clauses[0].coverage.example.sectionNode)?.old?.node.number;
    const container = old ? primaryContainer(versions.previous, old) : null;
    const first = clauses[0].coverage.example;
    const related: RelatedLocation[] = clauses.map((c) => ({
      uri: guidelineUri,
      range: c.coverage.example.selectionRange,
      message: `${localize(locale, MESSAGES.related)}：${clauseName(c.coverage.example, locale)}`,
    }));
    const named = clauses.map((c) => {
      const verdict = verdictLabel(c, locale);
      return `${clauseName(c.coverage.example, locale)}${locale === 'ja' ? `（${verdict}）` : ` (${verdict})`}`;
    });
    findings.push({
      code: COVERAGE_UNREFLECTED_CODE,
      severity: 'information',
      message: localize(locale, MESSAGES.section, {
        section,
        title: first.sectionTitle,
        old: oldLabel,
        count: clauses.length,
        clauses: named.join(separator),
      }),
      range: container?.node.selectionRange ?? fallback,
      related,
    });
  }
  for (const d of versions.deleted)
    findings.push({
      code: COVERAGE_UNREFLECTED_CODE,
      severity: 'information',
      message: localize(locale, MESSAGES.deleted, {
        section: d.old.section,
        name: clauseName(d.old, locale),
        old: oldLabel,
      }),
      range: d.policy.selectionRange,
    });
  return applyRuleSettings(
    findings.sort((a, b) => a.range.start.line - b.range.start.line),
    rules,
  );
}
