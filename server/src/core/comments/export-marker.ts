/**
 * What this tool writes carries a marker so that it is never read back: an exported comment table
 * is not a second round of comments, and an exported Markdown table is not a guideline (its
 * submitters' wording would be checked as if the ministry had written it). The marker is in the
 * first line of text exports and in the document properties of .xlsx/.docx (keywords), where a
 * reader of those formats finds it.
 */

/** The token every export carries. */
export const EXPORT_MARKER = 'guideline-tools:export';

/** The first line of a Markdown export: an HTML comment, invisible when rendered. */
export function markdownExportMarker(round: string): string {
  return `<!-- ${EXPORT_MARKER} ${round} — 書き出した表です。ガイドラインや意見の回としては読み込みません。 -->`;
}

/** The first row of a CSV export: one cell, so that Excel shows it above the table. */
export function csvExportMarkerCell(round: string): string {
  return `${EXPORT_MARKER} ${round}（書き出した表。意見の回としては読み込みません）`;
}

/** True when a text starts with the export marker (ignoring a BOM, blank lines and a quote). */
export function isToolExport(text: string): boolean {
  const head = text
    .slice(0, 400)
    .replace(/^\uFEFF/, '')
    .trimStart();
  const firstLine = head.slice(0, head.search(/\r?\n|$/));
  return firstLine.includes(EXPORT_MARKER);
}

/** Why a file given as a round is not read: it is an exported table. */
export const EXPORTED_TABLE = {
  ja: 'このツールが書き出した表です（guideline-tools:export）。意見の回としては読み込みません。書き出す前の回のファイル（YAML など）を指定してください。',
  en: 'a table this tool exported (guideline-tools:export), not read as a comment round: give the round it was exported from (YAML …).',
} as const;
