/**
 * Every diagnostic code users can configure, in one place: for validating `rules` in settings
 * and guideline.config.json (a misspelt code would otherwise do nothing), and for documentation.
 */
import { RULE_DESCRIPTORS } from '../checks/config';
import { DISPOSITIONS } from '../comments/disposition';

const MODEL_CODES = [
  'xref-unknown-section',
  'xref-title-mismatch',
  'numbering-duplicate',
  'numbering-gap',
  'numbering-order',
  'numbering-width',
];
const COMMENT_CODES = [
  'comment-unresolved',
  'comment-unattached',
  'comment-partial',
  'comment-duplicate-round',
  ...DISPOSITIONS.map((d) => `comment-${d}`),
  'comment-parse',
  'comment-encoding',
  'comment-number-duplicate',
  'comment-number-order',
  'comment-number-gap',
  'comment-missing-submitter',
  'comment-missing-opinion',
  'comment-missing-response',
  'comment-unknown-field',
  'comment-invalid-value',
];

export const CONFIGURABLE_CODES: ReadonlySet<string> = new Set([
  ...RULE_DESCRIPTORS.map((d) => d.code),
  ...MODEL_CODES,
  ...COMMENT_CODES,
]);

/**
 * How serious a problem in the project file or a dictionary is: what is ignored or merely
 * suspicious is a warning; what stops a rule or the file from being read is an error.
 */
export function projectProblemSeverity(code: string): 'error' | 'warning' {
  return code === 'config-unknown-key' ||
    code === 'config-unknown-rule' ||
    code === 'prh-self-matching' ||
    code === 'prh-spec'
    ? 'warning'
    : 'error';
}
