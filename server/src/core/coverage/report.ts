/**
 * Coverage as data and as a report: the JSON contract of `guideline coverage --json`, and a
 * table (section, 例文, policy clause, status, diff) in Markdown or HTML that a municipal auditor
 * can hand to a committee.
 */
import { localize, type Locale, type Localized } from '../i18n/locale';
import type { Range } from '../text/position';
import type { DiffSpan } from '../revisions/char-diff';
import type { ExampleClause, PolicyClause } from './clauses';
import type { ClauseCoverage, CoverageResult, CoverageStatus } from './coverage';

interface PolicyClauseJson {
  readonly path: readonly string[];
  readonly range: Range;
  readonly label: string;
}

export interface CoverageJson {
  readonly clauses: readonly {
    readonly guideline: { readonly section: string; readonly path: readonly string[]; readonly text: string };
    readonly status: CoverageStatus;
    readonly policy: PolicyClauseJson | null;
    readonly similarity: number;
  }[];
  readonly extra: readonly { readonly policy: PolicyClauseJson }[];
  readonly summary: {
    readonly covered: number;
    readonly modified: number;
    readonly missing: number;
    readonly extra: number;
  };
}

export const policyJson = (clause: PolicyClause): PolicyClauseJson => ({
  path: clause.path,
  range: clause.range,
  label: clause.label,
});

export function coverageJson(result: CoverageResult): CoverageJson {
  return {
    clauses: result.clauses.map((c) => ({
      guideline: { section: c.example.section, path: c.example.path, text: c.example.text },
      status: c.status,
      policy: c.policy ? policyJson(c.policy) : null,
      similarity: c.similarity,
    })),
    extra: result.extra.map((p) => ({ policy: policyJson(p) })),
    summary: result.summary,
  };
}

export const STATUS_LABELS: Record<CoverageStatus | 'extra', Localized> = {
  covered: { ja: '反映済み', en: 'covered' },
  modified: { ja: '変更あり', en: 'modified' },
  missing: { ja: '未反映', en: 'missing' },
  extra: { ja: '独自規定', en: 'extra' },
};

/** A 例文 clause as people name it: `(2)③`, `（例文）第2段落`. */
export function clauseName(example: ExampleClause, locale: Locale): string {
  const rest = example.path.slice(2).map((p) => p.replace(/^¶(\d+)$/, locale === 'ja' ? '第$1段落' : '¶$1'));
  return rest.length > 0 ? rest.join('') : locale === 'ja' ? '例文' : 'model clause';
}

const HEADERS: Localized[] = [
  { ja: '節', en: 'Section' },
  { ja: '例文', en: 'Model clause' },
  { ja: '対策基準の条項', en: 'Policy clause' },
  { ja: '状況', en: 'Status' },
  { ja: '相違（削除・追加）', en: 'Difference (removed, added)' },
];

const TEXT = {
  title: { ja: '例文との対応', en: 'Coverage of the model clauses' },
  source: { ja: 'ガイドライン：{guideline}　対策基準：{policy}', en: 'Guideline: {guideline}; policy: {policy}' },
  summary: {
    ja: '反映済み {covered} 件、変更あり {modified} 件、未反映 {missing} 件、独自規定 {extra} 件',
    en: '{covered} covered, {modified} modified, {missing} missing, {extra} extra',
  },
  prefix: {
    ja: '番号の対応：ガイドラインの {guideline}.x.y → 対策基準の {policy}―x―y',
    en: 'Numbering: the guideline’s {guideline}.x.y → the policy’s {policy}-x-y',
  },
  extra: { ja: '独自規定（例文にない条項）', en: 'Extra clauses (not in the model clauses)' },
} satisfies Record<string, Localized>;

export interface ReportInput {
  readonly result: CoverageResult;
  readonly guidelineName: string;
  readonly policyName: string;
  readonly locale: Locale;
  /** Further sections, already rendered in the report's format, after the table (versions). */
  readonly sections?: readonly string[];
}

/** One line of text for a table cell: line breaks as spaces, long texts cut. */
export function cell(text: string, max = 120): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return Array.from(flat).length > max ? `${Array.from(flat).slice(0, max).join('')}…` : flat;
}

