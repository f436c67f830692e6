/** サーバ or サーバー: the spelling decision is made over every guideline of the workspace. */
import { documentSpellings } from '../checks/document';
import { effectiveKatakanaPreferences } from '../checks/config';
import { decideKatakanaVariants, mergeSpellingCounts, type KatakanaVariantDecision } from '../checks/rules/katakana-variant';
import type { CheckConfig } from '../checks/types';
import type { GuidelineDocument } from '../model/document';

export function workspaceKatakanaDecision(documents: readonly GuidelineDocument[], config: CheckConfig): KatakanaVariantDecision {
  const counts = mergeSpellingCounts(documents.map((d) => documentSpellings(d.text, config, d.chunks.map((c) => c.start))));
  return decideKatakanaVariants(counts, effectiveKatakanaPreferences(config));
}
