/** Types of prh dictionaries (the YAML format textlint-rule-prh users keep) once loaded. */
import type { Localized } from '../../i18n/locale';
import type { Range } from '../../text/position';

export interface CompiledPrhRule {
  /** `<dictionary uri>#<rule index>`: stable within one dictionary text. */
  readonly id: string;
  /** The replacement; `$1`… refer to the pattern's groups, as in prh. */
  readonly expected: string;
  /** Flags `gmu` (+`i`), as prh compiles every pattern. */
  readonly pattern: RegExp;
  /** `regexpMustEmpty: $N`: a match whose group N is non-empty is ignored (prh's lookbehind stand-in). */
  readonly regexpMustEmpty?: number;
  /** The rule's `prh` field: a note shown with the finding. */
  readonly note?: string;
  /** Where the rule is defined. */
  readonly uri: string;
  readonly range: Range;
  /**
   * The replacement matches the pattern again (サーバ → サーバー with pattern サーバ), so applying it
   * repeatedly never ends: its fix is offered but not applied by fix-all.
   */
  readonly selfMatching: boolean;
}

export interface PrhProblem {
  readonly uri: string;
  readonly range: Range;
  readonly message: Localized;
  readonly args?: Readonly<Record<string, string | number>>;
  /** e.g. `prh-yaml`, `prh-regex`, `prh-unsafe-regex`, `prh-spec`, `prh-import`. */
  readonly code: string;
}

export interface PrhLoadResult {
  readonly rules: CompiledPrhRule[];
  readonly problems: PrhProblem[];
}

/** Reads an imported dictionary; `null` when it does not exist or cannot be read. */
export type PrhImportReader = (fromUri: string, relativePath: string) => { uri: string; text: string } | null;
