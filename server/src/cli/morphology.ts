/**
 * The CLI's side of the morphological tier: when a rule that needs the analyser is on, load it
 * before checking (once), and hand the checks a configuration that carries it. A dictionary that
 * cannot be loaded is reported once on stderr and the pattern rules still run.
 */
import { needsMorphology } from '../core/checks/config';
import type { CheckConfig } from '../core/checks/types';
import { localize, type Locale } from '../core/i18n/locale';
import { loadKuromojiTokenizer } from '../host/morph/kuromoji';

export async function withMorphology(
  checks: CheckConfig,
  locale: Locale,
  err: (line: string) => void,
  wanted = true,
): Promise<CheckConfig> {
  if (!wanted || !needsMorphology(checks)) return checks;
  try {
    return { ...checks, tokenizer: await loadKuromojiTokenizer() };
  } catch (error) {
    err(
      localize(
        locale,
        {
          ja: 'guideline: 形態素解析の辞書を読み込めません（パターンの規則だけで検査します）：{detail}',
          en: 'guideline: cannot load the morphological dictionary (checking with the pattern rules only): {detail}',
        },
        { detail: error instanceof Error ? error.message : String(error) },
      ),
    );
    return checks;
  }
}
