/**
 * A Word document's structure → the blocks of a guideline. Word already knows its headings
 * (styles) and its numbers (automatic numbering); this decides the Markdown level from the
 * numbering (as for PDFs) and falls back on the style's level, drops the table of contents, and
 * reads a one-column table (the frame many guidelines draw around 【例文】) as paragraphs.
 */
import { numberedHeading } from '../heading-level';
import { excerpt, type ImportBlock, type ImportIssue, type ImportResult } from '../types';
import type { DocxDocument, DocxParagraph } from './model';

const TOC_STYLE = /^(?:toc|目次)\s*\d|^toc heading$|^目次の見出し$/i;

function paragraphText(p: DocxParagraph): string {
  const text = p.text.replace(/\t/g, ' ');
  if (!p.numberText || p.bullet) return text;
  // A full-width closing bracket already separates （１）最高…; (1), ア, 一 and 第3章 take a space.
  const label = p.numberText.trim();
  return `${label}${/[）】]$/.test(label) ? '' : ' '}${text.replace(/^[ \u3000]+/, '')}`;
}

/** A numbered body paragraph that reads as a heading: short, no sentence end. */
function looksLikeHeading(text: string, p: DocxParagraph): boolean {
  const numbered = numberedHeading(text, false);
  if (!numbered || numbered.level > 5 || /[。．]$/.test(text) || text.length > 60) return false;
  if (/第.+?条/.test(numbered.label)) return false;
  return p.bold || /^第.+?[章編部]/.test(numbered.label);
}

export function importDocx(doc: DocxDocument): ImportResult {
  const blocks: ImportBlock[] = [];
  const issues: ImportIssue[] = [];
  for (const element of doc.body) {
    if (element.kind === 'skipped') {
      issues.push({
        code: 'docx-object-skipped',
        text: excerpt(`${element.what}${element.text ? `：${element.text}` : ''}`),
      });
      for (const line of element.text.split('\n'))
        if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
      continue;
    }
    if (element.kind === 'table') {
      if (element.rows.length === 0) continue;
      if (element.nested) issues.push({ code: 'table-flattened', text: excerpt(element.rows[0].join(' ')) });
      const width = Math.max(...element.rows.map((r) => r.length));
      if (width <= 1) {
        for (const row of element.rows)
          for (const line of (row[0] ?? '').split('\n'))
            if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
      } else blocks.push({ kind: 'table', rows: element.rows });
      continue;
    }
    if (element.styleName && TOC_STYLE.test(element.styleName)) continue;
    const pieces = paragraphText(element)
      .split('\n')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (pieces.length === 0) continue;
    if (element.headingLevel !== null) {
      const text = pieces.join(' ');
      const numbered = numberedHeading(text);
      const level = element.headingLevel === 0 ? 1 : (numbered?.level ?? Math.min(6, element.headingLevel + 1));
      blocks.push({ kind: 'heading', level, text });
      continue;
    }
    if (element.bullet) {
      for (const text of pieces) blocks.push({ kind: 'bullet', text });
      continue;
    }
    if (pieces.length === 1 && looksLikeHeading(pieces[0], element)) {
      blocks.push({ kind: 'heading', level: numberedHeading(pieces[0])!.level, text: pieces[0] });
      issues.push({ code: 'heading-guessed', text: excerpt(pieces[0]) });
      continue;
    }
    for (const text of pieces) blocks.push({ kind: 'paragraph', text });
  }
  return { blocks, issues };
}
