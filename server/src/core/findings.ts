/**
 * A finding is what every analysis of the core reports: checks, numbering, cross references and
 * comment links alike. It mirrors an LSP Diagnostic plus its fixes so that the server, the CLI and
 * the tests all consume one shape.
 */
import type { Range } from './text/position';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface RelatedLocation {
  /** Document URI (a `file:` URI in the editor, a path in the CLI); as given to the analysis. */
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface Fix {
  readonly title: string;
  /** Edits in the finding's own document, non-overlapping. */
  readonly edits: readonly TextEdit[];
  /** Safe fixes are applied by `guideline check --fix` and `source.fixAll`. */
  readonly safe: boolean;
  readonly preferred?: boolean;
}

export interface Finding {
  /** Stable rule code, e.g. `long-vowel-mark`; users configure and suppress by it. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** A link explaining the finding (e.g. to the comment that decided a term). */
  readonly codeDescriptionUri?: string;
}
