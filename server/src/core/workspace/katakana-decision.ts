/** サーバ or サーバー: the spelling decision is made over every guideline of the workspace. */
import { analyzeSegmentKeyed } from '../checks/segment';
import { effectiveKatakanaPreferences } from '../checks/config';
import { decideKatakanaVariants, mergeSpellingCounts, type KatakanaVariantDecision } from '../checks/rules/katakana-variant';
import type { CheckConfig } from '../checks/types';
import type { GuidelineDocument } from '../model/document';

export function workspaceKatakanaDecision(documents: readonly GuidelineDocument[], config: CheckConfig, previous?: KatakanaVariantDecision): KatakanaVariantDecision {
  const counts = mergeSpellingCounts(documents.flatMap((d) => d.chunks.map((c) => analyzeSegmentKeyed(c.model, c.text, config, { documentStart: c.start === 0 }).spellings)));
  const decision = decideKatakanaVariants(counts, effectiveKatakanaPreferences(config));
  // The same decision as before keeps its identity: what is cached per decision stays valid.
  return previous && sameDecision(previous, decision) ? previous : decision;
}

function sameDecision(a: KatakanaVariantDecision, b: KatakanaVariantDecision): boolean {
  if (a.choices.size !== b.choices.size) return false;
  for (const [variant, choice] of a.choices) {
    const other = b.choices.get(variant);
    // Counts appear in messages: equal only when nothing a user sees differs.
    if (!other || other.preferred !== choice.preferred || other.variantCount !== choice.variantCount || other.preferredCount !== choice.preferredCount || other.reason !== choice.reason) return false;
  }
  return true;
}
