/**
 * Coverage of a municipal policy in the editor: hover on a policy clause (its 例文, （解説） and the
 * public comments on it), go to definition to the 例文, an information diagnostic on policy sections
 * whose guideline section has missing 例文, and the `guideline/coverage` request behind the
 * 「例文との対応」 view. The guideline is `policy.guideline` of the project file, else the workspace's
 * document with the most 例文 clauses.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Connection, Diagnostic, Hover, Location, Position } from 'vscode-languageserver/node';
import type { GuidelineDocument } from '../../core/model/document';
import { computeCoverage, type ClauseCoverage, type CoverageResult } from '../../core/coverage/coverage';
import type { PolicyClause } from '../../core/coverage/clauses';
import { computeVersionedCoverage, type VersionedClause, type VersionedCoverage } from '../../core/coverage/versions';
import { versionFindings } from '../../core/coverage/versions-findings';
import { reflectionLabel } from '../../core/coverage/versions-report';
import { versionsViewGroup } from '../../core/coverage/versions-view';
import type { Alignment } from '../../core/revisions/align';
import { coverageFindings } from '../../core/coverage/findings';
import { clauseName, STATUS_LABELS } from '../../core/coverage/report';
import {
  clausesAt,
  coverageViewSections,
  explanationOf,
  guidelineForPolicy,
  looksLikePolicy,
} from '../../core/coverage/policy';
import { shorten } from '../../core/text/shorten';
import { DISPOSITION_LABELS } from '../../core/comments/disposition';
import { localize, type Locale } from '../../core/i18n/locale';
import { uriAtPosition } from '../../core/text/position';
import { toDiagnostic } from '../convert';
import { CoverageRequest, type CoverageViewResult } from '../../protocol/protocol';
import { URI } from '../uri';
import type { ServerState } from '../state';
import type { Guard } from '../guard';

const MESSAGES = {
  heading: { ja: '例文との対応：{status}', en: 'Model clause: {status}' },
  example: { ja: '【例文】{section} {title} {name}', en: '【例文】{section} {title} {name}' },
  diff: { ja: '相違', en: 'Difference' },
  explanation: { ja: '（解説）', en: '(Explanation)' },
  comments: { ja: 'この節への意見 {count}件', en: '{count} public comments on this section' },
  onClause: { ja: '（この例文）', en: ' (this clause)' },
  changed: { ja: '{old}から変更された例文です（{status}）', en: 'Changed since {old} ({status})' },
  isNew: { ja: '{old}以降に新設された例文です（{status}）', en: 'New since {old} ({status})' },
  versionDiff: { ja: '{old}からの改正', en: 'Revision since {old}' },
  deleted: {
    ja: 'この条項の例文は{old}の後の改定で削除されています',
    en: 'The model clause of this clause was deleted after {old}',
  },
  oldExample: { ja: '【例文】（{old}）{section} {name}', en: '【例文】({old}) {section} {name}' },
} as const;

interface Computed {
  readonly guideline: GuidelineDocument;
  readonly substitutions: unknown;
  readonly result: CoverageResult;
  readonly isPolicy: boolean;
  /** Coverage across versions, made when first asked for, per alignment of the versions. */
  versions?: { readonly alignment: Alignment; readonly label: string; readonly value: VersionedCoverage };
}

/** The older version a guideline is compared with (label and alignment), if any. */
export type VersionSource = (guideline: GuidelineDocument) => { label: string; alignment: Alignment } | null;

export class PolicyCoverage {
  private readonly cache = new WeakMap<GuidelineDocument, Computed>();

  constructor(
    private readonly state: ServerState,
    private readonly versionOf: VersionSource = () => null,
  ) {}

  /** Coverage of `policy` across the guideline's versions, when a version is configured. */
  private versionsOf(computed: Computed, policy: GuidelineDocument): Computed['versions'] | null {
    const source = this.versionOf(computed.guideline);
    if (!source) return null;
    if (computed.versions?.alignment === source.alignment) return computed.versions;
    const value = computeVersionedCoverage(source.alignment.oldDocument, computed.guideline, policy, {
      substitutions: this.state.project.config.policy?.substitutions,
      alignment: source.alignment,
      current: computed.result,
    });
    return (computed.versions = { alignment: source.alignment, label: source.label, value });
  }

