/**
 * Reads any comment document from its bytes: PDF (text items by coordinates), xlsx, docx through
 * their readers here, everything else (text, CSV, YAML, JSON, Markdown) through the core's
 * content-based reader. Binary formats are a comment document only when a comment header is found,
 * so a guideline kept as PDF is not mistaken for one.
 */
import type { CommentFormat, CommentRound } from '../../core/comments/model';
import { readCommentDocument } from '../../core/comments/read';
import { gridFromPages } from '../../core/comments/grid/from-pages';
import type { Grid } from '../../core/comments/grid/grid';
import { buildRound } from '../../core/comments/grid/records';
import { readPdfText } from '../pdf/read-pdf-text';
import { docxGrid, xlsxGrid } from './office-grids';

export const BINARY_COMMENT_FILE = /\.(pdf|xlsx|docx)$/i;

async function binaryGrid(format: 'pdf' | 'xlsx' | 'docx', bytes: Uint8Array): Promise<Grid> {
  if (format === 'pdf') return gridFromPages(await readPdfText(bytes));
  return format === 'xlsx' ? xlsxGrid(bytes) : docxGrid(bytes);
}

/**
 * The round in `bytes`, or null when they are not a comment document. With `strict`, a binary file
 * without a comment table still yields a round whose problem names the header cells seen; a file
 * that is not a readable PDF/xlsx/docx throws (PdfReadError, OfficeReadError).
 */
export async function readCommentFile(
  path: string,
  uri: string,
  bytes: Uint8Array,
  strict = false,
): Promise<CommentRound | null> {
  const ext = BINARY_COMMENT_FILE.exec(path)?.[1].toLowerCase() as 'pdf' | 'xlsx' | 'docx' | undefined;
  if (!ext) return readCommentDocument(uri, bytes);
  const round = buildRound(await binaryGrid(ext, bytes), { uri, format: ext as CommentFormat });
  return strict || round.comments.length > 0 ? round : null;
}
