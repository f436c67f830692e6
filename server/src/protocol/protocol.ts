/**
 * The custom protocol between the extension and the server (`guideline/…`): typed request
 * constants, their parameter and result shapes, and the error codes the server answers with.
 * Its own small TypeScript project, imported by server/src/lsp and client/src alike, so the two
 * sides cannot drift apart; it depends only on the LSP protocol types.
 */
import {
  RequestType,
  type Range,
  type TextDocumentIdentifier,
  type SymbolInformation,
  type TextDocumentPositionParams,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';

/** The client shortens texts for lists exactly as the server does for hovers. */
export { shorten } from '../core/text/shorten';

/** What the client shows in lists and the comments view. */
export interface CommentItem {
  readonly roundUri: string;
  readonly roundLabel: string;
  readonly number: number;
  /** `Ⅱ-3` when numbering restarts in each group, else the number as text. */
  readonly id: string;
  /** The group heading (「Ⅱ．原案のとおりとするもの」) or null. */
  readonly group: string | null;
  /** Accepted in part: a promised change beside 「…は原案のとおり」. */
  readonly partial: boolean;
  /** Ids of the comments answered by this one's response, when it is shared. */
  readonly sharedResponse: string[] | null;
  readonly submitter: string | null;
  readonly disposition: string;
  readonly dispositionLabel: string;
  readonly location: string | null;
  readonly opinion: string;
  readonly response: string;
  readonly range: Range;
  readonly section: string | null;
  /** The title of the section the comment resolved in. */
  readonly sectionTitle: string | null;
  readonly target: { uri: string; range: Range; name: string; match: string } | null;
  /** The state of the change the response promises; null when it promises none. */
  readonly promise: CommentPromise | null;
  /** The round is a YAML store, where the state can be set. */
  readonly editable: boolean;
  /** Comments on an earlier version: whether the promised change was made. */
  readonly verification?: 'applied' | 'not-applied' | 'target-deleted' | 'unknown';
  /** Comments on an earlier version whose place was renumbered: 「（2015年案では 3.8.3）」. */
  readonly history?: string;
}

export type PromiseStatusKey = 'open' | 'done' | 'verified';

interface CommentPromise {
  readonly status: PromiseStatusKey;
  /** 未着手 / 対応済み / 確認済み in the user's language. */
  readonly label: string;
  readonly assignee: string | null;
  readonly notes: string | null;
  /** Set in the store, inferred from versions, or nothing yet. */
  readonly source: 'store' | 'automatic' | 'default';
}

export interface CommentsAtResult {
  readonly title: string | null;
  readonly items: CommentItem[];
}

/** Items come sorted: by section in numeric order (general comments last), then by number. */
export interface CommentTreeRound {
  readonly uri: string;
  readonly label: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly items: CommentItem[];
  /** Why the round is about no guideline of the workspace (localized); null when it is attached. */
  readonly unattached?: string | null;
}

export interface CommentTreeResult {
  readonly rounds: CommentTreeRound[];
}

export interface CommentStatus {
  readonly kind: 'guideline' | 'comments' | null;
  readonly linked: number;
  readonly unresolved: number;
  readonly accepted: number;
  /** Promised changes not made yet (未着手), in the file's comments (or the rounds of a guideline's comments). */
  readonly openPromises: number;
}

export interface ConvertCommentsParams {
  readonly uri: string;
  readonly format: 'yaml' | 'json' | 'csv';
}

export type ExportFormat = 'md' | 'csv' | 'csv-sjis' | 'xlsx' | 'docx';

export interface ExportCommentsParams {
  readonly uri: string;
  readonly format: ExportFormat;
  readonly order: 'number' | 'section';
}

export interface ExportCommentsResult {
  /** Markdown and CSV: the text (without BOM). */
  readonly text: string | null;
  /** The file's bytes, base64. */
  readonly data: string;
  /** The file name extension for the format (csv, xlsx …). */
  readonly extension: string;
  /** Characters the encoding could not hold, written as "?" (Shift_JIS). */
  readonly unmappable: string[];
}

export interface SetCommentStatusParams {
  /** The round: a YAML store. */
  readonly uri: string;
  readonly number: number;
  readonly status: PromiseStatusKey;
  /** Undefined leaves the field as it is; '' empties it. */
  readonly assignee?: string;
  readonly notes?: string;
}

export interface TextResult {
  readonly text: string;
}

/** The comments on the section (or marker) at a position of a guideline. */
export const CommentsAtRequest = new RequestType<TextDocumentPositionParams, CommentsAtResult, void>(
  'guideline/commentsAt',
);

/** Every round in the workspace with its comments, for the comments view. */
export const CommentTreeRequest = new RequestType<Record<string, never>, CommentTreeResult, void>(
  'guideline/commentTree',
);

/** The status bar's counts for one file. */
export const CommentStatusRequest = new RequestType<{ textDocument: TextDocumentIdentifier }, CommentStatus, void>(
  'guideline/status',
);

/** A comment document converted to YAML, JSON or CSV (the text; the client decides where it goes). */
export const ConvertCommentsRequest = new RequestType<ConvertCommentsParams, TextResult, void>(
  'guideline/convertComments',
);

/** A round as the published comment table: Markdown, CSV (UTF-8 with BOM or Shift_JIS), .xlsx or .docx. */
export const ExportCommentsRequest = new RequestType<ExportCommentsParams, ExportCommentsResult, void>(
  'guideline/exportComments',
);

/** The section of the latest earlier version aligned with the current section at a position. */
export interface PreviousSectionResult {
  /** The version's label (「2015年3月 意見募集案」). */
  readonly label: string;
  /** The section number now and then (they differ when it was renumbered). */
  readonly section: string | null;
  readonly previousSection: string | null;
  /** Their own texts; empty for a section added since. */
  readonly previous: string;
  readonly current: string;
}

export interface RevisionTableParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly format: 'md' | 'html' | 'docx';
  /** A configured version's label; the latest when none of version, file and git is given. */
  readonly version?: string;
  /** Another file as the previous version (a file: URI). */
  readonly file?: string;
  /** The guideline's own file at a git revision (read only in a trusted workspace). */
  readonly git?: string;
}

