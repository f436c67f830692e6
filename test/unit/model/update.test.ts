import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXAMPLES } from '../../support/paths';
import {
  changedRegion,
  GuidelineModelCache,
  type GuidelineDocument,
  type TextChange,
} from '../../../server/src/core/model/document';
import { walk } from '../../../server/src/core/model/node';
import { LineIndex } from '../../../server/src/core/text/position';
import { numberingFindings } from '../../../server/src/core/model/numbering';

const example = readFileSync(resolve(EXAMPLES, 'guideline/security-policy-guideline.md'), 'utf8');

function apply(text: string, changes: readonly TextChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);
}

function shape(doc: GuidelineDocument) {
  return {
    chunks: doc.chunks.map((c) => [c.start, c.line, c.text]),
    lines: doc.lines.lineStarts,
    tree: [...walk(doc.root)].map((n) => [n.kind, n.id, n.start, n.end, n.range, n.selectionRange]),
    // Inherited from the previous version when the structure did not change: must still be exact.
    sections: [...doc.sectionsByNumber].map(([number, hits]) => [
      number,
      hits.map((h) => [h.kind, h.title, h.selectionRange]),
    ]),
    numbering: numberingFindings(doc, 'ja'),
  };
}

const SNIPPETS = [
  '',
  'あ',
  'あいう',
  '\n',
  '\n\n',
  '(2) ',
  '3 物理的セキュリティ\n\n',
  '#### 3.9.9 新しい節\n',
  '```\n',
  '~~~',
  '# ',
  '(1) ',
  '**【例文】**\n',
  '\r\n',
  '「3.6.2 アクセス制御」',
  '> ',
  '- ',
];

