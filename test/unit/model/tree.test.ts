import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES as ALL_FIXTURES } from '../../support/paths';
import { parseGuideline, nodeAt } from '../../../server/src/core/model/document';
import { walk, displayName, type GuidelineNode } from '../../../server/src/core/model/node';

const FIXTURES = resolve(ALL_FIXTURES, 'model');
const basic = readFileSync(resolve(FIXTURES, 'guideline-basic.md'), 'utf8');

function find(root: GuidelineNode, id: string): GuidelineNode | undefined {
  for (const node of walk(root)) if (node.id === id) return node;
  return undefined;
}

function shape(node: GuidelineNode): unknown {
  return [node.kind, node.number, node.children.map(shape)];
}

describe('section tree', () => {
  const doc = parseGuideline('file:///basic.md', basic);

  test('numbers define the hierarchy: 第3章 → 3.4 → 3.4.1', () => {
    const chapter = find(doc.root, '3')!;
    assert.equal(chapter.kind, 'chapter');
    assert.deepEqual(
      chapter.children.map((c) => c.number),
      ['3.4', '3.6'],
    );
    assert.deepEqual(
      find(doc.root, '3.4')!.children.map((c) => c.number),
      ['3.4.1'],
    );
  });

  test('parts, items, sub-items and notes nest where they stand', () => {
    const section = find(doc.root, '3.4.1')!;
    assert.deepEqual(shape(section), [
      'section',
      '3.4.1',
      [
        ['part', '趣旨', []],
        [
          'part',
          '例文',
          [
            ['item', '(1)', []],
            [
              'item',
              '(2)',
              [
                ['item', '①', []],
                ['item', '②', [['note', '(注1)', []]]],
              ],
            ],
          ],
        ],
        ['part', '解説', [['item', '(1)', []]]],
      ],
    ]);
  });

  test('figures attach to the item or part where they stand', () => {
    const figure = find(doc.root, '3.6.2/例文/(1)/②/図表5');
    assert.ok(figure, 'figure under 3.6.2');
    assert.equal(figure.kind, 'figure');
    assert.equal(figure.title, 'アクセス制御の概念図');
  });

  test('headings in code blocks and numbered paragraphs are not sections', () => {
    assert.equal(doc.sectionsByNumber.has('3.9.9'), false);
    assert.equal(doc.sectionsByNumber.has('3.6.3'), false);
  });

  test('every range lies inside the document and children inside parents', () => {
    for (const node of walk(doc.root)) {
      assert.ok(node.start >= 0 && node.end <= basic.length && node.start <= node.end, node.id);
      for (const child of node.children)
        assert.ok(child.start >= node.start && child.end <= node.end, `${child.id} in ${node.id}`);
    }
  });

  test('selection range is the heading text or the marker', () => {
    const section = find(doc.root, '3.4.1')!;
    const line = doc.lines.lineText(section.selectionRange.start.line);
    assert.equal(
      line.slice(section.selectionRange.start.character, section.selectionRange.end.character),
      '3.4.1 サーバ等の管理',
    );
    const part = find(doc.root, '3.4.1/例文')!;
    assert.equal(
      doc.text.slice(doc.lines.offsetAt(part.selectionRange.start), doc.lines.offsetAt(part.selectionRange.end)),
      '【例文】',
    );
  });

  test('nodeAt finds the innermost node', () => {
    const offset = basic.indexOf('セカンダリサーバ');
    assert.equal(nodeAt(doc, offset).id, '3.4.1/例文/(2)/②');
  });

  test('display names read as the guideline writes them', () => {
    assert.equal(displayName(find(doc.root, '3.4.1')!), '3.4.1 サーバ等の管理');
    assert.equal(displayName(find(doc.root, '3.4.1/例文/(1)')!), '(1) 機器の取付け');
  });
});

