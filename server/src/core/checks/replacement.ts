/**
 * The finding most rules report: a span of text to replace with one spelling, with the fix that
 * writes it. One place for its shape, so that every rule's quick fix reads the same.
 */
import type { Localized } from '../i18n/locale';
import type { SegmentFinding } from './types';

/** 「{expected}」に置き換える: the usual title of a fix, filled with the replacement. */
const REPLACE_TITLE: Localized = { ja: '「{expected}」に置き換える', en: 'Replace with "{expected}"' };

export interface ReplacementSpec {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly message: Localized;
  readonly args?: Readonly<Record<string, string | number>>;
  readonly replacement: string;
  /** Fix-all and `--fix` apply safe fixes without review. */
  readonly safe: boolean;
  /** The fix's title (default 「{expected}」に置き換える) and its arguments (default `{ expected }`). */
  readonly title?: Localized;
  readonly titleArgs?: Readonly<Record<string, string | number>>;
  /** Where the fix's edit ends, when it replaces more than the finding (a gloss after the term). */
  readonly fixEnd?: number;
  readonly data?: unknown;
}

export function replacementFinding(spec: ReplacementSpec): SegmentFinding {
  return {
    code: spec.code,
    start: spec.start,
    end: spec.end,
    message: spec.message,
    ...(spec.args ? { args: spec.args } : {}),
    fixes: [
      {
        title: spec.title ?? REPLACE_TITLE,
        args: spec.titleArgs ?? { expected: spec.replacement },
        replacement: spec.replacement,
        start: spec.start,
        end: spec.fixEnd ?? spec.end,
        safe: spec.safe,
      },
    ],
    ...(spec.data !== undefined ? { data: spec.data } : {}),
  };
}
