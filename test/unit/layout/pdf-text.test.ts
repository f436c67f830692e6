import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdfText, PdfReadError } from '../../../server/src/host/pdf/read-pdf-text';
import { pageLines } from '../../../server/src/core/layout/lines';
import { normalizeRadicals, type PageText } from '../../../server/src/core/layout/page-text';
import { FIXTURES } from '../../support/paths';

describe('PDF text (host/pdf, core/layout)', () => {
  test('a Chromium-printed PDF gives each page its lines, in reading order, with kanji not radicals', async () => {
    const pages = await readPdfText(readFileSync(join(FIXTURES, 'pdf/two-pages.pdf')));
    assert.equal(pages.length, 2);
    const first = pageLines(pages[0]).map((l) => l.text);
    assert.deepEqual(first, ['第３章 情報セキュリティ対策基準', '職員等は、情報資産を見だりに持ち出してはならない。']);
    const second = pageLines(pages[1]).map((l) => l.text);
    assert.equal(second[0], '3.8.1 外部委託');
    assert.match(second.slice(1).join(''), /^外部委託事業者の選定に当たっては、/);
    // The heading is printed larger than the body.
    const heading = pageLines(pages[0])[0];
    assert.ok(heading.height > pageLines(pages[0])[1].height);
  });

  test('bytes that are not a PDF are a PdfReadError, not a crash', async () => {
    await assert.rejects(readPdfText(new TextEncoder().encode('番号,該当箇所\n1,3.8.1\n')), PdfReadError);
  });

  test('normalizeRadicals maps radicals to kanji and leaves full-width digits and brackets alone', () => {
    assert.equal(normalizeRadicals('意\u2f92及び考え\u2f45（１）'), '意見及び考え方（１）');
  });

  test('pageLines joins items sharing a baseline, splits lines, and spaces wide gaps', () => {
    const item = (text: string, x: number, y: number, width: number) => ({
      text,
      x,
      y,
      width,
      height: 10,
      fontName: 'f',
    });
    const page: PageText = {
      page: 1,
      width: 600,
      height: 800,
      items: [
        item('考え方', 300, 101, 30),
        item('番号', 50, 100, 20),
        item('意見', 72, 100, 20),
        item('1', 50, 120, 5),
      ],
    };
    assert.deepEqual(
      pageLines(page).map((l) => l.text),
      ['番号意見 考え方', '1'],
    );
  });
});