export const escapeMd = (text: string): string => text.replace(/([|\\*_`[\]<>~])/g, '\\$1');

export function diffMarkdown(diff: readonly DiffSpan[] | undefined): string {
  if (!diff) return '';
  return diff
    .filter((s) => s.kind !== 'same')
    .map((s) => (s.kind === 'removed' ? `~~${escapeMd(cell(s.text, 40))}~~` : `**${escapeMd(cell(s.text, 40))}**`))
    .join(' ');
}

function rowCells(row: ClauseCoverage, locale: Locale): [string, string, string, string] {
  return [
    `${row.example.section} ${row.example.sectionTitle}`,
    `${clauseName(row.example, locale)} ${cell(row.example.text)}`,
    row.policy?.label ?? '—',
    localize(locale, STATUS_LABELS[row.status]),
  ];
}

export function coverageMarkdown({ result, guidelineName, policyName, locale, sections = [] }: ReportInput): string {
  const lines: string[] = [
    `# ${localize(locale, TEXT.title)}`,
    '',
    localize(locale, TEXT.source, { guideline: guidelineName, policy: policyName }),
    '',
    `${localize(locale, TEXT.summary, result.summary)}`,
  ];
  if (result.prefix) lines.push('', localize(locale, TEXT.prefix, { ...result.prefix }));
  lines.push('', `| ${HEADERS.map((h) => localize(locale, h)).join(' | ')} |`, `|${'---|'.repeat(HEADERS.length)}`);
  for (const row of result.clauses) {
    const cells = rowCells(row, locale).map(escapeMd);
    lines.push(`| ${[...cells, diffMarkdown(row.diff)].join(' | ')} |`);
  }
  for (const section of sections) lines.push('', section.replace(/\n$/, ''));
  if (result.extra.length > 0) {
    lines.push('', `## ${localize(locale, TEXT.extra)}`, '');
    for (const extra of result.extra) lines.push(`- ${escapeMd(extra.label)}：${escapeMd(cell(extra.text))}`);
  }
  return `${lines.join('\n')}\n`;
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function diffHtml(diff: readonly DiffSpan[] | undefined): string {
  if (!diff) return '';
  return diff
    .map((s) =>
      s.kind === 'same'
        ? escapeHtml(s.text)
        : s.kind === 'removed'
          ? `<del>${escapeHtml(s.text)}</del>`
          : `<ins>${escapeHtml(s.text)}</ins>`,
    )
    .join('');
}

/** A standalone HTML page (no scripts, printable) with the same table; modified rows show the whole diff. */
export function coverageHtml({ result, guidelineName, policyName, locale, sections = [] }: ReportInput): string {
  const head = HEADERS.map((h) => `<th>${escapeHtml(localize(locale, h))}</th>`).join('');
  const rows = result.clauses.map((row) => {
    const cells = rowCells(row, locale).map((c) => `<td>${escapeHtml(c)}</td>`);
    return `<tr class="${row.status}">${cells.join('')}<td class="diff">${diffHtml(row.diff)}</td></tr>`;
  });
  const extra =
    result.extra.length > 0
      ? `<h2>${escapeHtml(localize(locale, TEXT.extra))}</h2>\n<ul>\n${result.extra
          .map((e) => `<li>${escapeHtml(e.label)}：${escapeHtml(cell(e.text))}</li>`)
          .join('\n')}\n</ul>`
      : '';
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(localize(locale, TEXT.title))}</title>
<style>
body { font-family: sans-serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
tr.missing td:nth-child(4) { color: #b00020; font-weight: bold; }
tr.modified td:nth-child(4) { color: #8a5a00; font-weight: bold; }
tr.unreflected td.status { color: #b00020; font-weight: bold; }
del { background: #fdd; } ins { background: #dfd; text-decoration: none; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(localize(locale, TEXT.title))}</h1>
<p>${escapeHtml(localize(locale, TEXT.source, { guideline: guidelineName, policy: policyName }))}</p>
<p>${escapeHtml(localize(locale, TEXT.summary, result.summary))}</p>
${result.prefix ? `<p>${escapeHtml(localize(locale, TEXT.prefix, { ...result.prefix }))}</p>\n` : ''}<table>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${sections.map((section) => `${section}\n`).join('')}${extra}
</body>
</html>
`;
}