export interface VersionListResult {
  /** Labels of the configured versions, in the order of guideline.config.json. */
  readonly labels: string[];
}

export interface RevisionTableResult {
  /** Markdown or HTML text, or the DOCX bytes in base64. */
  readonly content: string;
  readonly encoding: 'utf8' | 'base64';
  readonly versionLabel: string;
  readonly counts: {
    readonly modified: number;
    readonly added: number;
    readonly deleted: number;
    readonly renumbered: number;
  };
}

/** For the side-by-side view: the previous version's section (null without versions). */
export const PreviousSectionRequest = new RequestType<TextDocumentPositionParams, PreviousSectionResult | null, void>(
  'guideline/previousSection',
);

/** The configured versions, for the client to choose from. */
export const VersionListRequest = new RequestType<Record<string, never>, VersionListResult, void>('guideline/versions');

/** The 新旧対照表 of a guideline against a configured version, another file or a git revision. */
export const RevisionTableRequest = new RequestType<RevisionTableParams, RevisionTableResult, void>(
  'guideline/revisionTable',
);

/** `guideline/importDocument`: the server reads a Word file or PDF and returns guideline Markdown. */
export interface ImportDocumentParams {
  /** A `file:` URI of a .docx or .pdf. */
  readonly uri: string;
}

export interface ImportDocumentResult {
  readonly kind: 'pdf' | 'docx';
  /** Pages of a PDF; null for Word files. */
  readonly pages: number | null;
  readonly markdown: string;
  /** What the import was unsure of, one line each, in the server's language. */
  readonly notes: string[];
}

/**
 * A Word file or PDF converted to guideline Markdown (the client opens it as a new editor); null
 * when the server failed unexpectedly (logged). Bad input is an `ImportFailed` error.
 */
