/**
 * The plain structure an import recovers from a Word file or a PDF, before it is written as
 * Markdown. Both readers produce it; one writer (markdown.ts) turns it into the conventions the
 * rest of the tool parses.
 */
import type { Localized } from '../i18n/locale';

export type ImportBlock =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** A bulleted list item (・, ●); consecutive ones form one list. */
  | { readonly kind: 'bullet'; readonly text: string }
  | { readonly kind: 'table'; readonly rows: readonly (readonly string[])[] };

export type ImportIssueCode =
  | 'heading-guessed'
  | 'toc-heading-missing'
  | 'table-flattened'
  | 'page-without-text'
  | 'columns-detected'
  | 'docx-object-skipped';

/** Something the import was not sure of: the user should look at that place. */
export interface ImportIssue {
  readonly code: ImportIssueCode;
  /** 1-based page of a PDF; absent for Word files. */
  readonly page?: number;
  /** The text concerned (a heading, a table's first cell…), shortened. */
  readonly text: string;
}

export interface ImportResult {
  readonly blocks: readonly ImportBlock[];
  readonly issues: readonly ImportIssue[];
}

export const ISSUE_MESSAGES: Record<ImportIssueCode, Localized> = {
  'heading-guessed': {
    ja: '見出しと推定しました（番号の形だけで判断。目次・文字の大きさで確認できません）：{text}',
    en: 'guessed to be a heading (by its numbering only; not confirmed by the table of contents or type size): {text}',
  },
  'toc-heading-missing': {
    ja: '目次にある見出しが本文に見つかりません：{text}',
    en: 'a heading in the table of contents was not found in the body: {text}',
  },
  'table-flattened': {
    ja: '表の列をそろえられず、段落として取り込みました：{text}',
    en: 'a table whose columns could not be aligned was imported as paragraphs: {text}',
  },
  'page-without-text': {
    ja: 'このページには文字がありません（画像として読み取られたページの可能性があります。文字認識が必要です）',
    en: 'this page has no text (probably a scanned image; it needs OCR)',
  },
  'columns-detected': {
    ja: '二段組みとして左の段、右の段の順に読みました（{text}ページ）',
    en: 'read as two columns, the left one first (pages {text})',
  },
  'docx-object-skipped': {
    ja: '文章でない要素（図・テキストボックス等）を取り込みませんでした：{text}',
    en: 'an element that is not text (a picture, a text box…) was not imported: {text}',
  },
};

/** Shortens a text for a message: the first 40 characters. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
