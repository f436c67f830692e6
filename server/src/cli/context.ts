import type { Locale } from '../core/i18n/locale';
import type { RuleSettings } from '../core/config/rule-settings';

/** What every command receives: output streams, locale and rule settings. */
export interface CliContext {
  readonly cwd: string;
  readonly locale: Locale;
  readonly rules: RuleSettings;
  out(line: string): void;
  err(line: string): void;
}
