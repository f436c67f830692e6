/** `guideline check <files or folders…> [--json]`: every finding; exit 1 on warnings or errors. */
import { localize } from '../../core/i18n/locale';
import { CLI_MESSAGES } from '../messages';
import { relative } from 'node:path';
import type { Finding } from '../../core/findings';
import { commentDocumentFindings, guidelineFindings } from '../../core/workspace/document-findings';
import { CommentLinks } from '../../core/workspace/comment-links';
import { workspaceKatakanaDecision } from '../../core/workspace/katakana-decision';
import { fixAllSafe } from '../../core/checks/document';
import { replaceFileAtomically } from '../../host/atomic-write';
import { uriFromPath, uriKey } from '../../host/uri';
import { parseArgs } from '../args';
import { expandPaths, loadWorkspace, inputError, type LoadedWorkspace } from '../workspace';
import { linkOptions, withConfigured } from '../context';
import type { CliContext } from '../context';
import { toDiagnostic } from '../../lsp/convert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { checkVersions, withoutVersionFiles, type VersionChecks } from '../versions';
import { promiseFindings } from '../../core/revisions/promise-findings';
import { applyRuleSettings } from '../../core/config/rule-settings';

const CHECK_HELP = `Usage: guideline check <files or folders…> [--json] [--fix]

Checks guideline Markdown files and public comment documents and prints every finding:
  file:line:col severity code message
Options:
  --json    print {"files":[{"path":…,"diagnostics":[<LSP Diagnostic>…]}]} (0-based ranges)
  --fix     apply the safe fixes in place (atomically), then report what remains; a file that is
            a symbolic link, is not valid UTF-8 or changed meanwhile is left untouched
Exit status: 0 clean, 1 findings of severity warning or error, 2 usage or I/O error.`;

export async function runCheck(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv, { flags: ['json', 'fix', 'help'] }, ctx.locale);
  if (args.flags.has('help')) {
    ctx.out(CHECK_HELP);
    return 0;
  }
  if (args.positionals.length === 0) throw inputError(CLI_MESSAGES.needsInputs, { command: 'check' });
  const paths = withoutVersionFiles(withConfigured(await expandPaths(args.positionals), ctx), args.positionals, ctx);
  let workspace = await loadWorkspace(paths, ctx.err, ctx.locale);
  if (args.flags.has('fix')) {
    if (applySafeFixes(workspace, ctx) > 0) workspace = await loadWorkspace(paths, () => undefined, ctx.locale);
  }
  const versions = await checkVersions(ctx, args.positionals[0]);
  const results = workspaceFindings(workspace, ctx, versions);
  if (args.flags.has('json')) {
    ctx.out(
      JSON.stringify(
        {
          files: results.map((r) => ({
            path: relative(ctx.cwd, r.path) || r.path,
            diagnostics: r.findings.map(jsonDiagnostic),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const result of results)
      for (const finding of result.findings)
        ctx.out(formatFinding(relative(ctx.cwd, result.path) || result.path, finding));
  }
  return results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning')) ? 1 : 0;
}

export function formatFinding(path: string, finding: Finding): string {
  return `${path}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.code} ${finding.message}`;
}

/** Findings of every guideline and comment document loaded, in input order. */
export function workspaceFindings(
  workspace: LoadedWorkspace,
  ctx: CliContext,
  versions: readonly VersionChecks[] = [],
): Array<{ path: string; findings: Finding[] }> {
  // Rounds made on an earlier version are checked against it (comment-applied / comment-not-applied),
  // not linked by number to the current text, where 3.8.3 may be another section now.
  const versionRounds = new Set(versions.flatMap((v) => v.rounds.map((r) => r.uri)));
  const links = new CommentLinks(
    workspace.rounds.filter((r) => !versionRounds.has(r.uri)),
    workspace.index,
    linkOptions(ctx),
  );
  const katakana = workspaceKatakanaDecision(workspace.documents, ctx.checks);
  const options = {
    locale: ctx.locale,
    rules: ctx.rules,
    commentDiagnostics: ctx.commentDiagnostics,
    checks: ctx.checks,
    katakana,
  };
  return [
    ...workspace.documents.map((document) => ({
      path: document.uri,
      findings: [
        ...guidelineFindings(document, workspace.index, options, links),
        ...applyRuleSettings(
          versions
            .filter((v) => v.current.uri === document.uri)
            .flatMap((v) => promiseFindings(v.checks, v.alignment, ctx.locale)),
          ctx.rules,
        ),
      ],
    })),
    ...workspace.rounds.map((round) => ({ path: round.uri, findings: commentDocumentFindings(round, links, options) })),
    // A file that looks like a comment result but could not be read is a warning, not skipped in silence.
    ...workspace.unreadable.map(({ path, reason }) => ({
      path,
      findings: [
        {
          code: 'comment-unreadable',
          severity: 'warning' as const,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: reason[ctx.locale],
        },
      ],
    })),
  ];
}

/** Applies every safe fix to each guideline; returns how many files were rewritten. */
function applySafeFixes(workspace: LoadedWorkspace, ctx: CliContext): number {
  const variants = workspaceKatakanaDecision(workspace.documents, ctx.checks).decision;
  let rewritten = 0;
  for (const document of workspace.documents) {
    const shown = relative(ctx.cwd, document.uri) || document.uri;
    const encoding = workspace.encodings.get(document.uri);
    if (encoding) {
      ctx.err(localize(ctx.locale, CLI_MESSAGES.notFixedEncoding, { path: shown, encoding }));
      continue;
    }
    if (document.text.includes('\uFFFD')) {
      ctx.err(localize(ctx.locale, CLI_MESSAGES.notFixedInvalid, { path: shown }));
      continue;
    }
    const fixed = fixAllSafe(document.uri, document.text, ctx.checks, { variants });
    if (fixed.text === document.text) continue;
    const outcome = replaceFileAtomically(document.uri, document.text, fixed.text);
    if (outcome.written) {
      rewritten++;
      ctx.err(localize(ctx.locale, CLI_MESSAGES.fixed, { path: shown, count: fixed.applied }));
    } else
      ctx.err(localize(ctx.locale, CLI_MESSAGES.notFixedWrite, { path: shown, reason: outcome.reason[ctx.locale] }));
  }
  return rewritten;
}

/** The CLI knows documents by path; LSP diagnostics name them by URI. */
function asUri(pathOrUri: string): string {
  if (/^[a-z][\w+.-]*:/i.test(pathOrUri) && !/^[a-z]:[\\/]/i.test(pathOrUri)) return uriKey(pathOrUri);
  const [path, fragment] = pathOrUri.split('#', 2);
  // The spelling VS Code uses (host/uri.ts), so that tools can match the editor's URIs.
  return uriFromPath(path) + (fragment ? `#${fragment}` : '');
}

function jsonDiagnostic(finding: Finding): Diagnostic {
  const diagnostic = toDiagnostic(finding);
  return {
    ...diagnostic,
    ...(diagnostic.relatedInformation
      ? {
          relatedInformation: diagnostic.relatedInformation.map((r) => ({
            ...r,
            location: { ...r.location, uri: asUri(r.location.uri) },
          })),
        }
      : {}),
    ...(diagnostic.codeDescription ? { codeDescription: { href: asUri(diagnostic.codeDescription.href) } } : {}),
  };
}
