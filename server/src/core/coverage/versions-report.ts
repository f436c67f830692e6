/**
 * Coverage across versions as data and as a report section: the JSON of `guideline coverage --since`
 * (each clause's `change` and `reflected`, the deleted 例文 still in the policy, `summary.unreflected`)
 * and the section 「新設・変更された例文の反映状況」 of the Markdown and HTML reports.
 */
import { localize, type Locale, type Localized } from '../i18n/locale';
import type { ExampleClause } from './clauses';
import { clauseName, coverageJson, cell, diffHtml, diffMarkdown, escapeHtml, escapeMd, policyJson } from './report';
import type { CoverageJson } from './report';
import type { UnreflectedReason, VersionChange, VersionedClause, VersionedCoverage } from './versions';

type ClauseJson = CoverageJson['clauses'][number];
type GuidelineJson = ClauseJson['guideline'];

export interface VersionedCoverageJson {
  readonly clauses: readonly (ClauseJson & {
    readonly change: VersionChange;
    readonly reflected: boolean;
    readonly reason: UnreflectedReason | null;
    readonly old: GuidelineJson | null;
  })[];
  readonly extra: CoverageJson['extra'];
  /** 例文 of the older version deleted in the newer one that the policy still carries. */
  readonly deleted: readonly { readonly guideline: GuidelineJson; readonly policy: ClauseJson['policy'] }[];
  readonly summary: CoverageJson['summary'] & {
    readonly new: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly unreflected: number;
    readonly deletedRemaining: number;
  };
}

const guidelineJson = (c: ExampleClause): GuidelineJson => ({ section: c.section, path: c.path, text: c.text });

export function versionedCoverageJson(versions: VersionedCoverage): VersionedCoverageJson {
  const plain = coverageJson(versions.current);
  return {
    clauses: plain.clauses.map((c, i) => {
      const v = versions.clauses[i];
      return { ...c, change: v.change, reflected: v.reflected, reason: v.reason, old: v.old && guidelineJson(v.old) };
    }),
    extra: plain.extra,
    deleted: versions.deleted.map((d) => ({ guideline: guidelineJson(d.old), policy: policyJson(d.policy) })),
    summary: { ...plain.summary, ...versions.summary },
  };
}

const CHANGE_LABELS: Record<Exclude<VersionChange, 'unchanged'>, Localized> = {
  new: { ja: '新設', en: 'new' },
  changed: { ja: '変更', en: 'changed' },
};

const REFLECTION_LABELS: Record<UnreflectedReason | 'reflected', Localized> = {
  reflected: { ja: '反映済み', en: 'reflected' },
  'old-wording': { ja: '未反映（旧文のまま）', en: 'not reflected (old wording)' },
  missing: { ja: '未反映（対策基準にない）', en: 'not reflected (not in the policy)' },
};

export const reflectionLabel = (clause: VersionedClause, locale: Locale): string =>
  localize(locale, REFLECTION_LABELS[clause.reason ?? 'reflected']);

/** The change and the verdict of a new or changed clause: 変更・未反映（旧文のまま）, `changed, not reflected (…)`. */
export const verdictLabel = (clause: VersionedClause, locale: Locale): string =>
  `${localize(locale, CHANGE_LABELS[clause.change as 'new' | 'changed'])}${locale === 'ja' ? '・' : ', '}${reflectionLabel(clause, locale)}`;

const TEXT = {
  title: { ja: '新設・変更された例文の反映状況', en: 'New and changed model clauses' },
  versions: {
    ja: '{old} から {new} への改定で新設・変更された例文 {count} 件のうち、未反映 {unreflected} 件',
    en: '{count} model clause(s) new or changed from {old} to {new}; {unreflected} not reflected',
  },
  none: { ja: '新設・変更された例文はありません。', en: 'No model clause is new or changed.' },
  deleted: { ja: '削除された例文が残っているもの', en: 'Deleted model clauses still in the policy' },
  renumbered: { ja: '旧 {old}：', en: 'formerly {old}: ' },
} satisfies Record<string, Localized>;

const HEADERS: Localized[] = [
  { ja: '節', en: 'Section' },
  { ja: '区分', en: 'Change' },
  { ja: '例文（新）', en: 'Model clause (new)' },
  { ja: '旧文・相違', en: 'Old text, difference' },
  { ja: '対策基準の条項', en: 'Policy clause' },
  { ja: '状況', en: 'Status' },
];

