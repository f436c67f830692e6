/**
 * 「意見及びそれに対する考え方」 as a Word document in the layout ministries publish: the title
 * centred, the date on the right, the counts, then one table 番号｜該当箇所｜提出者｜提出された意見｜意見に
 * 対する考え方 whose header row repeats on every page. Mincho for the text, as in the published PDFs.
 * The export marker is in the document's keywords.
 */
import type { CommentTable } from '../../core/comments/export';
import { EXPORT_MARKER } from '../../core/comments/export-marker';
import { loadDocx } from '../lazy/libraries';

/** Relative column widths (of the page's text width): long text gets the room. */
const NARROW = [5, 14, 9];
const OTHER = 8;

export async function commentTableDocx(table: CommentTable): Promise<Uint8Array> {
  const docx = await loadDocx();
  const {
    AlignmentType,
    Document,
    Packer,
    PageOrientation,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const narrowTotal = table.headings.reduce(
    (sum, _, i) => sum + (table.wide.includes(i) ? 0 : (NARROW[i] ?? OTHER)),
    0,
  );
  const wideEach = (100 - narrowTotal) / table.wide.length;
  const widthOf = (i: number) => (table.wide.includes(i) ? wideEach : (NARROW[i] ?? OTHER));
  const paragraphs = (text: string, bold = false) =>
    text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widthOf(i), type: WidthType.PERCENTAGE },
      children: paragraphs(text, bold),
    });
  const rows: InstanceType<typeof TableRow>[] = [
    new TableRow({ tableHeader: true, children: table.headings.map((h, i) => cell(h, i, true)) }),
  ];
  for (const group of table.groups) {
    if (group.heading)
      rows.push(
        new TableRow({
          children: [new TableCell({ columnSpan: table.headings.length, children: paragraphs(group.heading, true) })],
        }),
      );
    for (const row of group.rows) rows.push(new TableRow({ children: row.map((text, i) => cell(text, i)) }));
  }
  const above: InstanceType<typeof Paragraph>[] = [];
  if (table.title)
    above.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: table.title, bold: true })] }),
    );
  if (table.date) above.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(table.date)] }));
  above.push(new Paragraph({ children: [new TextRun(table.counts)] }), new Paragraph({ children: [] }));
  const document = new Document({
    creator: 'guideline-tools',
    keywords: EXPORT_MARKER,
    title: table.title ?? '',
    styles: {
      default: {
        document: { run: { font: { eastAsia: 'ＭＳ 明朝', ascii: 'Century', hAnsi: 'Century' }, size: 20 } },
      },
    },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT } } },
        children: [...above, new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
