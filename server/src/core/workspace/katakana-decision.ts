/**
 * サーバ or サーバー: the spelling decision is made over every guideline of the workspace. The
 * counts behind it are kept up to date by difference: an edit subtracts the spellings of the chunks
 * it replaced and adds those of the new ones, instead of summing every chunk again.
 */
import { analyzeSegmentKeyed } from '../checks/segment';
import { analyzeChunk } from './chunk-checks';
import { DEFAULT_PREFERRED_KATAKANA, effectiveKatakanaPreferences } from '../checks/config';
import { decideKatakanaVariants, type KatakanaVariantDecision } from '../checks/rules/katakana-variant';
import type { CheckConfig } from '../checks/types';
import type { GuidelineDocument } from '../model/document';
import type { Chunk, ChunkModel } from '../model/chunks';

export interface KatakanaState {
  /** Spellings and their counts over every chunk of every guideline. */
  readonly counts: ReadonlyMap<string, number>;
  readonly decision: KatakanaVariantDecision;
}

export class KatakanaCounter {
  private readonly counts = new Map<string, number>();
  private readonly models = new Map<string, readonly ChunkModel[]>();
  private decision: KatakanaVariantDecision | undefined;

  constructor(private readonly config: CheckConfig) {}

  private spellingsOf(chunk: Pick<Chunk, 'model' | 'text' | 'start'>): ReadonlyMap<string, number> {
    return analyzeChunk(chunk, this.config).spellings;
  }

  private add(spellings: ReadonlyMap<string, number>, sign: 1 | -1): void {
    for (const [word, count] of spellings) {
      const next = (this.counts.get(word) ?? 0) + sign * count;
      if (next === 0) this.counts.delete(word);
      else this.counts.set(word, next);
    }
  }

  /** Brings the counts to these documents; costs the chunks that changed since the last call. */
  update(documents: readonly GuidelineDocument[]): KatakanaState {
    const seen = new Set<string>();
    for (const document of documents) {
      seen.add(document.uri);
      const before = this.models.get(document.uri) ?? [];
      const after = document.chunks;
      // Unchanged chunks keep their model objects: skip the common head and tail.
      let head = 0;
      while (head < before.length && head < after.length && before[head] === after[head].model) head++;
      let tail = 0;
      while (
        tail < before.length - head &&
        tail < after.length - head &&
        before[before.length - 1 - tail] === after[after.length - 1 - tail].model
      )
        tail++;
      for (let i = head; i < before.length - tail; i++) this.add(this.spellingsOfModel(before[i]), -1);
      for (let i = head; i < after.length - tail; i++) this.add(this.spellingsOf(after[i]), 1);
      this.models.set(
        document.uri,
        after.map((c) => c.model),
      );
    }
    for (const [uri, models] of this.models) {
      if (seen.has(uri)) continue;
      for (const model of models) this.add(this.spellingsOfModel(model), -1);
      this.models.delete(uri);
    }
    const decision = decideKatakanaVariants(
      this.counts,
      effectiveKatakanaPreferences(this.config),
      DEFAULT_PREFERRED_KATAKANA,
    );
    // The same decision as before keeps its identity: what is cached per decision stays valid.
    if (!this.decision || !sameDecision(this.decision, decision)) this.decision = decision;
    return { counts: this.counts, decision: this.decision };
  }

  /** A model counted before: its analysis is cached by identity (the start only matters for front matter). */
  private spellingsOfModel(model: ChunkModel): ReadonlyMap<string, number> {
    return analyzeSegmentKeyed(model, model.text, this.config, { documentStart: false }).spellings;
  }
}

/** One-off decision (the CLI). */
export function workspaceKatakanaDecision(documents: readonly GuidelineDocument[], config: CheckConfig): KatakanaState {
  return new KatakanaCounter(config).update(documents);
}

function sameDecision(a: KatakanaVariantDecision, b: KatakanaVariantDecision): boolean {
  if (a.choices.size !== b.choices.size) return false;
  for (const [variant, choice] of a.choices) {
    const other = b.choices.get(variant);
    // Counts appear in messages: equal only when nothing a user sees differs.
    if (
      !other ||
      other.preferred !== choice.preferred ||
      other.variantCount !== choice.variantCount ||
      other.preferredCount !== choice.preferredCount ||
      other.reason !== choice.reason
    )
      return false;
  }
  return true;
}
