import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { alignDocuments } from '../../../server/src/core/revisions/align';
import { comparisonTable, diffCells, displayText, type TableRow } from '../../../server/src/core/revisions/table';
import { renderTableHtml, renderTableMarkdown } from '../../../server/src/core/revisions/render-table';
import { renderTableDocx } from '../../../server/src/host/revisions/table-docx';
import { FIXTURES } from '../../support/paths';

const fixture = (path: string) => readFileSync(join(FIXTURES, 'revisions', path), 'utf8');
const cache = new GuidelineModelCache();
const alignment = alignDocuments(
  cache.build('file:///draft.md', 0, fixture('versions/2015-draft.md')),
  cache.build('file:///revised.md', 0, fixture('revised.md')),
);
const table = comparisonTable(alignment, { newLabel: '2015年版', oldLabel: '2015年3月 意見募集案' });

const cellText = (cell: TableRow['new']) =>
  cell.lines.map((l) =>
    l.kind === 'omitted' ? '（略）' : l.spans.map((s) => (s.changed ? `[${s.text}]` : s.text)).join(''),
  );

describe('新旧対照表 model (core/revisions/table)', () => {
  test('a changed word is one underlined span on each side', () => {
    const row = table.rows.find((r) => r.newSection === '3.9.3')!;
    assert.equal(row.oldSection, '3.8.3');
    assert.equal(row.renumbered, true);
    const added = cellText(row.new).join('\n');
    const removed = cellText(row.old).join('\n');
    assert.match(added, /アカウントで\[ソーシャルメディアサービス\]を利用/);
    assert.match(removed, /アカウントで\[SMS\]を利用/);
    // The renumbered heading: only the changed digit is underlined.
    assert.equal(cellText(row.new)[0], '3.[9].3 ソーシャルメディアサービスの利用');
  });

  test('added and deleted sections show （新設） and （削除） on the other side', () => {
    const added = table.rows.find((r) => r.kind === 'added')!;
    assert.equal(added.newSection, '3.8');
    assert.equal(added.old.placeholder, 'added');
    assert.ok(added.new.lines.every((l) => l.kind === 'text' && l.spans.every((s) => s.changed)));
    const deleted = table.rows.find((r) => r.kind === 'deleted')!;
    assert.equal(deleted.oldSection, '3.7.3');
    assert.equal(deleted.new.placeholder, 'deleted');
  });

  test('unchanged sections collapse into one （略） row; unchanged lines of a changed section too', () => {
    const kinds = table.rows.map((r) => r.kind);
    for (let i = 1; i < kinds.length; i++) assert.ok(!(kinds[i] === 'omitted' && kinds[i - 1] === 'omitted'));
    assert.ok(!table.rows.some((r) => r.newSection === '3.7.1'), 'an unchanged section has no row of its own');
    const row = table.rows.find((r) => r.newSection === '3.6.2')!;
    assert.deepEqual(cellText(row.old), [
      '3.6.2 アクセス制御',
      '（略）',
      '統括情報セキュリティ責任者及び情報システム管理者は、利用者の登録、変更、抹消等の情報管理、職員等の異動、出向、退職者に伴う利用者IDの取扱い等の方法を定めなければならない。',
      '（略）',
    ]);
    assert.deepEqual(table.counts, { modified: 6, added: 1, deleted: 1, renumbered: 7 });
  });

  test('diffCells keeps the line facing a change; --full keeps every line', () => {
    const cells = diffCells('見出し\n第一文。\n第二文。\n第三文。', '見出し\n第一文。\n第二文を改める。\n第三文。');
    assert.deepEqual(cellText(cells.new), ['見出し', '（略）', '第二文[を改める]。', '（略）']);
    const full = diffCells('見出し\n第一文。', '見出し\n第一文。', false);
    assert.deepEqual(cellText(full.old), ['見出し', '第一文。']);
  });

  test('displayText drops Markdown marks and blank lines', () => {
    assert.equal(
      displayText('#### 3.6.2 アクセス制御\n\n**【例文】**\n\n(1) 本文  \n'),
      '3.6.2 アクセス制御\n【例文】\n(1) 本文',
    );
  });
});

describe('新旧対照表 renderers', () => {
  test('Markdown: header, columns 改正後 | 改正前, <u> underlines, escaped pipes', () => {
    const md = renderTableMarkdown(table, 'ja');
    assert.match(md, /（傍線部分は改正部分）/);
    assert.match(md, /^\| 改正後 \| 改正前 \|$/m);
    assert.match(md, /<u>ソーシャルメディアサービス<\/u>/);
    assert.match(md, /\| （削除） \| <u>3\.7\.3 ファクシミリの利用<\/u>/);
    const piped = comparisonTable(
      alignDocuments(
        cache.build('file:///a', 0, '### 3.1 表\n\n| a | b |\n'),
        cache.build('file:///b', 0, '### 3.1 表\n\n| a | c |\n'),
      ),
    );
    assert.match(renderTableMarkdown(piped, 'ja'), /\\\| a \\\| <u>c<\/u> \\\|/);
  });

  test('HTML: A4 landscape page, escaped text, underlined spans, English labels in English', () => {
    const html = renderTableHtml(table, 'ja');
    assert.match(html, /@page \{ size: A4 landscape;/);
    assert.match(html, /<th>改正後<\/th><th>改正前<\/th>/);
    assert.match(html, /<span class="u">ソーシャルメディアサービス<\/span>/);
    assert.match(html, /<p class="placeholder">（新設）<\/p>/);
    const tricky = comparisonTable(
      alignDocuments(
        cache.build('file:///a', 0, '### 3.1 <script>\n\n本文。\n'),
        cache.build('file:///b', 0, '### 3.1 <script>\n\n本文を改める。\n'),
      ),
    );
    assert.doesNotMatch(renderTableHtml(tricky, 'ja'), /<script>/);
    assert.match(renderTableHtml(table, 'en'), /<th>Amended<\/th><th>Before<\/th>/);
  });

  test('DOCX: opens as a zip with a two-column table, landscape A4, and underlined runs', async () => {
    const bytes = await renderTableDocx(table, 'ja');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    assert.equal((xml.match(/<w:tbl>/g) ?? []).length, 1);
    assert.equal((xml.match(/<w:gridCol /g) ?? []).length, 2);
    assert.match(xml, /<w:pgSz [^>]*w:orient="landscape"/);
    assert.match(xml, /<w:tblHeader\/>/);
    assert.ok(xml.includes('改正後') && xml.includes('改正前') && xml.includes('（傍線部分は改正部分）'));
    // The replaced word is an underlined run; its unchanged neighbour is not.
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]);
    const underlined = (text: string) => runs.find((r) => r.includes(`>${text}<`))?.includes('<w:u w:val="single"/>');
    assert.equal(underlined('ソーシャルメディアサービス'), true);
    assert.equal(underlined('SMS'), true);
    assert.equal(underlined('を利用する場合には、運用手順を定めなければならない。'), false);
    assert.equal((xml.match(/<w:tr>/g) ?? []).length, table.rows.length + 1);
  });
});
