/** The in-process entry of bench/official.mjs (bundled to out/bench-official.cjs). */
import { analyzeSegment } from '../server/src/core/checks/segment';
import { toCheckConfig } from '../server/src/core/config/check-config';
import { RULE_DESCRIPTORS } from '../server/src/core/checks/config';
import { scanChunks } from '../server/src/core/model/scan';
import type { CheckConfig } from '../server/src/core/checks/types';
import type { MorphTokenizer } from '../server/src/core/checks/morph/types';
import { loadKuromojiTokenizer } from '../server/src/host/morph/kuromoji';

export function config(mode: 'off' | 'on' | 'morph', tokenizer?: MorphTokenizer): CheckConfig {
  const rules: Record<string, 'off' | 'information'> = {};
  for (const d of RULE_DESCRIPTORS)
    if (d.code.startsWith('official-')) rules[d.code] = mode === 'off' ? 'off' : 'information';
  if (mode === 'on') rules['official-adverb-kanji'] = 'off';
  return toCheckConfig(rules, {}, [], {}, mode === 'morph' ? tokenizer : undefined);
}

export function chunkTexts(text: string): string[] {
  return scanChunks(text).map((c) => text.slice(c.start, c.end));
}

export function checkChunks(text: string, config: CheckConfig): number {
  let n = 0;
  for (const chunk of chunkTexts(text)) n += analyzeSegment(chunk, config).findings.length;
  return n;
}

export function checkOne(chunk: string, config: CheckConfig): number {
  return analyzeSegment(chunk, config).findings.length;
}

export const loadTokenizer = (): Promise<MorphTokenizer> => loadKuromojiTokenizer();

/** The codes of every 公用文 rule. */
export const officialCodes = (): string[] =>
  RULE_DESCRIPTORS.filter((d) => d.code.startsWith('official-')).map((d) => d.code);
