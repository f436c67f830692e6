/**
 * Findings from the verification of promised fixes, on the current guideline: they take the place
 * of `comment-accepted` for rounds made on an earlier version (the promise is now known to be kept
 * or not). A deleted target is reported on the nearest surviving section that contained it.
 */
import type { Finding } from '../findings';
import { localize, type Locale } from '../i18n/locale';
import type { Range } from '../text/position';
import type { Alignment, VersionNode } from './align';
import type { PromiseCheck } from './verify';

/** The codes promiseFindings emits (listed in the schema and in docs/rules.md). */
export const PROMISE_FINDING_CODES = ['comment-applied', 'comment-not-applied', 'comment-target-deleted'] as const;

const RECORD = { ja: '意見{number}の記録', en: 'Record of comment {number}' };

/** The current node that best stands for a deleted one: the counterpart of its nearest paired ancestor. */
function survivingAncestor(alignment: Alignment, node: VersionNode): VersionNode | null {
  for (let a = node.parent; a; a = a.parent) {
    const partner = alignment.rowOf(a.node)?.new;
    if (partner) return partner;
  }
  return null;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function promiseFindings(checks: readonly PromiseCheck[], alignment: Alignment, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    const related = [
      {
        uri: check.round.uri,
        range: check.comment.fields?.location ?? check.comment.range,
        message: localize(locale, RECORD, { number: check.comment.number }),
      },
    ];
    const message = localize(locale, check.evidence);
    if (check.status === 'not-applied' || check.status === 'applied') {
      findings.push({
        code: check.status === 'applied' ? 'comment-applied' : 'comment-not-applied',
        severity: check.status === 'applied' ? 'hint' : 'warning',
        range: check.newNode!.node.selectionRange,
        message,
        related,
      });
    } else if (check.status === 'target-deleted' && check.oldNode) {
      const at = survivingAncestor(alignment, check.oldNode);
      findings.push({
        code: 'comment-target-deleted',
        severity: 'information',
        range: at?.node.selectionRange ?? START,
        message,
        related,
      });
    }
  }
  return findings;
}
