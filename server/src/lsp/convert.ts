/** Core results → protocol objects. */
import type { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core/findings';

// The protocol's DiagnosticSeverity values, written out: `guideline check --json` uses this module, and a value
// import would bundle the whole server library into the CLI's commands (scripts/build.mjs refuses that).
export const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export const DIAGNOSTIC_SOURCE = 'guideline';

export function toDiagnostic(finding: Finding): Diagnostic {
  const related: DiagnosticRelatedInformation[] | undefined = finding.related?.map((r) => ({
    location: { uri: r.uri, range: r.range },
    message: r.message,
  }));
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related && related.length > 0 ? { relatedInformation: related } : {}),
    ...(finding.codeDescriptionUri ? { codeDescription: { href: finding.codeDescriptionUri } } : {}),
  };
}