export interface VersionsSectionInput {
  readonly versions: VersionedCoverage;
  /** Names of the versions compared: `令和4年3月版`, `guideline-r6.md`. */
  readonly oldName: string;
  readonly newName: string;
  readonly locale: Locale;
}

const listed = (versions: VersionedCoverage): VersionedClause[] =>
  versions.clauses.filter((c) => c.change !== 'unchanged');

function cells(c: VersionedClause, locale: Locale): [string, string, string, string, string] {
  const example = c.coverage.example;
  return [
    `${example.section} ${example.sectionTitle}`,
    localize(locale, CHANGE_LABELS[c.change as 'new' | 'changed']),
    `${clauseName(example, locale)} ${cell(example.text)}`,
    c.policy?.label ?? '—',
    reflectionLabel(c, locale),
  ];
}

/** 「旧 3.6.3 (2)：」 when the clause had another number in the older version. */
function renumbered(c: VersionedClause, locale: Locale): string {
  if (!c.old || c.old.path.join('/') === c.coverage.example.path.join('/')) return '';
  return localize(locale, TEXT.renumbered, { old: `${c.old.section} ${clauseName(c.old, locale)}` });
}

function summaryLine({ versions, oldName, newName, locale }: VersionsSectionInput): string {
  const count = listed(versions).length;
  if (count === 0) return localize(locale, TEXT.none);
  return localize(locale, TEXT.versions, {
    old: oldName,
    new: newName,
    count,
    unreflected: versions.summary.unreflected,
  });
}

/** The Markdown section: a table of the new and changed 例文, then the deleted ones still adopted. */
export function versionsMarkdown(input: VersionsSectionInput): string {
  const { versions, locale } = input;
  const lines = [`## ${localize(locale, TEXT.title)}`, '', summaryLine(input)];
  const rows = listed(versions);
  if (rows.length > 0) {
    lines.push('', `| ${HEADERS.map((h) => localize(locale, h)).join(' | ')} |`, `|${'---|'.repeat(HEADERS.length)}`);
    for (const c of rows) {
      const [section, change, example, policy, status] = cells(c, locale).map(escapeMd);
      const moved = escapeMd(renumbered(c, locale));
      lines.push(`| ${[section, change, example, moved + diffMarkdown(c.diff), policy, status].join(' | ')} |`);
    }
  }
  if (versions.deleted.length > 0) {
    lines.push('', `### ${localize(locale, TEXT.deleted)}`, '');
    for (const d of versions.deleted)
      lines.push(
        `- ${escapeMd(`${d.old.section} ${clauseName(d.old, locale)}`)} → ${escapeMd(d.policy.label)}：${escapeMd(cell(d.old.text))}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The same section in HTML: changed rows show the whole diff from the old text. */
export function versionsHtml(input: VersionsSectionInput): string {
  const { versions, locale } = input;
  const parts = [`<h2>${escapeHtml(localize(locale, TEXT.title))}</h2>`, `<p>${escapeHtml(summaryLine(input))}</p>`];
  const rows = listed(versions);
  if (rows.length > 0) {
    const head = HEADERS.map((h) => `<th>${escapeHtml(localize(locale, h))}</th>`).join('');
    const body = rows.map((c) => {
      const [section, change, example, policy, status] = cells(c, locale).map(escapeHtml);
      const old = escapeHtml(renumbered(c, locale)) + (c.diff ? diffHtml(c.diff) : '');
      const kind = c.reflected ? 'reflected' : 'unreflected';
      return `<tr class="${c.change} ${kind}"><td>${section}</td><td>${change}</td><td>${example}</td><td class="diff">${old}</td><td>${policy}</td><td class="status">${status}</td></tr>`;
    });
    parts.push(`<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`);
  }
  if (versions.deleted.length > 0) {
    const items = versions.deleted.map(
      (d) =>
        `<li>${escapeHtml(`${d.old.section} ${clauseName(d.old, locale)}`)} → ${escapeHtml(d.policy.label)}：${escapeHtml(cell(d.old.text))}</li>`,
    );
    parts.push(`<h3>${escapeHtml(localize(locale, TEXT.deleted))}</h3>\n<ul>\n${items.join('\n')}\n</ul>`);
  }
  return parts.join('\n');
}
