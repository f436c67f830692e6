// Writes the Word fixtures of the import tests with the `docx` library, as a ministry's or a
// municipality's Word file would be: heading styles (numbers typed or given by Word's own
// numbering), automatic lists (1) ① ア, tables, 【趣旨】【例文】（解説） paragraphs, a table of
// contents field, a picture-less text box stand-in. The .docx files are committed; run this again
// after changing it:   node scripts/make-docx-fixtures.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

// A 1×1 PNG: the picture's content does not matter, only that it is not text.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'import');

const p = (text, options = {}) => new Paragraph({ children: [new TextRun(text)], ...options });
const bold = (text) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const h = (level, text) => new Paragraph({ heading: level, children: [new TextRun(text)] });
const item = (reference, level, text) =>
  new Paragraph({ numbering: { reference, level }, children: [new TextRun(text)] });
const cell = (text) => new TableCell({ children: text.split('\n').map((t) => p(t)) });
const table = (rows) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => new TableRow({ children: r.map(cell) })),
  });

// A guideline in the ministry's form: chapters in Heading 1 with the number typed, sections in
// Heading 2/3, parts in bold, items numbered by Word ((1) → ① → ア), a table with its caption.
const guideline = new Document({
  creator: 'guideline-tools test fixture',
  title: '情報セキュリティポリシーに関するガイドライン（例）',
  numbering: {
    config: [
      {
        reference: 'items',
        levels: [
          { level: 0, format: LevelFormat.DECIMAL_FULL_WIDTH, text: '（%1）', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%2', alignment: AlignmentType.LEFT },
          { level: 2, format: LevelFormat.AIUEO_FULL_WIDTH, text: '%3', alignment: AlignmentType.LEFT },
        ],
      },
      {
        reference: 'explained',
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '(%1)', alignment: AlignmentType.LEFT }],
      },
    ],
  },
  features: { updateFields: true },
  sections: [
    {
      children: [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          children: [new TextRun('情報セキュリティポリシーに関するガイドライン（例）')],
        }),
        new TableOfContents('目次', { hyperlink: true, headingStyleRange: '1-3' }),
        h(HeadingLevel.HEADING_1, '第３章 情報セキュリティ対策基準'),
        p('本章では、対策基準の例文を示し、併せて解説を付す。'),
        h(HeadingLevel.HEADING_2, '3.1 組織体制'),
        bold('【趣旨】'),
        p('情報セキュリティ対策を推進するためには、責任と権限を明確にした組織体制を整備することが必要である。'),
        bold('【例文】'),
        item('items', 0, '最高情報セキュリティ責任者'),
        item('items', 1, '副市長を、最高情報セキュリティ責任者（以下「ＣＩＳＯ」という。）とする。'),
        item(
          'items',
          1,
          'ＣＩＳＯは、本市における全ての情報資産の管理及び情報セキュリティ対策に関する最終決定権限を有する。',
        ),
        item('items', 0, '統括情報セキュリティ責任者'),
        item('items', 1, '情報政策担当部長を、統括情報セキュリティ責任者とする。'),
        item('items', 2, '統括情報セキュリティ責任者は、ＣＩＳＯを補佐しなければならない。'),
        item('items', 2, '統括情報セキュリティ責任者は、緊急時にはＣＩＳＯに早急に報告を行わなければならない。'),
        bold('（解説）'),
        item('explained', 0, '最高情報セキュリティ責任者'),
        p('ＣＩＳＯは、組織の情報セキュリティ対策の最終的な責任者である（注１）。'),
        p('（注１）ＣＩＳＯ：Chief Information Security Officer'),
        h(HeadingLevel.HEADING_2, '3.2 情報資産の分類と管理方法'),
        h(HeadingLevel.HEADING_3, '3.2.1 情報資産の分類'),
        p('情報資産は、機密性により次のとおり分類する。'),
        table([
          ['分類', '分類基準', '取扱制限'],
          ['機密性３', '秘密文書に相当する機密性を要する情報資産', '支給以外の端末での作業の原則禁止'],
          [
            '機密性２',
            '直ちに一般に公表することを前提としていない情報資産',
            '外部で情報処理を行う際の安全管理措置\n（暗号化等）',
          ],
          ['機密性１', '機密性２又は機密性３の情報資産以外の情報資産', '－'],
        ]),
        p('図表５ 情報資産の分類の例'),
        // A section heading typed as bold body text (no heading style): imported as a guessed heading.
        bold('3.3 物理的セキュリティ'),
        p('サーバ等の機器は、次の場所に設置する。'),
        new Paragraph({ bullet: { level: 0 }, children: [new TextRun('施錠できるサーバ室')] }),
        new Paragraph({ bullet: { level: 0 }, children: [new TextRun('入退室を記録できる区画')] }),
        // A picture (a diagram of the organisation) has no text to import: it is reported.
        new Paragraph({
          children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 120, height: 80 } })],
        }),
        p('図表６ 組織体制の例'),
      ],
    },
  ],
});

// A town's regulation in articles: 第N条 with the title in brackets as body paragraphs under
// chapter headings, clauses 2, 3 typed, items 一 二 from Word's japaneseCounting numbering.
const regulation = new Document({
  creator: 'guideline-tools test fixture',
  numbering: {
    config: [
      {
        reference: 'go',
        levels: [{ level: 0, format: LevelFormat.JAPANESE_COUNTING, text: '%1', alignment: AlignmentType.LEFT }],
      },
      {
        reference: 'chapters',
        levels: [{ level: 0, format: LevelFormat.DECIMAL_FULL_WIDTH, text: '第%1章', alignment: AlignmentType.LEFT }],
      },
    ],
  },
  sections: [
    {
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('〇〇町情報セキュリティ管理規程')] }),
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          numbering: { reference: 'chapters', level: 0 },
          children: [new TextRun('総則')],
        }),
        p('第１条（目的）'),
        p(
          'この規程は、〇〇町情報セキュリティ基本方針に基づき、本町が保有する情報資産の適正な管理に関し必要な事項を定めるものとする。',
        ),
        p('第２条（定義）'),
        p('この規程において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。'),
        item('go', 0, '情報資産　ネットワーク、情報システム及びこれらで取り扱う情報をいう。'),
        item('go', 0, '職員等　本町の職員、会計年度任用職員及び臨時的任用職員をいう。'),
        new Paragraph({
          heading: HeadingLevel.HEADING_1,
          numbering: { reference: 'chapters', level: 0 },
          children: [new TextRun('情報システムの管理')],
        }),
        p('第３条（アクセス制御）'),
        p(
          '情報システム管理者は、所管する情報システムについて、利用者ごとに識別符号を付与し、業務上必要な範囲でアクセス権限を設定しなければならない。',
        ),
        p(
          '２　情報システム管理者は、利用者が異動し、又は退職したときは、速やかに当該利用者のアクセス権限を変更し、又は削除しなければならない。',
        ),
        table([
          ['区分', '権限'],
          ['一般利用者', '業務に必要な情報の閲覧及び更新'],
          ['管理者 | 副管理者', '利用者の登録、変更及び抹消'],
        ]),
      ],
    },
  ],
});

for (const [name, doc] of [
  ['guideline-word.docx', guideline],
  ['regulation-articles.docx', regulation],
]) {
  writeFileSync(join(OUT, name), await Packer.toBuffer(doc));
  console.log(join(OUT, name));
}
