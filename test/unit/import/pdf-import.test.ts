/**
 * Structure recovered from PDFs printed by Chromium from the HTML sources beside them
 * (test/fixtures/import/*.html → *.pdf): running lines, table of contents, two columns, tables
 * over a page break, paragraphs rejoined across wraps, headings by numbering and size.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdfText } from '../../../server/src/host/pdf/read-pdf-text';
import { importPdfPages } from '../../../server/src/core/import/pdf/import-pdf';
import { blocksToMarkdown } from '../../../server/src/core/import/markdown';
import type { ImportBlock } from '../../../server/src/core/import/types';
import type { PageText, TextItem } from '../../../server/src/core/layout/page-text';
import { FIXTURES } from '../../support/paths';

// Each fixture is read once; the tests share its (immutable) result.
const imported = new Map<string, ReturnType<typeof importPdfPages>>();
const pdf = async (name: string) => {
  if (!imported.has(name))
    imported.set(name, importPdfPages(await readPdfText(readFileSync(join(FIXTURES, 'import', name)))));
  return imported.get(name)!;
};
const headings = (blocks: readonly ImportBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [`${'#'.repeat(b.level)} ${b.text}`] : []));
const paragraphs = (blocks: readonly ImportBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('PDF import: a guideline with a table of contents, running lines and a long table', () => {
  test('headings at the level their numbering says; the title is level 1', async () => {
    const { blocks } = await pdf('guideline-report.pdf');
    assert.deepEqual(headings(blocks), [
      '# 地方公共団体における情報セキュリティポリシーに関するガイドライン（例）',
      '## 第１章 総則',
      '### 1.1 本ガイドラインの目的',
      '### 1.2 情報資産の分類',
      '## 第２章 情報セキュリティ対策基準',
      '### 2.1 組織体制',
      '### 2.2 物理的セキュリティ',
      '#### 2.2.1 サーバ等の管理',
    ]);
  });

  test('the table of contents, the running header and the page numbers are gone', async () => {
    const { blocks } = await pdf('guideline-report.pdf');
    const markdown = blocksToMarkdown(blocks);
    assert.doesNotMatch(markdown, /……|目\s*次/);
    assert.doesNotMatch(markdown, /- \d+ -/);
    // The running header's text appears once: as the title, never as a paragraph.
    assert.equal(paragraphs(blocks).filter((p) => p.includes('ガイドライン') && p.length < 40).length, 0);
  });

  test('a paragraph wrapped inside words (情報シ|ステム) is one paragraph again', async () => {
    const { blocks } = await pdf('guideline-report.pdf');
    const first = paragraphs(blocks).find((p) => p.startsWith('地方公共団体は、'));
    assert.ok(first);
    assert.match(first, /情報システムやネットワークに依存しており、住民生活/);
    assert.match(first, /必要不可欠である。$/);
    // Kanji, not the radical forms Chromium's fonts map to (住⺠).
    assert.doesNotMatch(first, /\u2ea0/);
  });

  test('items, hanging indents, parts and notes are paragraphs of their own', async () => {
    const { blocks } = await pdf('guideline-report.pdf');
    const texts = paragraphs(blocks);
    for (const expected of [
      '【趣旨】',
      '【例文】',
      '（解説）',
      '(1) 最高情報セキュリティ責任者',
      '(2) 統括情報セキュリティ責任者',
      'ア 統括情報セキュリティ責任者は、ＣＩＳＯを補佐しなければならない。',
      'イ 統括情報セキュリティ責任者は、本市の全てのネットワークにおける開発、設定の変更、運用、見直し等を行う権限及び責任を有する。',
      '（注１）情報セキュリティポリシーは、情報セキュリティ基本方針及び情報セキュリティ対策基準をいう。実施手順は含まない。',
      '図表１ 情報資産の分類の例',
    ])
      assert.ok(texts.includes(expected), expected);
    assert.ok(texts.some((t) => /^① 副市長を、.*最終決定権限及び責任を有する。$/.test(t)));
  });

  test('the table spanning two pages is one table, its repeated header row dropped', async () => {
    const { blocks } = await pdf('guideline-report.pdf');
    const tables = blocks.filter((b) => b.kind === 'table');
    assert.equal(tables.length, 1);
    const rows = tables[0].kind === 'table' ? tables[0].rows : [];
    assert.deepEqual(rows[0], ['分類', '分類基準', '取扱制限の例']);
    assert.equal(rows.length, 19);
    assert.deepEqual(rows[4], [
      '完全性２',
      '改ざん、誤びゅう又は破損により、住民の権利が侵害される又は行政事務の適確な遂行に支障を及ぼすおそれがある情報資産',
      'バックアップ、電子署名の付与、外部で情報処理を行う際の安全管理措置の規定',
    ]);
    assert.deepEqual(rows[18], [
      '機密性２（人事）',
      '人事評価、懲戒処分等に関する情報資産',
      '取扱者の限定、アクセス記録の保存',
    ]);
  });

  test('headings confirmed by the table of contents are not reported', async () => {
    const { issues } = await pdf('guideline-report.pdf');
    assert.deepEqual(issues, []);
  });
});

describe('PDF import: a municipal standard in two columns', () => {
  test('columns are read left then right, a paragraph running over the column break is one', async () => {
    const { blocks, issues } = await pdf('municipal-two-column.pdf');
    const texts = paragraphs(blocks);
    assert.ok(
      texts.includes(
        '統括情報セキュリティ責任者及び情報システム管理者は、利用されていないＩＤが放置されないよう、人事管理部門と連携し、点検しなければならない。ＩＤの登録、変更、抹消等の手続は、あらかじめ定めた手順に従い、その記録を保存しなければならない。',
      ),
    );
    assert.ok(issues.some((i) => i.code === 'columns-detected' && i.text === '1'));
  });

  test('dashed numbering (２―６―２) gives the levels; headings in body type are reported as guessed', async () => {
    const { blocks, issues } = await pdf('municipal-two-column.pdf');
    assert.deepEqual(headings(blocks), [
      '# 〇〇市情報セキュリティ対策基準',
      '### ２―６ 技術的セキュリティ',
      '#### ２―６―１ アクセス制御',
      '#### ２―６―２ 利用者ＩＤの管理',
      '#### ２―６―３ パスワードの管理',
      '#### ２―６―４ ログの取得等',
    ]);
    assert.equal(issues.filter((i) => i.code === 'heading-guessed').length, 5);
  });

  test('the running footer with the page number is dropped; a page with only a drawing is reported', async () => {
    const { blocks, issues } = await pdf('municipal-two-column.pdf');
    assert.doesNotMatch(blocksToMarkdown(blocks), /対策基準 \d/);
    assert.deepEqual(
      issues.filter((i) => i.code === 'page-without-text').map((i) => i.page),
      [2],
    );
  });
});

describe('PDF import: geometry rules on synthetic pages', () => {
  const line = (text: string, x: number, y: number, size = 10): TextItem => ({
    text,
    x,
    y,
    width: text.length * size,
    height: size,
    fontName: 'f',
  });
  const page = (n: number, items: TextItem[]): PageText => ({ page: n, width: 600, height: 800, items });

  test('a short line ends its paragraph; an indented line after a full one starts a new paragraph', () => {
    const { blocks } = importPdfPages([
      page(1, [
        line('情報システム管理者は、所管する情報シ', 60, 100),
        line('ステムの運用を記録する。', 50, 115),
        line('職員等は、端末を庁外に持ち出す場合、情', 60, 130),
        line('報セキュリティ管理者の許可を得なければな', 50, 145),
        line('らない。', 50, 160),
      ]),
    ]);
    assert.deepEqual(paragraphs(blocks), [
      '情報システム管理者は、所管する情報システムの運用を記録する。',
      '職員等は、端末を庁外に持ち出す場合、情報セキュリティ管理者の許可を得なければならない。',
    ]);
  });

  test('an article clause （２　…） starts its own paragraph even after a full line', () => {
    const { blocks } = importPdfPages([
      page(1, [
        line('第３条（アクセス制御）', 50, 100),
        line('情報システム管理者は、利用者ごとに識別符号を付与', 60, 115),
        line('し、アクセス権限を設定しなければならない。以上と', 50, 130),
        line('２　情報システム管理者は、退職者の権限を削除する。', 50, 145),
      ]),
    ]);
    assert.deepEqual(paragraphs(blocks), [
      '第３条（アクセス制御）',
      '情報システム管理者は、利用者ごとに識別符号を付与し、アクセス権限を設定しなければならない。以上と',
      '２　情報システム管理者は、退職者の権限を削除する。',
    ]);
  });

  test('a footnote at the foot of a page does not cut the paragraph running on to the next page', () => {
    const { blocks } = importPdfPages([
      page(1, [
        // Both lines end within a character of the right margin: the paragraph runs on.
        line('情報システム管理者は、所管する情報システムの運用', 60, 600),
        line('を記録し、その記録を一定の期間確実に保存しなけれ', 50, 615),
        line('（注３）記録の保存期間は、文書管理規程による。', 50, 700, 8),
      ]),
      page(2, [line('ばならない（注３）。', 50, 100)]),
    ]);
    assert.deepEqual(paragraphs(blocks), [
      '情報システム管理者は、所管する情報システムの運用を記録し、その記録を一定の期間確実に保存しなければならない（注３）。',
      '（注３）記録の保存期間は、文書管理規程による。',
    ]);
  });

  test("a chapter's running head over a few of many pages goes; a part marker opening pages stays", () => {
    // Three of ten pages open with 【例文】 at the same place, in the body's type size.
    const body = (n: number) => [
      ...(n <= 3 ? [line('【例文】', 50, 60)] : []),
      line(`職員等は、第${n}号様式により届け出なければならない。`, 50, 200),
    ];
    const pages = Array.from({ length: 10 }, (_, k) =>
      page(k + 1, [
        ...(k < 3 ? [line('第１章 総則', 400, 30, 8)] : [line('第２章 対策基準', 400, 30, 8)]),
        ...body(k + 1),
      ]),
    );
    const texts = paragraphs(importPdfPages(pages).blocks);
    assert.ok(!texts.some((t) => t.includes('総則') || t.includes('対策基準')), texts.join('\n'));
    assert.equal(texts.filter((t) => t === '【例文】').length, 3);
  });

  test('an English word broken at the margin gets its space back', () => {
    const { blocks } = importPdfPages([
      page(1, [line('CISO is the Chief Information Security', 50, 100), line('Officer.', 50, 115)]),
    ]);
    assert.deepEqual(paragraphs(blocks), ['CISO is the Chief Information Security Officer.']);
  });

  const cell = (text: string, x: number, y: number) => line(text, x, y, 9);

  test('a table: rows by the padding between them, a vertically centred cell stays in its row', () => {
    const { blocks } = importPdfPages([
      page(1, [
        cell('区分', 70, 200),
        cell('内容', 120, 200),
        cell('担当', 420, 200),
        // Row 1: the first and last cells wrap on two lines, the middle one is centred between them.
        cell('区分', 70, 222),
        cell('情報政策', 420, 222),
        cell('利用者を登録する。', 120, 228),
        cell('一', 70, 234),
        cell('課', 420, 234),
        // Row 2: one line each.
        cell('区分二', 70, 258),
        cell('記録を保存する。', 120, 258),
        cell('総務課', 420, 258),
      ]),
    ]);
    assert.deepEqual(blocks, [
      {
        kind: 'table',
        rows: [
          ['区分', '内容', '担当'],
          ['区分一', '利用者を登録する。', '情報政策課'],
          ['区分二', '記録を保存する。', '総務課'],
        ],
      },
    ]);
  });

  test('a table continued on the next page: one table, the repeated header dropped, a cut row rejoined', () => {
    const header = (y: number) => [cell('区分', 70, y), cell('内容', 120, y)];
    const { blocks } = importPdfPages([
      page(1, [...header(600), cell('機密性３', 70, 624), cell('秘密文書に相当する', 120, 624)]),
      page(2, [
        ...header(100),
        cell('情報資産', 120, 124),
        cell('機密性２', 70, 148),
        cell('その他の情報資産', 120, 148),
      ]),
    ]);
    assert.deepEqual(blocks, [
      {
        kind: 'table',
        rows: [
          ['区分', '内容'],
          ['機密性３', '秘密文書に相当する情報資産'],
          ['機密性２', 'その他の情報資産'],
        ],
      },
    ]);
  });
});