describe('incremental update', () => {
  test('random edits (inside sections, across headings, opening fences) give the same snapshot as a full build', () => {
    const base = example.slice(0, 12000);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom(...SNIPPETS)), { minLength: 1, maxLength: 3 }),
        (raw) => {
          let text = base;
          const changes: TextChange[] = [];
          for (const [at, length, insert] of raw) {
            const start = at % (text.length + 1);
            const end = Math.min(text.length, start + length);
            changes.push({ start, end, text: insert });
            text = apply(text, [changes[changes.length - 1]]);
          }
          const cache = new GuidelineModelCache();
          const before = cache.build('file:///g.md', 1, base);
          // Worked out before the edit, so that the update may inherit them.
          numberingFindings(before, 'ja');
          void before.sectionsByNumber;
          const updated = cache.update(before, 2, text, changes);
          const fresh = new GuidelineModelCache().build('file:///g.md', 2, text);
          assert.deepEqual(shape(updated), shape(fresh));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a chain of edits that keep the structure inherits it, and stays exact', () => {
    const cache = new GuidelineModelCache();
    let doc = cache.build('file:///g.md', 1, example);
    void doc.structure;
    let text = example;
    let inherited = 0;
    for (let k = 0; k < 20; k++) {
      const at = text.indexOf('。', Math.floor((text.length * k) / 21) + 200);
      text = `${text.slice(0, at)}あ${text.slice(at)}`;
      const next = cache.update(doc, 2 + k, text, [{ start: at, end: at, text: 'あ' }]);
      // Typing in an item's first line changes its title, which the structure includes.
      if (next.structure === doc.structure) inherited++;
      doc = next;
    }
    assert.ok(inherited >= 10, `${inherited} of 20 edits kept the structure`);
    assert.deepEqual(shape(doc), shape(new GuidelineModelCache().build('file:///g.md', 99, text)));
  });

  test('an edit inside one section creates one new chunk model and reuses every other', () => {
    const cache = new GuidelineModelCache();
    const before = cache.build('file:///g.md', 1, example);
    const at = example.indexOf('耐震');
    const parses = cache.models.parses;
    const after = cache.update(before, 2, `${example.slice(0, at)}十分な${example.slice(at)}`, [
      { start: at, end: at, text: '十分な' },
    ]);
    assert.equal(cache.models.parses - parses, 1);
    const reused = after.chunks.filter((c, i) => c.model === before.chunks[i].model).length;
    assert.equal(reused, before.chunks.length - 1);
  });

  test('the changed region of several changes, in the final text', () => {
    assert.deepEqual(changedRegion([{ start: 10, end: 12, text: 'abc' }]), { from: 10, to: 13, delta: 1 });
    assert.deepEqual(
      changedRegion([
        { start: 10, end: 10, text: 'x' },
        { start: 2, end: 3, text: '' },
      ]),
      { from: 2, to: 10, delta: 0 },
    );
    assert.deepEqual(
      changedRegion([
        { start: 5, end: 5, text: 'xy' },
        { start: 20, end: 20, text: 'z' },
      ]),
      { from: 5, to: 21, delta: 3 },
    );
    assert.equal(changedRegion([]), null);
  });

  test('LineIndex.edited equals a fresh index for random edits, CRLF and lone CR included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'あ', '\n', '\r', '\r\n', ' '), maxLength: 60 }),
        fc.nat(),
        fc.nat({ max: 10 }),
        fc.string({ unit: fc.constantFrom('b', '\n', '\r', '\r\n'), maxLength: 6 }),
        (text, at, length, insert) => {
          const start = at % (text.length + 1);
          const end = Math.min(text.length, start + length);
          const next = text.slice(0, start) + insert + text.slice(end);
          const edited = new LineIndex(text).edited(next, start, end, start + insert.length);
          assert.deepEqual(edited.lineStarts, new LineIndex(next).lineStarts);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('numbering computed per chunk and on the skeleton', () => {
  test('equals numbering over the whole tree, for the fixtures and random documents', async () => {
    const { numberingFindings, treeNumberingFindings } = await import('../../../server/src/core/model/numbering');
    const { parseGuideline } = await import('../../../server/src/core/model/document');
    const pieces = [
      '## 第3章 基準\n',
      '### 3.1 組織\n',
      '### 3.3 資産\n',
      '### 3.2 物理\n',
      '#### 【例文】\n',
      '**【例文】**\n',
      '（解説）\n',
      '(1) 項目\n',
      '(2) 項目\n',
      '(4) 項目\n',
      '① 細目\n',
      '③ 細目\n',
      'ア 細目\n',
      '#### (3) 見出しの項目\n',
      '1 組織体制\n',
      '2 資産\n',
      '第3条（目的）\n',
      '２　二項\n',
      '一　号\n',
      '本文。\n',
      '\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const doc = parseGuideline('x', parts.join('\n'));
        assert.deepEqual(numberingFindings(doc, 'ja'), treeNumberingFindings(doc, 'ja'));
      }),
      { numRuns: 300 },
    );
    const doc = parseGuideline('x', example);
    assert.deepEqual(numberingFindings(doc, 'ja'), treeNumberingFindings(doc, 'ja'));
  });
});

describe('an inherited structure follows nodes that move inside their chunk', () => {
  test('typing in (2) moves the gap finding on (4) and the paragraph section 3 with it', () => {
    const base = '## 2 情報資産\n\n(1) 分類\n\n(2) 管理\n\n(4) 廃棄\n\n3 物理的セキュリティ\n\n(1) 設置\n';
    const cache = new GuidelineModelCache();
    let doc = cache.build('file:///m.md', 1, base);
    numberingFindings(doc, 'ja');
    void doc.sectionsByNumber;
    let text = base;
    for (let k = 0; k < 3; k++) {
      const at = text.indexOf('管理') + 2;
      text = `${text.slice(0, at)}する${text.slice(at)}`;
      const next = cache.update(doc, 2 + k, text, [{ start: at, end: at, text: 'する' }]);
      assert.equal(next.structure, doc.structure, 'the structure is inherited');
      doc = next;
      const gap = numberingFindings(doc, 'ja').find((f) => f.code === 'numbering-gap')!;
      assert.equal(
        text.split('\n')[gap.range.start.line].slice(gap.range.start.character, gap.range.end.character),
        '(4)',
      );
      const section = doc.sectionsByNumber.get('3')![0];
      assert.equal(text.slice(section.selectionStart, section.selectionEnd), '3 物理的セキュリティ');
    }
  });
});
