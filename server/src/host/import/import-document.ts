/**
 * Import of a Word file or a PDF into guideline Markdown: reads the bytes (host), recovers the
 * structure (core/import) and writes the Markdown. Shared by the CLI and the language server.
 */
import { readPdfText, PdfReadError } from '../pdf/read-pdf-text';
import { readDocx, DocxReadError } from '../docx/read-docx';
import { importPdfPages } from '../../core/import/pdf/import-pdf';
import { importDocx } from '../../core/import/docx/import-docx';
import { blocksToMarkdown } from '../../core/import/markdown';
import type { ImportIssue } from '../../core/import/types';
import type { Locale, Localized } from '../../core/i18n/locale';
import { readBytesFile } from '../files';
import { basename } from 'node:path';

/** Word files and PDFs of guidelines carry pictures: a larger cap than for Markdown. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

type ImportKind = 'pdf' | 'docx';

export interface ImportedDocument {
  readonly kind: ImportKind;
  readonly markdown: string;
  readonly issues: readonly ImportIssue[];
  /** Pages of a PDF; undefined for Word files. */
  readonly pages?: number;
}

/** Bad input: a message for the user, and the reader's own reason when it has one. */
export class ImportInputError extends Error {
  constructor(
    readonly localized: Localized,
    readonly detail = '',
  ) {
    super(detail ? `${localized.en}: ${detail}` : localized.en);
  }

  /** The message in the user's language, the reader's reason (English, technical) after it. */
  text(locale: Locale): string {
    return this.detail ? `${this.localized[locale]} (${this.detail})` : this.localized[locale];
  }
}

const NOT_SUPPORTED: Localized = {
  ja: '取り込めるのは Word（.docx）と PDF のファイルです（.doc は Word で .docx に保存し直してください）',
  en: 'only Word (.docx) and PDF files can be imported (save a .doc as .docx in Word first)',
};
const UNREADABLE_PDF: Localized = { ja: 'PDF を読み取れません', en: 'the PDF cannot be read' };
const UNREADABLE_DOCX: Localized = { ja: 'Word ファイルを読み取れません', en: 'the Word file cannot be read' };

/** The kind by content (a PDF starts with %PDF, a .docx is a zip: PK), else by the file's extension. */
function importKind(bytes: Uint8Array, name: string): ImportKind | null {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK')) return /\.docx$/i.test(name) || !/\.(xlsx|pptx|zip)$/i.test(name) ? 'docx' : null;
  return null;
}

export async function importDocument(bytes: Uint8Array, name: string): Promise<ImportedDocument> {
  const kind = importKind(bytes, name);
  if (kind === 'pdf') {
    let pages;
    try {
      pages = await readPdfText(bytes);
    } catch (error) {
      if (error instanceof PdfReadError) throw new ImportInputError(UNREADABLE_PDF, error.message);
      throw error;
    }
    const result = importPdfPages(pages);
    return { kind, markdown: blocksToMarkdown(result.blocks), issues: result.issues, pages: pages.length };
  }
  if (kind === 'docx') {
    let doc;
    try {
      doc = await readDocx(bytes);
    } catch (error) {
      if (error instanceof DocxReadError) throw new ImportInputError(UNREADABLE_DOCX, error.message);
      throw error;
    }
    const result = importDocx(doc);
    return { kind, markdown: blocksToMarkdown(result.blocks), issues: result.issues };
  }
  throw new ImportInputError(NOT_SUPPORTED);
}

/** Reads `path` and imports it. */
export async function importFile(path: string): Promise<ImportedDocument> {
  const read = await readBytesFile(path, MAX_IMPORT_BYTES);
  if ('error' in read) throw new ImportInputError(read.error);
  return importDocument(read.bytes, basename(path));
}
