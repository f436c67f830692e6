/**
 * Property: Japanese paragraphs laid out as a PDF lays them out (first line indented one
 * character, wrapped at a fixed width anywhere inside words, running on over page breaks) come
 * back from the importer as exactly the paragraphs that were laid out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importPdfPages } from '../../../server/src/core/import/pdf/import-pdf';
import type { PageText, TextItem } from '../../../server/src/core/layout/page-text';

const SIZE = 10.5;
const LEFT = 60;
const TOP = 110;
const BOTTOM = 690;
const PITCH = SIZE * 1.6;

function layout(paragraphs: readonly string[], perLine: number): PageText[] {
  const pages: TextItem[][] = [[]];
  let y = TOP;
  const place = (text: string, x: number) => {
    if (y > BOTTOM) {
      pages.push([]);
      y = TOP;
    }
    pages[pages.length - 1].push({ text, x, y, width: text.length * SIZE, height: SIZE, fontName: 'g1' });
    y += PITCH;
  };
  for (const paragraph of paragraphs) {
    const chars = [...paragraph];
    place(chars.splice(0, perLine - 1).join(''), LEFT + SIZE);
    while (chars.length > 0) place(chars.splice(0, perLine).join(''), LEFT);
    y += SIZE * 0.4;
  }
  return pages.map((items, i) => ({ page: i + 1, width: 595, height: 842, items }));
}

const paragraph = fc
  .array(fc.constantFrom(...'情報資産管理者はのをにが、。システムセキュリティ対策基準利用'.split('')), {
    minLength: 1,
    maxLength: 160,
  })
  .map((chars) => chars.join(''));

test('paragraphs wrapped anywhere, over page breaks, come back whole', () => {
  fc.assert(
    fc.property(
      fc.array(paragraph, { minLength: 1, maxLength: 25 }),
      fc.integer({ min: 12, max: 44 }),
      (texts, perLine) => {
        // The widest line must reach the right margin for the importer to know where it is.
        const laid = [...texts, 'あ'.repeat(perLine * 2)];
        const { blocks } = importPdfPages(layout(laid, perLine));
        assert.deepEqual(
          blocks.map((b) => (b.kind === 'paragraph' ? b.text : `<${b.kind}>`)),
          laid,
        );
      },
    ),
    { numRuns: 150 },
  );
});
