/**
 * Pull diagnostics (`textDocument/diagnostic`) for guidelines, comment documents and the project's
 * own files (guideline.config.json, prh dictionaries).
 */
import {
  CancellationToken,
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { localize } from '../core/i18n/locale';
import { commentDocumentFindings } from '../core/workspace/document-findings';
import { projectProblemSeverity } from '../core/config/codes';
import { toDiagnostic, DIAGNOSTIC_SOURCE, SEVERITY } from './convert';
import { cancelled, warmChecks, yieldToEventLoop } from './cooperative';
import { URI } from './uri';
import type { FindingsCache } from './findings-cache';
import type { ServerState } from './state';
import type { Guard } from './guard';

const fullReport = (items: Diagnostic[]): DocumentDiagnosticReport => ({
  kind: DocumentDiagnosticReportKind.Full,
  items,
});

function projectFileDiagnostics(state: ServerState, path: string): Diagnostic[] | null {
  if (path === state.project.configPath) {
    return state.project.configProblems.map((p) => ({
      range: p.range,
      severity: SEVERITY[projectProblemSeverity(p.code)],
      code: p.code,
      source: DIAGNOSTIC_SOURCE,
      message: p.message[state.locale],
    }));
  }
  const problems = state.project.dictionaryProblems.get(path);
  if (!problems) return null;
  return problems.map((p) => ({
    range: p.range,
    severity: SEVERITY[projectProblemSeverity(p.code)],
    code: p.code,
    source: DIAGNOSTIC_SOURCE,
    message: localize(state.locale, p.message, p.args ?? {}),
  }));
}

export function registerPullDiagnostics(
  connection: Connection,
  state: ServerState,
  guard: Guard,
  ready: Promise<void>,
  findings: FindingsCache,
): void {
  connection.languages.diagnostics.on(
    guard('diagnostic', fullReport([]), async (params, token): Promise<DocumentDiagnosticReport> => {
      await ready;
      // Let edits and cancellations already received be read first: a pull that an edit has
      // overtaken is answered for the newest text (and cached), or not computed at all.
      await yieldToEventLoop();
      if (token.isCancellationRequested) throw cancelled();
      return fullReport((await documentDiagnostics(state, findings, params.textDocument.uri, token)) ?? []);
    }),
  );
}

/**
 * The diagnostics of a document, pulled by the client (above) or pushed to it (push-diagnostics.ts);
 * null when the server has nothing to say about the document.
 */
export async function documentDiagnostics(
  state: ServerState,
  findings: FindingsCache,
  uri: string,
  token: CancellationToken = CancellationToken.None,
): Promise<Diagnostic[] | null> {
  const path = URI.toPath(uri);
  const projectDiagnostics = path ? projectFileDiagnostics(state, path) : null;
  if (projectDiagnostics) return projectDiagnostics;
  const round = state.commentRound(uri);
  if (round)
    return commentDocumentFindings(round, state.commentLinks(), state.findingOptions(), state.duplicateOf(uri)).map(
      toDiagnostic,
    );
  const doc = state.guideline(uri);
  if (!doc) return null;
  // The expensive part in slices, so that other requests and a cancellation get through.
  await warmChecks(doc, state.checkConfig, token);
  if (token.isCancellationRequested || state.guideline(uri) !== doc) throw cancelled();
  return (findings.findingsOf(uri) ?? []).map(toDiagnostic);
}
