import type { Locale } from '../core/i18n/locale';
import type { RuleSettings } from '../core/config/rule-settings';
import type { CommentDiagnosticsMode } from '../core/workspace/comment-findings';

/** What every command receives: output streams, locale and rule settings. */
export interface CliContext {
  readonly cwd: string;
  readonly locale: Locale;
  readonly rules: RuleSettings;
  readonly commentDiagnostics: CommentDiagnosticsMode;
  out(line: string): void;
  err(line: string): void;
}
