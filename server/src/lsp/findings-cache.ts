/**
 * Findings of a guideline, computed once per document version and per state of what they depend
 * on (settings, comment links, the workspace's katakana decision): a diagnostic pull and the code
 * actions that follow it share one computation.
 */
import { guidelineFindings } from '../core/workspace/document-findings';
import type { CheckFinding } from '../core/checks/document';
import type { ServerState } from './state';

export class FindingsCache {
  private readonly entries = new Map<string, { inputs: readonly unknown[]; findings: CheckFinding[] }>();

  constructor(private readonly state: ServerState) {}

  /** The findings of the guideline at `uri`, or null when `uri` is not a guideline. */
  findingsOf(uri: string): CheckFinding[] | null {
    const { state } = this;
    const doc = state.guideline(uri);
    if (!doc) return null;
    const options = state.findingOptions();
    const anchors = state.commentAnchors();
    const inputs = [
      doc,
      options.checks,
      options.katakana?.decision,
      anchors,
      options.rules,
      options.commentDiagnostics,
      options.locale,
    ];
    const cached = this.entries.get(uri);
    if (cached && cached.inputs.every((input, i) => input === inputs[i])) return cached.findings;
    const findings = guidelineFindings(doc, state.index, options, anchors.links, anchors);
    this.entries.set(uri, { inputs, findings });
    return findings;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
