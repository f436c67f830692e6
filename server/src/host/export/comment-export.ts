/**
 * One entry for every export format of a comment round: the bytes to write, the text for text
 * formats, and what the user should know (characters Shift_JIS cannot hold).
 */
import type { Locale } from '../../core/i18n/locale';
import type { CommentRound } from '../../core/comments/model';
import {
  commentTable,
  exportCommentsCsv,
  exportCommentsMarkdown,
  type ExportOptions,
} from '../../core/comments/export';
import { csvBytes } from './csv-bytes';
import { commentTableXlsx } from './xlsx';
import { commentTableDocx } from './docx';

export const EXPORT_FORMATS = ['md', 'csv', 'csv-sjis', 'xlsx', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  md: 'md',
  csv: 'csv',
  'csv-sjis': 'csv',
  xlsx: 'xlsx',
  docx: 'docx',
};

export interface ExportedComments {
  readonly bytes: Uint8Array;
  /** The text of Markdown and CSV exports. */
  readonly text: string | null;
  /** Characters written as "?" (Shift_JIS only). */
  readonly unmappable: readonly string[];
}

const SHEET = { ja: '意見及び考え方', en: 'Comments' } as const;

export async function exportComments(
  round: CommentRound,
  format: ExportFormat,
  options: ExportOptions & { locale: Locale },
): Promise<ExportedComments> {
  switch (format) {
    case 'md': {
      const text = exportCommentsMarkdown(round, options);
      return { bytes: new TextEncoder().encode(text), text, unmappable: [] };
    }
    case 'csv':
    case 'csv-sjis': {
      const text = exportCommentsCsv(round, options);
      const encoded = await csvBytes(text, format === 'csv' ? 'utf-8-bom' : 'shift_jis');
      return { bytes: encoded.bytes, text, unmappable: encoded.unmappable };
    }
    case 'xlsx':
      return {
        bytes: await commentTableXlsx(commentTable(round, options), SHEET[options.locale]),
        text: null,
        unmappable: [],
      };
    case 'docx':
      return { bytes: await commentTableDocx(commentTable(round, options)), text: null, unmappable: [] };
  }
}
