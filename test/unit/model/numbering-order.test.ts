import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuideline } from '../../../server/src/core/model/document';
import { numberingFindings, treeNumberingFindings } from '../../../server/src/core/model/numbering';
import { walk } from '../../../server/src/core/model/node';
import { parseItemMarker } from '../../../server/src/core/model/markers';

function findings(text: string): Array<[string, string]> {
  const doc = parseGuideline('file:///g.md', text);
  const result = numberingFindings(doc, 'ja').map((f) => [f.code, f.message] as [string, string]);
  // The split computation equals the whole-tree one.
  assert.deepEqual(
    result,
    treeNumberingFindings(doc, 'ja').map((f) => [f.code, f.message]),
  );
  return result;
}

describe('numbering order: section numbers compare as tuples across levels', () => {
  test('a preface numbered 0.1–0.2 twice, then 1: duplicates only, no order error', () => {
    const text =
      '### 0.1 背景\n\n本文。\n\n### 0.2 要点\n\n本文。\n\n### 0.1 一般\n\n本文。\n\n### 0.2 構成\n\n本文。\n\n## 1 総則\n\n本文。\n';
    const found = findings(text);
    assert.deepEqual(
      found.map(([code]) => code),
      ['numbering-duplicate', 'numbering-duplicate'],
    );
    assert.ok(!found.some(([, m]) => m.includes('「1」が「0.2」の後')));
  });

  test('an excerpt without parent sections: ascending numbers are never out of order', () => {
    const text =
      '### 3.3. 情報資産の分類と管理\n\n本文。\n\n### 3.4.1. 管理区域の構造\n\n本文。\n\n#### 3.5.4. 主体認証\n\n本文。\n\n### 3.6.1. コンピュータ及びネットワークの管理\n\n本文。\n';
    const found = findings(text);
    assert.deepEqual(
      found.filter(([code]) => code === 'numbering-order'),
      [],
    );
    // Each missing parent is one gap at most.
    assert.ok(found.every(([code]) => code === 'numbering-gap'));
    assert.ok(found.length <= 3, JSON.stringify(found));
    assert.match(found[0][1], /3\.4 がありません/);
  });

  test('a real reverse order across levels is still found', () => {
    const found = findings('### 3.5.1 a\n\n本文。\n\n### 3.4.2 b\n\n本文。\n');
    assert.deepEqual(
      found.map(([code]) => code),
      ['numbering-order'],
    );
  });

  test('siblings of one parent keep their gap and order findings', () => {
    const found = findings('## 第3章 基準\n\n### 3.1 a\n\n### 3.3 c\n\n### 3.2 b\n');
    assert.deepEqual(
      found.map(([code]) => code),
      ['numbering-gap', 'numbering-order'],
    );
  });
});

describe('figure captions: 図表N and a title, not a sentence that refers to 図表N', () => {
  const captions = ['図表5 アクセス制御の概念図', '図表５　情報資産の分類', '図表2：管理区域の例', '図表12'];
  for (const text of captions) {
    test(`caption: ${text}`, () => assert.equal(parseItemMarker(text)?.kind, 'figure'));
  }
  const sentences = ['図表2に示す情報資産とする。', '図表2 に示すとおりとする。', '図表３の分類に従い管理する。'];
  for (const text of sentences) {
    test(`not a caption: ${text}`, () => assert.equal(parseItemMarker(text), null));
  }

  test('the outline has no figure node for a sentence beginning with 図表2', () => {
    const doc = parseGuideline(
      'file:///g.md',
      '## 3.1 情報資産の分類\n\n図表2に示す情報資産とする。\n\n図表2 情報資産の例\n',
    );
    const figures = [...walk(doc.root)].filter((n) => n.kind === 'figure').map((n) => n.title);
    assert.deepEqual(figures, ['情報資産の例']);
  });
});
