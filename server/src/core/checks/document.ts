/**
 * Checks of a whole document: per-segment analysis (cached), the katakana-variant decision across
 * segments, suppression comments, and conversion to `Finding`s with ranges, localized messages and
 * fixes as document edits.
 */
import type { Finding, Fix, RelatedLocation } from '../findings';
import { localize, type Locale } from '../i18n/locale';
import { LineIndex } from '../text/position';
import type { CheckConfig, SegmentFinding, TermDecision } from './types';
import { analyzeKeyedSegment, analyzeSegment, type KeyedSegment, type SegmentAnalysis } from './segment';
import { DEFAULT_PREFERRED_KATAKANA, effectiveKatakanaPreferences, ruleSetting } from './config';
import {
  EMPTY_KATAKANA_DECISION,
  KATAKANA_VARIANT,
  decideKatakanaVariants,
  findKatakanaVariants,
  mergeSpellingCounts,
  type KatakanaVariantDecision,
} from './rules/katakana-variant';
import { filterSuppressedBy, type SuppressionDirective } from './suppression';
import { longVowelFinding, type DeferredLongMark } from './rules/long-vowel-mark';
import { applyFixes, safeFixEdits } from './fixes';
import { mapFindingToOriginal } from './soft-breaks';

/** A finding of the checks; `data` is rule-specific (e.g. `{ variant, preferred }`) for code actions. */
export interface CheckFinding extends Finding {
  readonly data?: unknown;
}

export interface CheckDocumentOptions {
  /** Offsets where segments (sections) start; default: the whole text is one segment. */
  readonly segmentStarts?: readonly number[];
  /** A katakana-variant decision made elsewhere (e.g. over the workspace); default: this document's. */
  readonly variants?: KatakanaVariantDecision;
  /** Spelling counts kept elsewhere (the workspace's); default: this document's, summed here. */
  readonly spellingCounts?: ReadonlyMap<string, number>;
  /** Links a terminology finding to the public comment that decided the term, when it is loaded. */
  readonly describeDecision?: (decision: TermDecision) => { href?: string; related?: RelatedLocation } | undefined;
  /** The document's line index when the caller has one (saves a pass over the text). */
  readonly lines?: LineIndex;
  /**
   * The segments with a key the caller keeps across versions (the model's chunk models): their
   * analyses are found by identity, so an edit costs the segments it changed. Overrides
   * `segmentStarts`.
   */
  readonly segments?: readonly KeyedSegment[];
}

interface Segment {
  readonly start: number;
  readonly analysis: SegmentAnalysis;
}

function segmentBounds(length: number, starts: readonly number[] | undefined): Array<[number, number]> {
  const points = [...new Set([0, ...(starts ?? [])])]
    .filter((s) => Number.isInteger(s) && s >= 0 && s < length)
    .sort((a, b) => a - b);
  if (points.length === 0) return [[0, length]];
  return points.map((s, i) => [s, i + 1 < points.length ? points[i + 1] : length]);
}

function analyzeSegments(
  text: string,
  config: CheckConfig,
  starts: readonly number[] | undefined,
  keyedSegments?: CheckDocumentOptions['segments'],
): Segment[] {
  if (keyedSegments) {
    return keyedSegments.map((segment) => ({ start: segment.start, analysis: analyzeKeyedSegment(segment, config) }));
  }
  return segmentBounds(text.length, starts).map(([s, e]) => ({
    start: s,
    analysis: analyzeSegment(text.slice(s, e), config, { documentStart: s === 0 }),
  }));
}

/** Suppression comments of keyed segments, in document offsets (cached per segment). */
export function segmentDirectives(
  segments: NonNullable<CheckDocumentOptions['segments']>,
  config: CheckConfig,
): SuppressionDirective[] {
  const out: SuppressionDirective[] = [];
  for (const { start, analysis } of analyzeSegments('', config, undefined, segments)) {
    for (const d of analysis.directives) out.push({ ...d, start: d.start + start, end: d.end + start });
  }
  return out;
}

/** The katakana-variant decision of one document's segments. */
export function decideDocumentVariants(
  text: string,
  config: CheckConfig,
  segmentStarts?: readonly number[],
): KatakanaVariantDecision {
  const segments = analyzeSegments(text, config, segmentStarts);
  return decideKatakanaVariants(
    mergeSpellingCounts(segments.map((s) => s.analysis.spellings)),
    effectiveKatakanaPreferences(config),
    DEFAULT_PREFERRED_KATAKANA,
  );
}

function fixKey(f: SegmentFinding): string {
  return `${f.start}:${f.end}:${f.fixes?.[0]?.replacement ?? ''}`;
}

/** Katakana-variant findings, minus those another rule already makes with the same replacement (prh). */
const variantCache = new WeakMap<
  SegmentAnalysis,
  { decision: KatakanaVariantDecision; findings: readonly SegmentFinding[] }
>();

function variantFindings(analysis: SegmentAnalysis, decision: KatakanaVariantDecision): readonly SegmentFinding[] {
  const hit = variantCache.get(analysis);
  if (hit && hit.decision === decision) return hit.findings;
  const words = analysis.words;
  const variants = findKatakanaVariants(words.masked, decision).map((f) => mapFindingToOriginal(words, f));
  const taken = variants.length > 0 ? new Set(analysis.findings.map(fixKey)) : null;
  const findings = taken ? variants.filter((v) => !taken.has(fixKey(v))) : variants;
  variantCache.set(analysis, { decision, findings });
  return findings;
}

/**
 * ポリシ一及び in a section that never writes ポリシー is a slip when the document writes the word
 * with ー more often than without (the 一 run itself counts once as the bare spelling).
 */
