/**
 * The public-comment data model shared by every comment format (published text, YAML, CSV, JSON)
 * and by the consumers (linking to the guideline, export, the CLI). Pure data: no behaviour.
 */
import { localize, type Localized } from '../i18n/locale';
import type { Range } from '../text/position';

export type Disposition = 'accepted' | 'as-drafted' | 'already-covered' | 'noted' | 'other';

export type { PartName } from '../model/markers';
import type { PartName } from '../model/markers';
import type { PromiseStatus } from './promise';

/** A parsed 該当箇所 (the place in the guideline a comment is about). */
export interface LocationPath {
  /** As written, whitespace-collapsed, continuation lines joined with one space. */
  raw: string;
  /** Normalised half-width section number such as `3.8.1`; null for general comments (全般, その他 …). */
  section: string | null;
  part: PartName | null;
  /** Normalised half-width items in the order written: `(2)`, `⑬`, `(注7)`, `図表5`, `ア`, `(ア)`. */
  items: string[];
  /** Page of the draft, `（107ページ）` → 107. */
  page: number | null;
  /** True when taken from the opinion's first words (no 該当箇所 column, or it was empty). */
  inferred?: boolean;
}

export interface CommentRecord {
  number: number;
  location: LocationPath | null;
  submitter: string | null;
  /** The opinion as readers see it; for published text PDF line wraps are joined (see unwrap.ts). */
  opinion: string;
  response: string;
  /** dispositionOverride when given, otherwise classifyResponse(response). */
  disposition: Disposition;
  /** Set explicitly in a store (YAML `disposition:`, CSV 対応 column); wins over the classifier. */
  dispositionOverride?: Disposition;
  notes?: string;
  /** The state of a promised change (YAML `status:`), see promise.ts. */
  status?: PromiseStatus;
  /** Who carries out the promised change (YAML `assignee:`). */
  assignee?: string;
  /** The whole record in its comment file. */
  range: Range;
  fields?: { location?: Range; opinion?: Range; response?: Range };
  /** Published text only: the fields exactly as extracted (line breaks kept, header rows removed). */
  raw?: { opinion: string; response: string };
  /** The group heading the record stands under (「Ⅰ．当該意見を踏まえて修正するもの」, 「●全般」), when any. */
  group?: string | null;
  /** Unique within the round: `Ⅱ-3` when numbering restarts in each group, else the number. */
  id?: string;
  /** The response promises a change and keeps the rest as drafted (accepted, in part). */
  partial?: boolean;
  /** Ids of the records answered by one shared response (a merged cell, 「No.3～5について」). */
  sharedResponse?: string[];
}

export type CommentFormat = 'text' | 'yaml' | 'csv' | 'json' | 'markdown' | 'pdf' | 'xlsx' | 'docx';

/** The comment period (意見募集期間), never the result's date. ISO dates. */
export interface CommentPeriod {
  from: string | null;
  to: string | null;
  raw: string;
}

export interface CommentRound {
  uri: string;
  title: string | null;
  /** ISO `YYYY-MM-DD` (or `YYYY-MM`) when known. */
  date: string | null;
  /** 意見募集期間 when the document states it. */
  period?: CommentPeriod | null;
  format: CommentFormat;
  comments: CommentRecord[];
  problems: CommentProblem[];
}

export type CommentProblemCode =
  | 'comment-parse'
  | 'comment-encoding'
  | 'comment-number-duplicate'
  | 'comment-number-order'
  | 'comment-number-gap'
  | 'comment-missing-submitter'
  | 'comment-missing-opinion'
  | 'comment-missing-response'
  | 'comment-unknown-field'
  | 'comment-invalid-value';

export interface CommentProblem {
  range: Range;
  message: Localized;
  code: CommentProblemCode;
  /** Errors lose data or make the file unreadable; warnings keep everything but look wrong. */
  severity: 'error' | 'warning';
}

/** Fills `{name}` placeholders in both languages, so problems carry finished messages. */
function fillMessage(message: Localized, args: Record<string, string | number>): Localized {
  return { ja: localize('ja', message, args), en: localize('en', message, args) };
}

export function makeProblem(
  code: CommentProblemCode,
  range: Range,
  message: Localized,
  args: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): CommentProblem {
  return { code, range, message: fillMessage(message, args), severity };
}
