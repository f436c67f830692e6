/** `guideline coverage GUIDELINE POLICY [--json] [--format md|html]`: which 例文 a policy adopts, changes or lacks. */
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { computeCoverage } from '../../core/coverage/coverage';
import { coverageHtml, coverageJson, coverageMarkdown, type ReportInput } from '../../core/coverage/report';
import { computeVersionedCoverage } from '../../core/coverage/versions';
import { exampleClauses } from '../../core/coverage/clauses';
import { versionedCoverageJson, versionsHtml, versionsMarkdown } from '../../core/coverage/versions-report';
import { GuidelineModelCache } from '../../core/model/document';
import { readOldVersion } from '../versions';
import type { Localized } from '../../core/i18n/locale';
import { parseArgs, usageError } from '../args';
import { expandPaths, loadWorkspace, inputError } from '../workspace';
import type { CliContext } from '../context';

const COVERAGE_HELP = `Usage: guideline coverage <guideline> <policy> [--since OLD] [--json] [--format md|html]

Compares a municipal policy (対策基準) with the 【例文】 of the guideline it derives from: each 例文 clause
is covered (adopted, substitutions such as 地方公共団体 → 本市 and filled placeholders allowed), modified
(aligned, with a character diff) or missing; policy clauses without a 例文 are extra.
With one file, the guideline is policy.guideline of guideline.config.json.
Options:
  --json          the coverage as JSON (clauses, extra, summary)
  --format md     a Markdown table for a committee (the default)
  --format html   the same table as a standalone HTML page
  --since OLD     also compare with an older version of the guideline (a file, the label of a version
                  in guideline.config.json, or git:REV): which 例文 are new or changed since OLD and
                  whether the policy reflects them (JSON: change, reflected, reason, old per clause,
                  deleted, summary.unreflected; report: 「新設・変更された例文の反映状況」)`;

const MESSAGES = {
  format: {
    ja: '--format には md か html を指定してください（"{format}" は使えません）',
    en: '--format takes md or html, not "{format}"',
  },
  twoFiles: {
    ja: 'ガイドラインと対策基準の二つのファイル、または guideline.config.json の policy.guideline が必要です（guideline coverage --help を参照）',
    en: 'coverage needs the guideline and the policy, or policy.guideline in guideline.config.json (see guideline coverage --help)',
  },
  noExamples: {
    ja: '{spec}: 【例文】がありません。--since にはガイドラインの以前の版（Markdown）を指定してください',
    en: '{spec}: has no 【例文】; --since takes an earlier version of the guideline (Markdown)',
  },
  markdown: {
    ja: '{path}: Markdown ファイル（.md）を指定してください',
    en: '{path}: coverage reads Markdown files (.md)',
  },
} satisfies Record<string, Localized>;

export async function runCoverage(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'], values: ['format', 'since'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(COVERAGE_HELP);
    return 0;
  }
  const format = args.flags.has('json') ? 'json' : (args.values.get('format') ?? 'md');
  if (format !== 'json' && format !== 'md' && format !== 'html')
    throw usageError(ctx.locale, MESSAGES.format, { format });
  let [guidelinePath, policyPath] = args.positionals;
  if (args.positionals.length === 1) {
    const configured = ctx.project.config.policy?.guideline;
    if (!configured || !ctx.project.configPath) throw inputError(MESSAGES.twoFiles);
    policyPath = args.positionals[0];
    guidelinePath = isAbsolute(configured) ? configured : resolve(dirname(ctx.project.configPath), configured);
  } else if (args.positionals.length !== 2) throw inputError(MESSAGES.twoFiles);
  const paths = await expandPaths([guidelinePath, policyPath], () => true);
  for (const path of paths) if (!/\.(md|markdown)$/i.test(path)) throw inputError(MESSAGES.markdown, { path });
  const { documents } = await loadWorkspace(paths, ctx.err, ctx.locale);
  const [guideline, policy] = documents;
  const substitutions = ctx.project.config.policy?.substitutions;
  const since = args.values.get('since');
  if (since !== undefined) {
    const old = await readOldVersion(since, resolve(paths[0]), ctx);
    const oldGuideline = new GuidelineModelCache().build(old.uri, 0, old.text);
    // A PDF, a policy or another document by mistake would make every 例文 "new".
    if (exampleClauses(oldGuideline).length === 0) throw inputError(MESSAGES.noExamples, { spec: since });
    const versions = computeVersionedCoverage(oldGuideline, guideline, policy, { substitutions });
    if (format === 'json') ctx.out(JSON.stringify(versionedCoverageJson(versions), null, 2));
    else {
      const names = { oldName: old.label, newName: basename(guidelinePath), locale: ctx.locale };
      const section =
        format === 'html' ? versionsHtml({ versions, ...names }) : versionsMarkdown({ versions, ...names });
      printReport(ctx, format, {
        ...reportNames(guidelinePath, policyPath, ctx),
        result: versions.current,
        sections: [section],
      });
    }
    return 0;
  }
  const result = computeCoverage(guideline, policy, { substitutions });
  if (format === 'json') ctx.out(JSON.stringify(coverageJson(result), null, 2));
  else printReport(ctx, format, { ...reportNames(guidelinePath, policyPath, ctx), result });
  return 0;
}

const reportNames = (guidelinePath: string, policyPath: string, ctx: CliContext) => ({
  guidelineName: basename(guidelinePath),
  policyName: basename(policyPath),
  locale: ctx.locale,
});

function printReport(ctx: CliContext, format: 'md' | 'html', input: ReportInput): void {
  const report = format === 'html' ? coverageHtml(input) : coverageMarkdown(input);
  ctx.out(report.replace(/\n$/, ''));
}
