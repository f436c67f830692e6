/**
 * The 新旧対照表 as text: Markdown for review in git (changed spans in <u>…</u>, lines joined with
 * <br>) and a self-contained HTML page that prints on A4 landscape. Pure string building.
 */
import { localize, type Locale } from '../i18n/locale';
import { TABLE_TEXT, type ComparisonTable, type TableCell, type TableLine } from './table';

function cellLines(cell: TableCell, locale: Locale, span: (text: string, changed: boolean) => string): string[] {
  if (cell.placeholder) return [localize(locale, TABLE_TEXT[cell.placeholder])];
  return cell.lines.map((line: TableLine) =>
    line.kind === 'omitted'
      ? localize(locale, TABLE_TEXT.omitted)
      : line.spans.map((s) => span(s.text, s.changed)).join(''),
  );
}

const escapeMarkdownCell = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');

export function renderTableMarkdown(table: ComparisonTable, locale: Locale): string {
  const t = (key: keyof typeof TABLE_TEXT) => localize(locale, TABLE_TEXT[key]);
  const out = [`# ${escapeMarkdownCell(table.title)} ${t('heading')}`, ''];
  if (table.newLabel || table.oldLabel)
    out.push(`${t('newColumn')}：${table.newLabel}　${t('oldColumn')}：${table.oldLabel}`, '');
  out.push(t('underlineNote'), '', `| ${t('newColumn')} | ${t('oldColumn')} |`, '|---|---|');
  const span = (text: string, changed: boolean) =>
    changed ? `<u>${escapeMarkdownCell(text)}</u>` : escapeMarkdownCell(text);
  for (const row of table.rows) {
    out.push(`| ${cellLines(row.new, locale, span).join('<br>')} | ${cellLines(row.old, locale, span).join('<br>')} |`);
  }
  return out.join('\n') + '\n';
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `@page { size: A4 landscape; margin: 12mm 15mm; }
body { font-family: "Yu Mincho", "Hiragino Mincho ProN", "Noto Serif CJK JP", "IPAexMincho", serif; font-size: 10.5pt; line-height: 1.6; margin: 0; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 4mm; }
p.labels, p.note { margin: 0 0 2mm; }
p.note { text-align: right; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; width: 50%; word-break: break-all; }
th { font-weight: normal; text-align: center; background: #f2f2f2; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
td p { margin: 0; }
.u { text-decoration: underline; text-underline-offset: 2px; }
.omitted, .placeholder { text-align: center; }`;

export function renderTableHtml(table: ComparisonTable, locale: Locale): string {
  const t = (key: keyof typeof TABLE_TEXT) => escapeHtml(localize(locale, TABLE_TEXT[key]));
  const span = (text: string, changed: boolean) =>
    changed ? `<span class="u">${escapeHtml(text)}</span>` : escapeHtml(text);
  const cell = (c: TableCell): string => {
    if (c.placeholder) return `<td><p class="placeholder">${t(c.placeholder)}</p></td>`;
    const lines = c.lines.map((line) =>
      line.kind === 'omitted'
        ? `<p class="omitted">${t('omitted')}</p>`
        : `<p>${line.spans.map((s) => span(s.text, s.changed)).join('')}</p>`,
    );
    return `<td>${lines.join('')}</td>`;
  };
  const labels =
    table.newLabel || table.oldLabel
      ? `<p class="labels">${t('newColumn')}：${escapeHtml(table.newLabel)}　${t('oldColumn')}：${escapeHtml(table.oldLabel)}</p>\n`
      : '';
  const body = table.rows.map((row) => `<tr>${cell(row.new)}${cell(row.old)}</tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(table.title)} ${t('heading')}</title>
<style>
${STYLE}
</style>
</head>
<body>
<h1>${escapeHtml(table.title)} ${t('heading')}</h1>
${labels}<p class="note">${t('underlineNote')}</p>
<table>
<thead><tr><th>${t('newColumn')}</th><th>${t('oldColumn')}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
