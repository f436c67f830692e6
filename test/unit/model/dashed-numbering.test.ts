/**
 * Sections numbered with dashes, as 個人情報保護委員会's guidelines write them (「1-1 目的」「3-1-1 …」) and
 * as municipal policies mirror the guideline (「2―6―2」): the same tree, numbering and cross-reference
 * checks as dotted numbers, without reading a dashed figure number in a dotted document as a reference.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { parseHeadingNumber } from '../../../server/src/core/model/markers';
import { documentReferences } from '../../../server/src/core/model/references';
import { numberingFindings } from '../../../server/src/core/model/numbering';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { xrefFindings } from '../../../server/src/core/workspace/xref-check';

const text = readFileSync(resolve(FIXTURES, 'model/guideline-dashed.md'), 'utf8');
const doc = parseGuideline('file:///ppc.md', text);
const index = new GuidelineIndex();
index.set(doc);

describe('dash-numbered sections', () => {
  test('headings with any dash are sections in dotted canonical form, labels as written', () => {
    const cases: Array<[string, string, string]> = [
      ['1-1 目的', '1.1', '1-1'],
      ['3-1-1 利用目的の特定（法第17条第1項関係）', '3.1.1', '3-1-1'],
      ['２―６―２ アクセス制御', '2.6.2', '２―６―２'],
      ['2－6－2　アクセス制御', '2.6.2', '2－6－2'],
      ['2‐1‐3サーバ等の管理', '2.1.3', '2‐1‐3'],
    ];
    for (const [heading, number, label] of cases) {
      const parsed = parseHeadingNumber(heading);
      assert.deepEqual([parsed?.kind, parsed?.number, parsed?.label], ['section', number, label], heading);
    }
  });

  test('dates, years and ranges stay text', () => {
    for (const heading of ['2-3月の予定', '2024-2025年度の計画', '10-12日の作業', '1-2% の改善']) {
      assert.equal(parseHeadingNumber(heading)?.kind === 'section', false, heading);
    }
  });

  test('the tree nests them like dotted numbers', () => {
    const section = doc.fullSectionsByNumber.get('3.1.1')?.[0];
    assert.equal(section?.label, '3-1-1');
    assert.equal(section?.title, '利用目的の特定（法第17条第1項関係）');
    assert.ok(doc.fullSectionsByNumber.get('3.1')?.[0].children.some((c) => c.number === '3.1.1'));
  });

  test('numbering gaps name the missing number with dashes', () => {
    const gaps = numberingFindings(doc, 'ja')
      .filter((f) => f.code === 'numbering-gap')
      .map((f) => f.message);
    assert.deepEqual(gaps, [
      '番号が飛んでいます：「2-2」の次が「2-5」です（2-3 がありません）。',
      '番号が飛んでいます：「3-1-1」の次が「3-1-3」です（3-1-2 がありません）。',
    ]);
  });

  test('dashed references resolve in a dash-numbered document; an unknown one is reported as written', () => {
    const refs = documentReferences(doc).map((r) => [r.form, text.slice(r.numberStart, r.numberEnd), r.path.section]);
    assert.deepEqual(refs, [
      ['see', '2-5', '2.5'],
      ['see', '3-3-1', '3.3.1'],
    ]);
    assert.deepEqual(
      xrefFindings(doc, index, 'ja').map((f) => [f.code, f.message]),
      [['xref-unknown-section', '参照先の項番「3-3-1」はありません。']],
    );
  });

  test('in a dotted document a dashed number is a figure or table number, not a reference', () => {
    const dotted = parseGuideline(
      'file:///dotted.md',
      '# ガイドライン\n\n## 3.8.1 インシデントの報告\n\n様式は別表1-2を参照。「2-5 委託」による。\n',
    );
    assert.deepEqual(documentReferences(dotted), []);
  });

  test('a gloss of the title between the number and を参照 keeps the reference, without a title check', () => {
    const dotted = parseGuideline(
      'file:///gloss.md',
      '# ガイドライン\n\n## 3.8.1 インシデントの報告\n\n詳細は 3.8.2（原因の究明）を参照。3.9.9（存在しない項）を参照。\n\n## 3.8.2 インシデントの原因究明\n\n本文。\n',
    );
    const idx = new GuidelineIndex();
    idx.set(dotted);
    assert.deepEqual(
      documentReferences(dotted).map((r) => [r.path.section, r.title]),
      [
        ['3.8.2', null],
        ['3.9.9', null],
      ],
    );
    assert.deepEqual(
      xrefFindings(dotted, idx, 'ja').map((f) => f.message),
      ['参照先の項番「3.9.9」はありません。'],
    );
  });
});