  /** The guideline the project file names (policy.guideline), if it is read. */
  private namedGuideline(): GuidelineDocument | null {
    const named = this.state.project.config.policy?.guideline;
    const configPath = this.state.project.configPath;
    if (!named || !configPath) return null;
    const path = isAbsolute(named) ? named : resolve(dirname(configPath), named);
    return this.state.guideline(URI.fromPath(path)) ?? null;
  }

  /** Coverage of `policy`, once per version of it, of its guideline and of the settings. */
  coverageOf(policy: GuidelineDocument): Computed | null {
    const named = this.namedGuideline();
    const guideline = guidelineForPolicy(policy, named ? [] : this.state.allGuidelines(), named);
    if (!guideline) return null;
    const substitutions = this.state.project.config.policy?.substitutions;
    const cached = this.cache.get(policy);
    if (cached && cached.guideline === guideline && cached.substitutions === substitutions) return cached;
    const result = computeCoverage(guideline, policy, { substitutions });
    const computed = { guideline, substitutions, result, isPolicy: looksLikePolicy(result, named !== null) };
    this.cache.set(policy, computed);
    return computed;
  }

  private policyCoverage(policy: GuidelineDocument): Computed | null {
    const computed = this.coverageOf(policy);
    return computed?.isPolicy ? computed : null;
  }

  diagnostics(policy: GuidelineDocument): Diagnostic[] {
    const computed = this.policyCoverage(policy);
    if (!computed) return [];
    const { locale, settings } = this.state;
    const findings = coverageFindings(computed.result, computed.guideline.uri, locale, settings.rules);
    const versions = this.versionsOf(computed, policy);
    if (versions) {
      findings.push(
        ...versionFindings(versions.value, policy, computed.guideline.uri, versions.label, locale, settings.rules),
      );
    }
    return findings.map(toDiagnostic);
  }

  definition(policy: GuidelineDocument, position: Position): Location[] | null {
    const computed = this.policyCoverage(policy);
    if (!computed) return null;
    const rows = clausesAt(computed.result, policy.lines.offsetAt(position));
    if (rows.length === 0) return null;
    return rows.map((r) => ({ uri: computed.guideline.uri, range: r.example.range }));
  }

  hover(policy: GuidelineDocument, position: Position): Hover | null {
    const computed = this.policyCoverage(policy);
    if (!computed) return null;
    const offset = policy.lines.offsetAt(position);
    const rows = clausesAt(computed.result, offset);
    const locale = this.state.locale;
    const versions = this.versionsOf(computed, policy);
    const deleted = versions ? this.deletedMarkdown(versions, offset) : null;
    if (rows.length === 0)
      return deleted
        ? { range: policy.lines.rangeOf(deleted.policy.start, deleted.policy.end), contents: markdown(deleted.value) }
        : null;
    const parts = rows.map((row) => {
      const markdown = this.rowMarkdown(computed.guideline, row, locale);
      const change = versions?.value.clauses[computed.result.clauses.indexOf(row)];
      if (!versions || !change || change.change === 'unchanged') return markdown;
      return `${markdown}\n\n${changeMarkdown(change, versions.label, locale)}`;
    });
    // A deleted 例文 merged into this clause with others that stay.
    if (deleted) parts.push(deleted.value);
    const section = rows[0].example.sectionNode;
    const explanation = explanationOf(computed.guideline, section);
    if (explanation) parts.push(`**${localize(locale, MESSAGES.explanation)}**\n\n${quote(explanation)}`);
    // The comments on these very 例文 first, then the rest of the section's.
    const links = this.state.commentLinks();
    const own = new Set(rows.flatMap((r) => links.on(computed.guideline.uri, r.example.node)));
    const comments = [...own, ...links.within(computed.guideline.uri, section).filter((l) => !own.has(l))];
    if (comments.length > 0) {
      const lines = comments.slice(0, 5).map((link) => {
        const { comment, round } = link;
        const label = DISPOSITION_LABELS[comment.disposition][locale];
        const number = locale === 'ja' ? `意見${comment.number}` : `Comment ${comment.number}`;
        const target = uriAtPosition(round.uri, { line: comment.range.start.line });
        const mark = own.has(link) ? localize(locale, MESSAGES.onClause) : '';
        return `- [${number}](${target}) \`${label}\`${mark} ${shorten(comment.opinion, 120).replace(/\n/g, ' ')}`;
      });
      parts.push(`**${localize(locale, MESSAGES.comments, { count: comments.length })}**\n\n${lines.join('\n')}`);
    }
    const policyClause = rows[0].policy!;
    return {
      range: policy.lines.rangeOf(policyClause.start, policyClause.end),
      contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') },
    };
  }

