/** Public API of the notation and terminology checks. */
export type {
  CheckConfig,
  CompiledPrhRule,
  RuleDescriptor,
  RuleSetting,
  SegmentFinding,
  SegmentFix,
  SegmentRelated,
  TermDecision,
  TermRule,
} from './types';
export { checkSegment, analyzeSegment, type SegmentAnalysis, type SegmentOptions } from './segment';
export {
  checkDocument,
  decideDocumentVariants,
  documentSpellings,
  fixAllSafe,
  type CheckDocumentOptions,
  type CheckFinding,
  type FixAllResult,
} from './document';
export {
  DEFAULT_PREFERRED_KATAKANA,
  RULE_DESCRIPTORS,
  defaultCheckConfig,
  effectiveKatakanaPreferences,
  ruleSetting,
} from './config';
export { findNonProseRegions, maskNonProse, type NonProseKind, type NonProseRegion } from './prose-mask';
export { filterSuppressed, parseSuppressionDirectives, type SuppressionDirective } from './suppression';
export { applyFixes, applyOffsetEdits, safeFixEdits, type ApplyEditsResult, type OffsetEdit } from './fixes';
export {
  collectKatakanaSpellings,
  decideKatakanaVariants,
  findKatakanaVariants,
  mergeSpellingCounts,
  type KatakanaVariantChoice,
  type KatakanaVariantDecision,
} from './rules/katakana-variant';
export { BUILTIN_TERMS } from './rules/terminology';
export { loadPrhDictionary } from './prh/load';
export type { PrhImportReader, PrhLoadResult, PrhProblem } from './prh/types';
export { checkRegexSafety, type RegexSafety } from './prh/regex-safety';
