/** `guideline check <files or folders…> [--json]`: every finding; exit 1 on warnings or errors. */
import { relative } from 'node:path';
import type { Finding } from '../../core/findings';
import { commentDocumentFindings, guidelineFindings } from '../../core/workspace/document-findings';
import { CommentLinks } from '../../core/workspace/comment-links';
import { workspaceKatakanaDecision } from '../../core/workspace/katakana-decision';
import { parseArgs } from '../args';
import { expandPaths, loadWorkspace, InputError, type LoadedWorkspace } from '../workspace';
import type { CliContext } from '../context';
import { toDiagnostic } from '../../lsp/convert';

export const CHECK_HELP = `Usage: guideline check <files or folders…> [--json]

Checks guideline Markdown files and public comment documents and prints every finding:
  file:line:col severity code message
Options:
  --json    print {"files":[{"path":…,"diagnostics":[<LSP Diagnostic>…]}]} (0-based ranges)
Exit status: 0 clean, 1 findings of severity warning or error, 2 usage or I/O error.`;

export async function runCheck(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'help'] });
  if (args.flags.has('help')) {
    ctx.out(CHECK_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw new InputError('check needs at least one file or folder (see guideline check --help)');
  const results = workspaceFindings(await loadWorkspace(await expandPaths(args.positionals)), ctx);
  if (args.flags.has('json')) {
    ctx.out(JSON.stringify({ files: results.map((r) => ({ path: relative(ctx.cwd, r.path) || r.path, diagnostics: r.findings.map(toDiagnostic) })) }, null, 2));
  } else {
    for (const result of results) for (const finding of result.findings) ctx.out(formatFinding(relative(ctx.cwd, result.path) || result.path, finding));
  }
  return results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning')) ? 1 : 0;
}

export function formatFinding(path: string, finding: Finding): string {
  return `${path}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.code} ${finding.message}`;
}

/** Findings of every guideline and comment document loaded, in input order. */
export function workspaceFindings(workspace: LoadedWorkspace, ctx: CliContext): Array<{ path: string; findings: Finding[] }> {
  const links = new CommentLinks(workspace.rounds, workspace.index);
  const variants = workspaceKatakanaDecision(workspace.documents, ctx.checks);
  const options = { locale: ctx.locale, rules: ctx.rules, commentDiagnostics: ctx.commentDiagnostics, checks: ctx.checks, variants };
  return [
    ...workspace.documents.map((document) => ({ path: document.uri, findings: guidelineFindings(document, workspace.index, options, links) })),
    ...workspace.rounds.map((round) => ({ path: round.uri, findings: commentDocumentFindings(round, links, options) })),
  ];
}