function resolveDeferredLongMarks(
  deferred: readonly DeferredLongMark[],
  counts: ReadonlyMap<string, number>,
): SegmentFinding[] {
  return deferred
    .filter((d) => {
      const long = counts.get(`${d.stem}ー`) ?? 0;
      return long > 0 && long >= (counts.get(d.stem) ?? 0) - 1;
    })
    .map((d) => longVowelFinding(d.start, d.char, d.stem, d.right, !d.wrapped));
}

interface Placed {
  readonly finding: SegmentFinding;
  readonly offset: number;
  readonly code: string;
  readonly start: number;
}

function toFinding(
  uri: string,
  placed: Placed,
  index: LineIndex,
  config: CheckConfig,
  locale: Locale,
  options: CheckDocumentOptions,
): CheckFinding {
  const { finding, offset } = placed;
  const args = { ...(finding.args ?? {}) };
  const fixes: Fix[] = (finding.fixes ?? []).map((fix) => ({
    title: localize(locale, fix.title, { ...args, ...(fix.args ?? {}) }),
    edits: [{ range: index.rangeOf(offset + fix.start, offset + fix.end), newText: fix.replacement }],
    safe: fix.safe,
    preferred: fix.safe,
  }));
  const related: RelatedLocation[] = (finding.related ?? []).map((r) => ({
    uri,
    range: index.rangeOf(offset + r.start, offset + r.end),
    message: localize(locale, r.message, args),
  }));
  let codeDescriptionUri: string | undefined;
  const decidedBy = (finding.data as { decidedBy?: TermDecision } | undefined)?.decidedBy;
  if (decidedBy && options.describeDecision) {
    const link = options.describeDecision(decidedBy);
    if (link?.href) codeDescriptionUri = link.href;
    if (link?.related) related.push(link.related);
  }
  return {
    code: finding.code,
    severity: ruleSetting(config, finding.code).severity,
    message: localize(locale, finding.message, args),
    range: index.rangeOf(offset + finding.start, offset + finding.end),
    ...(related.length > 0 ? { related } : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
    ...(codeDescriptionUri ? { codeDescriptionUri } : {}),
    ...(finding.data !== undefined ? { data: finding.data } : {}),
  };
}

/**
 * Runs the checks on a document. Segments are analysed separately (and cached by their text);
 * offsets are mapped back to document ranges. Never throws on any text.
 */
export function checkDocument(
  uri: string,
  text: string,
  config: CheckConfig,
  locale: Locale,
  options: CheckDocumentOptions = {},
): CheckFinding[] {
  const segments = analyzeSegments(text, config, options.segmentStarts, options.segments);
  const variantsOn = ruleSetting(config, KATAKANA_VARIANT).enabled;
  let counts = options.spellingCounts;
  const documentCounts = (): ReadonlyMap<string, number> =>
    (counts ??= mergeSpellingCounts(segments.map((s) => s.analysis.spellings)));
  const decision = !variantsOn
    ? EMPTY_KATAKANA_DECISION
    : (options.variants ??
      decideKatakanaVariants(documentCounts(), effectiveKatakanaPreferences(config), DEFAULT_PREFERRED_KATAKANA));
  const placed: Placed[] = [];
  const directives: SuppressionDirective[] = [];
  for (const { start, analysis } of segments) {
    const place = (finding: SegmentFinding): void => {
      placed.push({ finding, offset: start, code: finding.code, start: start + finding.start });
    };
    analysis.findings.forEach(place);
    if (variantsOn) variantFindings(analysis, decision).forEach(place);
    if (analysis.deferredLongMarks.length > 0)
      resolveDeferredLongMarks(analysis.deferredLongMarks, documentCounts()).forEach(place);
    for (const d of analysis.directives) directives.push({ ...d, start: d.start + start, end: d.end + start });
  }
  const index = options.lines && options.lines.text === text ? options.lines : new LineIndex(text);
  const kept = filterSuppressedBy(directives, index, placed);
  kept.sort(
    (a, b) =>
      a.start - b.start || a.offset + a.finding.end - (b.offset + b.finding.end) || a.code.localeCompare(b.code),
  );
  return kept.map((p) => toFinding(uri, p, index, config, locale, options));
}

export interface FixAllResult {
  readonly text: string;
  /** Passes that changed the text. */
  readonly passes: number;
  /** Edits applied over all passes. */
  readonly applied: number;
}

const MAX_FIX_PASSES = 10;

/**
 * Applies every safe fix, re-checking after each pass (a fix can enable another, and overlapping
 * fixes wait for the next pass) until nothing changes. The whole text is one segment here, since
 * section offsets move as the text changes.
 */
export function fixAllSafe(
  uri: string,
  text: string,
  config: CheckConfig,
  options: Pick<CheckDocumentOptions, 'variants'> = {},
): FixAllResult {
  let current = text;
  let passes = 0;
  let applied = 0;
  const seen = [text];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const findings = checkDocument(uri, current, config, 'en', options);
    const edits = safeFixEdits(current, findings);
    if (edits.length === 0) break;
    const result = applyFixes(current, edits);
    if (result.text === current) break;
    const cycleStart = seen.indexOf(result.text);
    if (cycleStart >= 0) {
      // Rules that undo each other (two dictionaries disagreeing on サーバ/サーバー) would turn the
      // text round in a cycle: stop on one text of the cycle, the same whichever member the run
      // entered it by, so that fixing again changes nothing.
      current = seen.slice(cycleStart).reduce((a, b) => (b < a ? b : a));
      break;
    }
    seen.push(result.text);
    current = result.text;
    applied += result.applied.length;
    passes++;
  }
  return { text: current, passes, applied };
}
