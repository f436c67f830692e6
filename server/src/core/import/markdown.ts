/**
 * Writes imported blocks as Markdown in the conventions the parser reads (see
 * examples/guideline/*.md): ATX headings, 【趣旨】【例文】（解説） alone on a line in bold, items
 * (1) ① ア and notes （注7） as paragraphs of their own, pipe tables followed by their 図表N caption.
 */
import { parsePartMarker } from '../model/markers';
import type { ImportBlock } from './types';

/** Characters that Markdown would read as syntax at the start of a paragraph. */
function escapeParagraph(text: string): string {
  return text
    .replace(/^(#{1,6}(?=[ \t])|[>+*-](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])|={3,}|-{3,}|_{3,}|\*{3,})/, '\\$1')
    .replace(/^(\s+)/, '');
}

function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, '<br>')
    .trim();
}

function table(rows: readonly (readonly string[])[]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (row: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, i) => escapeCell(row[i] ?? '') || ' ').join(' | ')} |`;
  const out = [line(rows[0]), `|${Array.from({ length: width }, () => '---').join('|')}|`];
  for (const row of rows.slice(1)) out.push(line(row));
  return out.join('\n');
}

export function blocksToMarkdown(blocks: readonly ImportBlock[]): string {
  const out: string[] = [];
  let previous: ImportBlock | undefined;
  for (const block of blocks) {
    const list = previous?.kind === 'bullet';
    previous = block;
    if (block.kind === 'bullet') {
      const item = `- ${block.text.replace(/^[・●○■□◆◇▪•‐-][ \u3000]*/, '').trim()}`;
      if (list) out[out.length - 1] += `\n${item}`;
      else out.push(item);
    } else if (block.kind === 'heading') {
      out.push(`${'#'.repeat(Math.max(1, Math.min(6, block.level)))} ${block.text.replace(/\s+/g, ' ').trim()}`);
    } else if (block.kind === 'table') {
      if (block.rows.length > 0) out.push(table(block.rows));
    } else {
      const text = block.text.trim();
      if (text === '') continue;
      const part = parsePartMarker(text);
      out.push(part?.alone && part.start === 0 ? `**${part.label}**` : escapeParagraph(text));
    }
  }
  return out.length === 0 ? '' : `${out.join('\n\n')}\n`;
}
