/**
 * Types of the notation and terminology checks. The checks run per segment (a section's text) so
 * the server can cache by section text; offsets in a `SegmentFinding` are relative to its segment.
 */
import type { Severity } from '../findings';
import type { Localized } from '../i18n/locale';
import type { CompiledPrhRule } from './prh/types';
import type { MorphTokenizer } from './morph/types';

export type { CompiledPrhRule } from './prh/types';

export interface SegmentFix {
  readonly title: Localized;
  readonly replacement: string;
  readonly start: number;
  readonly end: number;
  /** Safe fixes are applied by fix-all without review. */
  readonly safe: boolean;
  readonly args?: Readonly<Record<string, string | number>>;
}

interface SegmentRelated {
  readonly start: number;
  readonly end: number;
  readonly message: Localized;
}

export interface SegmentFinding {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly message: Localized;
  readonly args?: Readonly<Record<string, string | number>>;
  readonly fixes?: readonly SegmentFix[];
  /** Other places in the same segment that explain the finding (e.g. the opening bracket). */
  readonly related?: readonly SegmentRelated[];
  /** Rule-specific data carried to the editor (code actions such as "fix all of this kind"). */
  readonly data?: unknown;
}

export interface RuleSetting {
  readonly enabled: boolean;
  readonly severity: Severity;
}

/** The public comment that decided a term, e.g. `{ round: '2015', number: 6 }`. */
export interface TermDecision {
  readonly round: string;
  readonly number: number;
}

/**
 * A decided term. Variants are matched width-insensitively (ＳＭＳ = SMS) and, for alphanumeric
 * variants, only as whole words (not inside `SMSC`).
 */
export interface TermRule {
  readonly id: string;
  readonly variants: readonly string[];
  readonly expected: string;
  /** Contexts in which a variant means something else and is left alone. */
  readonly leaveAlone?: {
    /** Text right after the variant (spaces skipped), e.g. `認証` in `SMS認証`. */
    readonly followedBy?: readonly string[];
    /** Text right before the variant, e.g. `携帯電話の`. */
    readonly precededBy?: readonly string[];
    /** Words anywhere near the variant in the same paragraph, e.g. `ショートメッセージ`. */
    readonly nearby?: readonly string[];
  };
  /**
   * When present, the replacement is applied by fix-all only where one of these words is near the
   * variant (the meaning is then unambiguous); elsewhere the fix is offered but not safe.
   */
  readonly safeWhenNearby?: readonly string[];
  /** Why the term was decided; shown after the message. */
  readonly note?: Localized;
  readonly decidedBy?: TermDecision;
}

export interface CheckConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly terminology: readonly TermRule[];
  readonly prh: readonly CompiledPrhRule[];
  /** Preferred spelling of katakana words with and without a trailing ー, e.g. `{ サーバー: 'サーバ' }`. */
  readonly preferredKatakana: Readonly<Record<string, string>>;
  /** Settings of the 公用文 rules (`official-…`); defaults when absent. */
  readonly official?: OfficialSettings;
  /** The morphological analyser, once the host has loaded it (rules needing it wait for it). */
  readonly tokenizer?: MorphTokenizer;
}

/** `notice`: 告示・通知・規程 (strict); `explanatory`: 解説・広報 (the 考え方's relaxations). */
export type OfficialProfile = 'notice' | 'explanatory';

export interface OfficialSettings {
  readonly profile: OfficialProfile;
  /** The document's 読点: 「、」 (default) or 「，」. */
  readonly comma: '、' | '，';
}

export interface RuleDescriptor {
  readonly code: string;
  readonly defaultSeverity: Severity;
  readonly title: Localized;
  readonly description: Localized;
  /** Whether the rule offers quick fixes. */
  readonly fixable: boolean;
  /** Off unless configured (rules that load something heavy, such as the morphological analyser). */
  readonly defaultOff?: boolean;
  /** The rule uses the morphological analyser when the host has loaded it. */
  readonly morphological?: boolean;
}

/** What a per-segment rule sees: the raw segment and the same text with non-prose blanked out. */
export interface SegmentContext {
  readonly text: string;
  readonly masked: string;
  readonly config: CheckConfig;
}

export interface SegmentRule {
  readonly descriptor: RuleDescriptor;
  /**
   * The rule reads words: it sees paragraphs with their soft line breaks joined (soft-breaks.ts)
   * and its offsets are mapped back, its fixes made unsafe where a word crosses a break.
   */
  readonly wordLevel?: boolean;
  check(context: SegmentContext): SegmentFinding[];
}
