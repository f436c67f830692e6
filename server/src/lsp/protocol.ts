/**
 * The custom requests between the extension and the server (`guideline/…`): their names and
 * shapes. Type-only, shared by server/src/lsp and client/src.
 */
interface Position {
  readonly line: number;
  readonly character: number;
}

interface Range {
  readonly start: Position;
  readonly end: Position;
}

export const Requests = {
  commentsAt: 'guideline/commentsAt',
  commentTree: 'guideline/commentTree',
  status: 'guideline/status',
  convertComments: 'guideline/convertComments',
  exportComments: 'guideline/exportComments',
  previousSection: 'guideline/previousSection',
  revisionTable: 'guideline/revisionTable',
} as const;

/** What the client shows in lists and the comments view. */
export interface CommentItem {
  readonly roundUri: string;
  readonly roundLabel: string;
  readonly number: number;
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
  /** Comments on an earlier version: whether the promised change was made. */
  readonly promise?: 'applied' | 'not-applied' | 'target-deleted' | 'unknown';
  /** Comments on an earlier version whose place was renumbered: 「（2015年案では 3.8.3）」. */
  readonly history?: string;
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
}

export interface CommentStatus {
  readonly kind: 'guideline' | 'comments' | null;
  readonly linked: number;
  readonly unresolved: number;
  readonly accepted: number;
}

/** `guideline/previousSection` {textDocument, position}: the section of the latest earlier version. */
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

/** `guideline/revisionTable` {textDocument, format, version?}: the 新旧対照表 against a configured version. */
export interface RevisionTableParams {
  readonly textDocument: { readonly uri: string };
  readonly format: 'md' | 'html' | 'docx';
  /** A configured version's label; the latest when absent. */
  readonly version?: string;
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
