/**
 * The 新旧対照表 as a Word document (the `docx` library): A4 landscape, a two-column table
 * 改正後 | 改正前 with a repeated header row, changed spans underlined (single underline, as
 * ministries print them). Draws the core's ComparisonTable; knows nothing of the alignment.
 */
import type { Paragraph as DocxParagraph } from 'docx';
import { localize, type Locale } from '../../core/i18n/locale';
import { TABLE_TEXT, type ComparisonTable, type TableCell as CellModel } from '../../core/revisions/table';
import { loadDocx } from '../lazy/libraries';

/** The Word writer, loaded on first use (host/lazy). */
type Docx = Awaited<ReturnType<typeof loadDocx>>;

const FONT = 'ＭＳ 明朝';
const SIZE = 21; // half-points: 10.5 pt
// A4 landscape in twentieths of a point, 15 mm margins: 297 mm − 30 mm ≈ 15,137 twips of text width.
const TEXT_WIDTH = 15_137;

/** The drawing helpers over the loaded library. */
function helpers(docx: Docx) {
  const { AlignmentType, Paragraph, TextRun, UnderlineType } = docx;
  const run = (text: string, underline = false) =>
    new TextRun({ text, font: FONT, size: SIZE, ...(underline ? { underline: { type: UnderlineType.SINGLE } } : {}) });

  function cellParagraphs(cell: CellModel, locale: Locale): DocxParagraph[] {
    if (cell.placeholder)
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(localize(locale, TABLE_TEXT[cell.placeholder]))],
        }),
      ];
    const paragraphs = cell.lines.map((line) =>
      line.kind === 'omitted'
        ? new Paragraph({ alignment: AlignmentType.CENTER, children: [run(localize(locale, TABLE_TEXT.omitted))] })
        : new Paragraph({ children: line.spans.map((s) => run(s.text, s.changed)) }),
    );
    return paragraphs.length > 0 ? paragraphs : [new Paragraph({})];
  }
  return { run, cellParagraphs };
}

export async function renderTableDocx(table: ComparisonTable, locale: Locale): Promise<Uint8Array> {
  const docx = await loadDocx();
  const {
    AlignmentType,
    Document,
    Packer,
    PageOrientation,
    Paragraph,
    Table,
    TableCell,
    TableLayoutType,
    TableRow,
    WidthType,
  } = docx;
  const { run, cellParagraphs } = helpers(docx);
  const half = { size: Math.floor(TEXT_WIDTH / 2), type: WidthType.DXA };
  const t = (key: keyof typeof TABLE_TEXT) => localize(locale, TABLE_TEXT[key]);
  const header = new TableRow({
    tableHeader: true,
    children: [t('newColumn'), t('oldColumn')].map(
      (text) =>
        new TableCell({
          width: half,
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text)] })],
        }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: false,
        children: [row.new, row.old].map(
          (cell) => new TableCell({ width: half, children: cellParagraphs(cell, locale) }),
        ),
      }),
  );
  const before: DocxParagraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`${table.title} ${t('heading')}`)] }),
  ];
  if (table.newLabel || table.oldLabel)
    before.push(
      new Paragraph({ children: [run(`${t('newColumn')}：${table.newLabel}　${t('oldColumn')}：${table.oldLabel}`)] }),
    );
  before.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(t('underlineNote'))] }));
  const document = new Document({
    creator: 'guideline',
    title: `${table.title} ${t('heading')}`,
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 850, bottom: 850, left: 850, right: 850 },
          },
        },
        children: [
          ...before,
          new Table({
            layout: TableLayoutType.FIXED,
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: [half.size, half.size],
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
