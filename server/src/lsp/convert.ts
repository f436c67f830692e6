/** Core results → protocol objects. */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../core/findings';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

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