describe('conventions', () => {
  test('full-width numbers and brackets are normalised, kept as written for display', () => {
    const doc = parseGuideline('x', '### ３．６．２ アクセス制御\n\n【例文】\n\n（１）利用者ＩＤ\n\n（注１）注記\n');
    const section = find(doc.root, '3.6.2')!;
    assert.equal(section.label, '３．６．２');
    assert.ok(find(doc.root, '3.6.2/例文/(1)/(注1)'));
  });

  test('heading number forms: "3.8.1.", "3.8.1．", no space before Japanese title', () => {
    for (const heading of ['3.8.1. 外部委託', '3.8.1．外部委託', '3.8.1外部委託', '３．８．１　外部委託']) {
      const doc = parseGuideline('x', `## ${heading}\n`);
      const node = doc.root.children[0];
      assert.equal(node.number, '3.8.1', heading);
      assert.equal(node.title, '外部委託', heading);
    }
  });

  test('chapter, part and article labels', () => {
    const doc = parseGuideline(
      'x',
      '# 第1編 基本方針\n\n## 第2章 対策基準\n\n### 第2節 組織\n\n#### 第三条（アクセス制御）\n',
    );
    const kinds = [...walk(doc.root)].slice(1).map((n) => [n.kind, n.number]);
    assert.deepEqual(kinds, [
      ['chapter', '第1編'],
      ['chapter', '2'],
      ['chapter', '第2節'],
      ['article', '第3条'],
    ]);
  });

  test('parts written as headings, bold paragraphs, or plain paragraphs; (解説) and 【解説】 too', () => {
    for (const marker of ['#### 【例文】', '**【例文】**', '【例文】', '(例文)']) {
      const doc = parseGuideline('x', `### 3.1 組織体制\n\n${marker}\n\n(1) 項目\n`);
      assert.ok(find(doc.root, '3.1/例文/(1)'), marker);
    }
    for (const marker of ['（解説）', '(解説)', '【解説】', '__（解説）__']) {
      const doc = parseGuideline('x', `### 3.1 組織体制\n\n${marker}\n\n① 項目\n`);
      assert.ok(find(doc.root, '3.1/解説/①'), marker);
    }
  });

  test('item markers: (1) （１） (１), ①…⑳ ㉑, ア (ア) with leading full-width spaces, in lists too', () => {
    const doc = parseGuideline(
      'x',
      '### 3.1 例\n\n【例文】\n\n　(１) 一\n\n- ㉑ 二十一\n\n　（ア） 細目\n\n イ 細目\n',
    );
    const part = find(doc.root, '3.1/例文')!;
    assert.deepEqual(shape(part), [
      'part',
      '例文',
      [
        [
          'item',
          '(1)',
          [
            [
              'item',
              '㉑',
              [
                ['item', 'ア', []],
                ['item', 'イ', []],
              ],
            ],
          ],
        ],
      ],
    ]);
  });

  test('a katakana word at the start of a paragraph is not an item', () => {
    const doc = parseGuideline('x', '### 3.1 例\n\nアクセス制御を行う。\n\nア　細目\n');
    assert.deepEqual(
      find(doc.root, '3.1')!.children.map((c) => c.number),
      ['ア'],
    );
  });

  test('municipal policies: "1 組織体制" and articles as plain paragraphs', () => {
    const doc = parseGuideline(
      'x',
      '# 対策基準\n\n1 組織体制\n\n(1) 最高情報セキュリティ責任者\n\n第3条（アクセス制御）\n\n　職員は、…しなければならない。\n\n２　前項の規定にかかわらず、…\n\n一　利用者IDの登録\n\n二　利用者IDの削除\n',
    );
    const heading = doc.root.children[0];
    assert.deepEqual(shape(heading), [
      'heading',
      null,
      [
        ['section', '1', [['item', '(1)', []]]],
        [
          'article',
          '第3条',
          [
            [
              'clause',
              '2',
              [
                ['item', '一', []],
                ['item', '二', []],
              ],
            ],
          ],
        ],
      ],
    ]);
  });

  test('unnumbered headings nest by level', () => {
    const doc = parseGuideline('x', '# 表題\n\n## はじめに\n\n### 背景\n\n## 本編\n');
    assert.deepEqual(shape(doc.root), [
      'document',
      null,
      [
        [
          'heading',
          null,
          [
            ['heading', null, [['heading', null, []]]],
            ['heading', null, []],
          ],
        ],
      ],
    ]);
  });

  test('a section number decides its parent even when heading levels disagree', () => {
    const doc = parseGuideline('x', '## 3.6 技術的セキュリティ\n\n## 3.6.1 管理\n\n### 3.7 運用\n');
    assert.deepEqual(shape(doc.root), [
      'document',
      null,
      [
        ['section', '3.6', [['section', '3.6.1', []]]],
        ['section', '3.7', []],
      ],
    ]);
  });

  test('CRLF line ends and front matter', () => {
    const doc = parseGuideline('x', '---\ntitle: "# 3.1 not a heading"\n---\r\n### 3.1 組織\r\n\r\n(1) 項目\r\n');
    assert.ok(find(doc.root, '3.1/(1)'));
    assert.equal(doc.sectionsByNumber.size, 1);
  });
});
