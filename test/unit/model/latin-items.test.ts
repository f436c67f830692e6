/**
 * Items labelled (a) (b) …: 政府機関等の統一基準 lists its 遵守事項 as (1) → (a), and the 公用文 order puts
 * (a) below ア. They are items in the outline and their numbering is checked like (1) and ア.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { normalizeItemKey, parseItemMarker } from '../../../server/src/core/model/markers';
import { numberingFindings } from '../../../server/src/core/model/numbering';

const text = readFileSync(resolve(FIXTURES, 'model/guideline-latin-items.md'), 'utf8');
const doc = parseGuideline('file:///nisc.md', text);

describe('(a) items', () => {
  test('both widths are one key; a letter without brackets or an English word is not an item', () => {
    assert.equal(parseItemMarker('(a) 機関等は、…')?.key, '(a)');
    assert.equal(parseItemMarker('（ｂ）最高情報セキュリティ責任者は、…')?.key, '(b)');
    assert.equal(parseItemMarker('(b) 本文')?.level, 4);
    assert.equal(normalizeItemKey('（ｃ）'), '(c)');
    for (const plain of ['a) 項目', '(ab) 略語', '(A) 大文字', 'api を利用する。'])
      assert.equal(parseItemMarker(plain), null, plain);
  });

  test('they nest under the (1) item they follow', () => {
    const section = doc.fullSectionsByNumber.get('2.1.1')![0];
    const first = section.children.find((c) => c.number === '(1)')!;
    assert.deepEqual(
      first.children.map((c) => c.number),
      ['(a)', '(b)', '(d)'],
    );
  });

  test('a skipped letter is a gap named as the list writes it; a new (1) restarts the letters', () => {
    assert.deepEqual(
      numberingFindings(doc, 'ja').map((f) => [f.code, f.range.start.line + 1, f.message]),
      [['numbering-gap', 37, '番号が飛んでいます：「(b)」の次が「(d)」です（(c) がありません）。']],
    );
  });
});