  private rowMarkdown(guideline: GuidelineDocument, row: ClauseCoverage, locale: Locale): string {
    const example = row.example;
    const link = uriAtPosition(guideline.uri, example.range.start);
    const head = `**${localize(locale, MESSAGES.heading, { status: localize(locale, STATUS_LABELS[row.status]) })}** · [${localize(
      locale,
      MESSAGES.example,
      { section: example.section, title: example.sectionTitle, name: clauseName(example, locale) },
    )}](${link})`;
    const lines = [head, '', quote(example.text)];
    if (row.status === 'modified' && row.diff) {
      const changes = row.diff
        .filter((s) => s.kind !== 'same')
        .map((s) => (s.kind === 'removed' ? `~~${s.text}~~` : `**${s.text}**`))
        .join(' ');
      lines.push('', `${localize(locale, MESSAGES.diff)}：${changes}`);
    }
    return lines.join('\n');
  }

  /** What the hover says on a policy clause that keeps a 例文 deleted in the newer version. */
  private deletedMarkdown(
    versions: NonNullable<Computed['versions']>,
    offset: number,
  ): { policy: PolicyClause; value: string } | null {
    const found = versions.value.deleted.find((d) => d.policy.start <= offset && offset <= d.policy.end);
    if (!found) return null;
    const old = versions.label;
    const locale = this.state.locale;
    const name = clauseName(found.old, locale);
    const value = [
      `**${localize(locale, MESSAGES.deleted, { old })}**`,
      '',
      localize(locale, MESSAGES.oldExample, { old, section: found.old.section, name }),
      '',
      quote(found.old.text),
    ].join('\n');
    return { policy: found.policy, value };
  }

  view(policyUri: string): CoverageViewResult {
    const empty = emptyView(policyUri);
    const policy = this.state.guideline(policyUri);
    const computed = policy ? this.policyCoverage(policy) : null;
    if (!computed || !policy) return empty;
    const versions = this.versionsOf(computed, policy);
    const locale = this.state.locale;
    return {
      policyUri,
      guidelineUri: computed.guideline.uri,
      guidelineTitle: computed.guideline.title,
      summary: computed.result.summary,
      sections: coverageViewSections(computed.result, locale),
      versions: versions ? versionsViewGroup(versions.value, versions.label, locale) : null,
    };
  }
}

const emptyView = (policyUri: string): CoverageViewResult => ({
  policyUri,
  guidelineUri: null,
  guidelineTitle: null,
  summary: null,
  sections: [],
  versions: null,
});

/** What the newer version did to a 例文 and whether the policy followed, for the hover. */
function changeMarkdown(clause: VersionedClause, old: string, locale: Locale): string {
  const head = localize(locale, clause.change === 'new' ? MESSAGES.isNew : MESSAGES.changed, {
    old,
    status: reflectionLabel(clause, locale),
  });
  const lines = [`**${head}**`];
  if (clause.diff) {
    const changes = clause.diff
      .filter((s) => s.kind !== 'same')
      .map((s) => (s.kind === 'removed' ? `~~${s.text}~~` : `**${s.text}**`))
      .join(' ');
    lines.push('', `${localize(locale, MESSAGES.versionDiff, { old })}：${changes}`);
  }
  return lines.join('\n');
}

const markdown = (value: string): Hover['contents'] => ({ kind: 'markdown', value });

const quote = (text: string): string =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n>\n');

export function registerCoverageRequests(
  connection: Connection,
  coverage: PolicyCoverage,
  guard: Guard,
  ready: Promise<void>,
): void {
  connection.onRequest(
    CoverageRequest,
    guard('coverage', emptyView(''), async (params: { uri: string }): Promise<CoverageViewResult> => {
      await ready;
      return coverage.view(params.uri);
    }),
  );
}
