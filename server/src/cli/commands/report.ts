/**
 * `guideline report <folder>`: the main job on a workspace, for people: each guideline's outline,
 * then every finding. What `npm start` runs on examples/.
 */
import { localize } from '../../core/i18n/locale';
import { CLI_MESSAGES } from '../messages';
import { relative } from 'node:path';
import { CommentLinks, roundsInDateOrder } from '../../core/workspace/comment-links';
import { DISPOSITION_LABELS } from '../../core/comments/disposition';
import { displayName } from '../../core/model/node';
import { parseArgs } from '../args';
import { expandPaths, loadWorkspace, inputError } from '../workspace';
import { linkOptions, withConfigured } from '../context';
import type { CliContext } from '../context';
import { outlineLines } from './outline';
import { formatFinding, workspaceFindings } from './check';
import { printPromiseSummary } from './report-promises';
import { checkVersions, withoutVersionFiles } from '../versions';

const REPORT_HELP = `Usage: guideline report <folder>

Prints the outline of every guideline in the folder, where each public comment points, and every finding.`;

export async function runReport(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['help'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(REPORT_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw inputError(CLI_MESSAGES.needsFolder, { command: 'report' });
  const workspace = await loadWorkspace(
    withoutVersionFiles(withConfigured(await expandPaths(args.positionals), ctx), args.positionals, ctx),
    ctx.err,
    ctx.locale,
  );
  const show = (p: string) => relative(ctx.cwd, p) || p;
  for (const document of workspace.documents) {
    ctx.out(`== ${show(document.uri)}: ${document.root.title}`);
    ctx.out(outlineLines(document.root).join('\n'));
    ctx.out('');
  }
  const links = new CommentLinks(workspace.rounds, workspace.index, linkOptions(ctx));
  for (const round of roundsInDateOrder(workspace.rounds)) {
    const own = links.forRound(round.uri);
    ctx.out(`== ${show(round.uri)}: ${round.title ?? ''}${round.date ? ` (${round.date})` : ''}`);
    const count = (keep: (l: (typeof own)[number]) => boolean): number => own.filter(keep).length;
    ctx.out(
      localize(ctx.locale, CLI_MESSAGES.roundSummary, {
        count: own.length,
        exact: count((l) => l.match === 'exact'),
        general: count((l) => l.match === 'document'),
        partial: count((l) => l.match !== 'exact' && l.match !== 'document' && l.match !== 'none'),
        unresolved: count((l) => l.match === 'none' && !l.unattached),
        unattached: count((l) => Boolean(l.unattached)),
      }),
    );
    for (const link of own) {
      const target =
        link.node && link.document
          ? link.node.kind === 'document'
            ? '(全般)'
            : `${displayName(link.node)}  (${show(link.document.uri)}:${link.node.range.start.line + 1})`
          : '—';
      ctx.out(
        `   #${String(link.comment.number).padEnd(3)} [${DISPOSITION_LABELS[link.comment.disposition][ctx.locale]}] ${link.comment.location?.raw ?? '—'} → ${target}`,
      );
    }
    ctx.out('');
  }
  const versions = await checkVersions(ctx, args.positionals[0]);
  printPromiseSummary(ctx, versions);
  for (const { path, findings } of workspaceFindings(workspace, ctx, versions)) {
    ctx.out(localize(ctx.locale, CLI_MESSAGES.findingsOf, { path: show(path), count: findings.length }));
    for (const finding of findings) ctx.out(formatFinding(show(path), finding));
  }
  return 0;
}
