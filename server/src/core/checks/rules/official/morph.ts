/**
 * The morphological part of the 公用文 rules, shared: each rule names the characters that can start
 * a finding (a cheap prefilter), and only the sentences containing one are tokenized. Sentences are
 * tokenized once per analyser and shared by every rule and chunk (a bounded cache), so the rules
 * that ask about the same sentence pay once, and an edit re-tokenizes only the sentences it changed.
 */
import type { MorphToken, MorphTokenizer } from '../../morph/types';
import type { SegmentContext, SegmentFinding } from '../../types';
import { segmentProfiles } from './common';
import type { OfficialProfile } from '../../types';
import { execAll } from '../../../text/regex';

/** The sentence around an offset: from after the previous 。 or line break to the next (bounded). */
function sentenceAround(masked: string, start: number): [number, number] {
  let s = start;
  while (s > 0 && masked[s - 1] !== '。' && masked[s - 1] !== '\n' && start - s < 300) s--;
  let e = start;
  while (e < masked.length && masked[e] !== '。' && masked[e] !== '\n' && e - start < 300) e++;
  return [s, Math.min(masked.length, e + 1)];
}

const CACHE_LIMIT = 4000;
const caches = new WeakMap<MorphTokenizer, Map<string, readonly MorphToken[]>>();

/** The tokens of a sentence, from the analyser's shared cache. */
function tokenizeSentence(tokenizer: MorphTokenizer, sentence: string): readonly MorphToken[] {
  let cache = caches.get(tokenizer);
  if (!cache) caches.set(tokenizer, (cache = new Map()));
  let tokens = cache.get(sentence);
  if (!tokens) {
    // A plain bound rather than an LRU: a document's sentences fit, and a full reset is rare.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    tokens = tokenizer.tokenize(sentence);
    cache.set(sentence, tokens);
  }
  return tokens;
}

/** A candidate token in its sentence: `tokens[index]`, whose offsets add to `base` in the segment. */
export interface MorphSite {
  readonly tokens: readonly MorphToken[];
  readonly index: number;
  readonly token: MorphToken;
  readonly base: number;
  readonly masked: string;
  readonly profile: OfficialProfile;
}

/**
 * Calls `visit` for each token that starts at a match of `prefilter` (a global pattern of the
 * characters the rule is about). Does nothing while the host has not loaded the analyser.
 */
export function visitMorphSites(
  context: SegmentContext,
  prefilter: RegExp,
  visit: (site: MorphSite) => SegmentFinding | undefined,
): SegmentFinding[] {
  const tokenizer = context.config.tokenizer;
  if (!tokenizer) return [];
  const masked = context.masked;
  const findings: SegmentFinding[] = [];
  let profiles: ReturnType<typeof segmentProfiles> | undefined;
  for (const m of execAll(prefilter, masked)) {
    const start = m.index;
    const [s, e] = sentenceAround(masked, start);
    const tokens = tokenizeSentence(tokenizer, masked.slice(s, e));
    const index = tokens.findIndex((t) => t.start + s === start);
    if (index < 0) continue;
    profiles ??= segmentProfiles(context);
    const finding = visit({ tokens, index, token: tokens[index], base: s, masked, profile: profiles.at(start) });
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Pattern findings and morphological ones, without two findings at one offset (the pattern's wins). */
export function mergeFindings(patterns: SegmentFinding[], morph: SegmentFinding[]): SegmentFinding[] {
  const taken = new Set(patterns.map((f) => f.start));
  return [
    ...patterns,
    ...morph.filter((f) => !taken.has(f.start) && !patterns.some((p) => f.start < p.end && p.start < f.end)),
  ].sort((a, b) => a.start - b.start);
}

/** Katakana to hiragana (a reading as kana text). */
export function toHiragana(katakana: string): string {
  return katakana.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/**
 * One global pattern for a list of words, led by a class of their first characters: the engine
 * skips most positions with the class instead of trying every alternative there.
 */
export function wordsPattern(words: readonly string[], after = '', flags = 'g'): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const firsts = [...new Set(sorted.map((w) => w[0]))].join('');
  return new RegExp(`(?=[${firsts}])(?:${sorted.join('|')})${after}`, flags);
}
