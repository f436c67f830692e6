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
import { readZip } from '../ooxml/zip';
import { EXPORT_MARKER, isToolExport } from '../../core/comments/export-marker';
import { decodeBytes } from '../../core/text/encoding';

export const BINARY_COMMENT_FILE = /\.(pdf|xlsx|docx)$/i;

async function binaryGrid(format: 'pdf' | 'xlsx' | 'docx', bytes: Uint8Array): Promise<Grid> {
  if (format === 'pdf') return gridFromPages(await readPdfText(bytes));
  return format === 'xlsx' ? xlsxGrid(bytes) : docxGrid(bytes);
}

/**
 * A table this tool exported (export-marker.ts): the first line of a text export, or the keywords
 * of an .xlsx/.docx's document properties. Such a file is never a round, and not worth a notice.
 */
export function isMarkedExport(path: string, bytes: Uint8Array): boolean {
  const ext = BINARY_COMMENT_FILE.exec(path)?.[1].toLowerCase();
  if (ext === 'pdf') return false;
  if (!ext) return isToolExport(decodeBytes(bytes.subarray(0, 1024)).text);
  try {
    const core =
      readZip(bytes, 1024 * 1024)
        .get('docProps/core.xml')?.()
        .toString('utf8') ?? '';
    return /<cp:keywords>([^<]*)<\/cp:keywords>/.exec(core)?.[1].includes(EXPORT_MARKER) ?? false;
  } catch {
    return false; // not a ZIP: the reader says why
  }
}

/**
 * The round in `bytes`, or null when they are not a comment document (or a marked export). With `strict`, a binary file
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
  if (isMarkedExport(path, bytes)) return null;
  const round = buildRound(await binaryGrid(ext, bytes), { uri, format: ext as CommentFormat });
  return strict || round.comments.length > 0 ? round : null;
}
