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
  coverage: 'guideline/coverage',
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

/** `guideline/coverage` (params: `{ uri }` of a policy): the 「例文との対応」 view's data. */
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
