/**
 * Per-segment analysis with a small cache: a section whose text did not change is not checked
 * again. The cache is keyed by the configuration object's identity (a new configuration starts a
 * new cache) and by the segment text.
 */
import type { CheckConfig, SegmentFinding, SegmentRule } from './types';
import { maskNonProse } from './prose-mask';
import { SEGMENT_RULES, ruleSetting } from './config';
import { collectKatakanaSpellings } from './rules/katakana-variant';
import { parseSuppressionDirectives, type SuppressionDirective } from './suppression';
import { longVowelMarkRule, prefersShortOf, scanLongVowelMarks, type DeferredLongMark } from './rules/long-vowel-mark';
import { hasCut, joinSoftBreaks, mapFindingToOriginal, originalOffset, type JoinedView } from './soft-breaks';

export interface SegmentAnalysis {
  /** The segment with non-prose blanked out. */
  readonly masked: string;
  /** The segment with its paragraphs' soft line breaks joined, for word-level rules. */
  readonly words: JoinedView;
  /** Findings of the enabled per-segment rules, ordered by start. */
  readonly findings: readonly SegmentFinding[];
  /** Katakana words and their counts, for `decideKatakanaVariants`. */
  readonly spellings: ReadonlyMap<string, number>;
  /** Long-vowel candidates only the whole document can decide (see long-vowel-mark.ts). */
  readonly deferredLongMarks: readonly DeferredLongMark[];
  /** Suppression comments in the segment, offsets relative to it. */
  readonly directives: readonly SuppressionDirective[];
}

export interface SegmentOptions {
  /** The segment starts the document (front matter is recognised only there). Default true. */
  readonly documentStart?: boolean;
}

// Enough for the sections of the largest guidelines (a 7 MB document has about 5,000).
const MAX_CACHED_SEGMENTS = 20000;
/** Per configuration, one cache for segments that start their document and one for the others. */
const caches = new WeakMap<CheckConfig, readonly [Map<string, SegmentAnalysis>, Map<string, SegmentAnalysis>]>();

/** The enabled per-segment rules of a configuration, in reporting order: looked up once, not per rule per segment. */
const enabledRules = new WeakMap<CheckConfig, readonly SegmentRule[]>();

function enabledRulesOf(config: CheckConfig): readonly SegmentRule[] {
  let rules = enabledRules.get(config);
  if (!rules) {
    rules = SEGMENT_RULES.filter((rule) => ruleSetting(config, rule.descriptor.code).enabled);
    enabledRules.set(config, rules);
  }
  return rules;
}

function analyze(text: string, config: CheckConfig, documentStart: boolean): SegmentAnalysis {
  const masked = maskNonProse(text, { frontMatter: documentStart });
  const words = joinSoftBreaks(text, masked);
  const findings: SegmentFinding[] = [];
  let deferred: readonly DeferredLongMark[] | undefined;
  for (const rule of enabledRulesOf(config)) {
    if (rule === longVowelMarkRule) {
      // One scan gives the rule's findings and the candidates only the document can decide
      // (what the rule's own check() would return, without scanning the segment twice).
      const scan = scanLongVowelMarks(words.masked, prefersShortOf(config));
      for (const finding of scan.findings) findings.push(mapFindingToOriginal(words, finding));
      deferred = scan.deferred;
    } else if (rule.wordLevel) {
      // A loop, not push(...): a 1 MB line can yield more findings than a call takes arguments.
      for (const finding of rule.check({ text: words.text, masked: words.masked, config }))
        findings.push(mapFindingToOriginal(words, finding));
    } else {
      for (const finding of rule.check({ text, masked, config })) findings.push(finding);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  const deferredLongMarks = deferred
    ? deferred.map((d) => ({
        ...d,
        start: originalOffset(words, d.start),
        wrapped: hasCut(words, d.start - d.stem.length, d.start + 1 + d.right.length, false),
      }))
    : [];
  return {
    masked,
    words,
    findings,
    spellings: collectKatakanaSpellings(words.masked),
    deferredLongMarks,
    directives: parseSuppressionDirectives(text),
  };
}

export function analyzeSegment(text: string, config: CheckConfig, options: SegmentOptions = {}): SegmentAnalysis {
  const documentStart = options.documentStart ?? true;
  let pair = caches.get(config);
  if (!pair) {
    pair = [new Map(), new Map()];
    caches.set(config, pair);
  }
  // Keyed by the text itself: a key such as `'1' + text` would copy every segment to hash it.
  const cache = pair[documentStart ? 1 : 0];
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const result = analyze(text, config, documentStart);
  cache.set(text, result);
  if (pair[0].size + pair[1].size > MAX_CACHED_SEGMENTS) cache.delete(cache.keys().next().value as string);
  return result;
}

/**
 * The analysis of a segment whose identity the caller keeps across versions (the model's chunk
 * models): found by identity, without hashing the text again.
 */
const keyed = new WeakMap<object, WeakMap<CheckConfig, SegmentAnalysis>>();

export function analyzeSegmentKeyed(
  key: object,
  text: string,
  config: CheckConfig,
  options: SegmentOptions = {},
): SegmentAnalysis {
  let byConfig = keyed.get(key);
  if (!byConfig) keyed.set(key, (byConfig = new WeakMap()));
  let analysis = byConfig.get(config);
  if (!analysis) byConfig.set(config, (analysis = analyzeSegment(text, config, options)));
  return analysis;
}

/** A segment of a document with the key its analysis is cached by. */
export interface KeyedSegment {
  readonly start: number;
  readonly text: string;
  readonly key: object;
}

export function analyzeKeyedSegment(segment: KeyedSegment, config: CheckConfig): SegmentAnalysis {
  return analyzeSegmentKeyed(segment.key, segment.text, config, { documentStart: segment.start === 0 });
}

/** All per-segment rules on one segment; offsets relative to the segment. */
export function checkSegment(text: string, config: CheckConfig, options: SegmentOptions = {}): SegmentFinding[] {
  return [...analyzeSegment(text, config, options).findings];
}