export const ImportDocumentRequest = new RequestType<ImportDocumentParams, ImportDocumentResult | null, void>(
  'guideline/importDocument',
);
/** `guideline/coverage`: the 「例文との対応」 view's data for a policy. */
export interface CoverageViewResult {
  readonly policyUri: string;
  /** Null when the document is not a policy derived from a workspace guideline. */
  readonly guidelineUri: string | null;
  readonly guidelineTitle: string | null;
  readonly summary: {
    readonly covered: number;
    readonly modified: number;
    readonly missing: number;
    readonly extra: number;
  } | null;
  /** Guideline sections with missing or modified 例文 clauses, in the guideline's order. */
  readonly sections: CoverageViewSection[];
  /** 例文 new or changed since an earlier version that the policy does not reflect (null: no version). */
  readonly versions: CoverageVersionsGroup | null;
}

/** The 「新版で新設・変更（未反映）」 group: unreflected new and changed 例文, then deleted ones still adopted. */
export interface CoverageVersionsGroup {
  /** The group's label, with the older version's: 「令和4年3月版から新設・変更（未反映）」. */
  readonly title: string;
  readonly oldLabel: string;
  readonly summary: {
    readonly new: number;
    readonly changed: number;
    readonly unreflected: number;
    readonly deletedRemaining: number;
  };
  readonly items: CoverageVersionsItem[];
}

export interface CoverageVersionsItem {
  readonly change: 'new' | 'changed' | 'deleted';
  /** 新設 / 変更 / 削除 and the verdict: 未反映（旧文のまま）, 未反映（対策基準にない）, 削除済み・対策基準に残る. */
  readonly label: string;
  readonly section: string;
  readonly name: string;
  readonly text: string;
  /** The 例文 in the newer guideline (null for a deleted one). */
  readonly guidelineRange: Range | null;
  readonly policyLabel: string | null;
  readonly policyRange: Range | null;
  /** For a changed 例文: old text → new. */
  readonly diff: readonly { readonly kind: 'same' | 'removed' | 'added'; readonly text: string }[] | null;
}

export interface CoverageViewSection {
  readonly section: string;
  readonly title: string;
  readonly guidelineRange: Range;
  readonly policyLabel: string | null;
  readonly policyRange: Range | null;
  readonly items: CoverageViewItem[];
}

export interface CoverageViewItem {
  readonly status: 'covered' | 'modified' | 'missing';
  readonly statusLabel: string;
  readonly name: string;
  readonly text: string;
  readonly guidelineRange: Range;
  readonly policyLabel: string | null;
  readonly policyRange: Range | null;
  readonly similarity: number;
  readonly diff: readonly { readonly kind: 'same' | 'removed' | 'added'; readonly text: string }[] | null;
}

/** Missing and modified 例文 of the policy `uri` by guideline section (the 「例文との対応」 view). */
export const CoverageRequest = new RequestType<{ uri: string }, CoverageViewResult, void>('guideline/coverage');

/** The edit that records a promise's state in the YAML store; the client applies and saves it. */
export const SetCommentStatusRequest = new RequestType<SetCommentStatusParams, { edit: WorkspaceEdit }, void>(
  'guideline/setCommentStatus',
);

/**
 * 「項番へ移動」: the sections of the workspace's guideline documents only (documents with numbered
 * sections), numbered sections first; a README's headings are not offered.
 */
export const GuidelineSectionsRequest = new RequestType<{ query: string }, SymbolInformation[], void>(
  'guideline/sections',
);

/**
 * Error codes of `guideline/…` requests. Application codes outside JSON-RPC's reserved ranges;
 * the message is already in the user's language.
 */
export const GuidelineErrorCodes = {
  /** The file given is not a comment document the server could read. */
  NotCommentDocument: 1,
  /** A format the request does not know. */
  UnknownFormat: 2,
  /** The file to import is not on disk, not Word or PDF, or cannot be read. */
  ImportFailed: 3,
  /** The round is not a YAML store (states are recorded only there), or has no such comment. */
  NotEditableStore: 4,
  /** No earlier version is configured or readable (guideline.config.json `versions`). */
  NoVersion: 5,
} as const;
