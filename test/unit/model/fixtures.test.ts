import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { walk, type GuidelineNode } from '../../../server/src/core/model/node';
import { numberingFindings } from '../../../server/src/core/model/numbering';

const load = (name: string) =>
  parseGuideline(`file:///${name}`, readFileSync(resolve(FIXTURES, 'model', name), 'utf8'));
const outline = (node: GuidelineNode, kinds: readonly string[]): string[] =>
  [...walk(node)].filter((n) => kinds.includes(n.kind)).map((n) => n.id);

describe('documents derived from the guideline', () => {
  test("a municipality's 対策基準: 1 組織体制 … 6 as headings, plain and bold paragraphs, all siblings", () => {
    const doc = load('municipal-standard.md');
    const top = doc.root.children[0];
    assert.deepEqual(
      top.children.map((n) => [n.kind, n.number, n.title]),
      [
        ['section', '1', '組織体制'],
        ['section', '2', '情報資産の分類と管理'],
        ['section', '3', '物理的セキュリティ'],
        ['section', '4', '人的セキュリティ'],
        ['section', '5', '技術的セキュリティ'],
        ['section', '6', '評価・見直し'],
      ],
    );
    assert.deepEqual(
      top.children[2].children.map((n) => n.number),
      ['(1)', '(2)'],
    );
    assert.ok(outline(doc.root, ['item']).includes('1/(2)/②/イ'));
    assert.deepEqual(numberingFindings(doc, 'ja'), []);
  });

  test('an articles-style 規程: 第N条 as paragraphs with 項 2, 3 and 号 一, 二', () => {
    const doc = load('articles-regulation.md');
    const articles = [...walk(doc.root)].filter((n) => n.kind === 'article');
    assert.deepEqual(
      articles.map((a) => [a.number, a.title]),
      [
        ['第1条', '目的'],
        ['第2条', '定義'],
        ['第3条', 'アクセス制御'],
        ['第4条', '外部からの接続'],
        ['第5条', 'ログの保存'],
      ],
    );
    const third = articles[2];
    assert.deepEqual(
      third.children.map((c) => [c.kind, c.number, c.children.map((g) => g.number)]),
      [
        ['clause', '2', ['一', '二', '三']],
        ['clause', '3', []],
      ],
    );
    assert.deepEqual(numberingFindings(doc, 'ja'), []);
  });

  test('full-width numbers and brackets, mixed with half-width, normalise and are in order', () => {
    const doc = load('fullwidth-guideline-part.md');
    assert.deepEqual([...doc.sectionsByNumber.keys()], ['3', '3.6', '3.6.1', '3.6.2', '3.6.3']);
    const section = doc.fullSectionsByNumber.get('3.6.2')![0];
    assert.equal(section.label, '３．６．２');
    assert.ok(outline(section, ['item']).includes('3.6.2/例文/(2)/②/イ'));
    assert.ok(outline(section, ['note']).includes('3.6.2/解説/(1)/(注1)'));
    // In order once normalised; the list that mixes (１) and （2） is a numbering-width finding.
    const findings = numberingFindings(doc, 'ja');
    assert.deepEqual(
      findings.filter((f) => f.code !== 'numbering-width'),
      [],
    );
    assert.ok(
      findings.some((f) => f.range.start.line === 33 && f.fixes?.[0].edits[0].newText === '(２)'),
      '（2） after (１) in 3.6.2',
    );
  });

  test('traps: quotes, block quotes and code are not structure; the planted duplicate and order error are found', () => {
    const doc = load('tricky-cases.md');
    assert.deepEqual([...doc.sectionsByNumber.keys()], ['3', '3.1', '3.2', '3.3']);
    const findings = numberingFindings(doc, 'ja').map((f) => [f.code, f.range.start.line + 1]);
    assert.deepEqual(findings, [
      ['numbering-duplicate', 46],
      ['numbering-gap', 60],
      ['numbering-order', 64],
    ]);
  });
});
