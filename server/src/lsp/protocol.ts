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
  importDocument: 'guideline/importDocument',
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
