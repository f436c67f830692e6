/**
 * Articles as 法令 and most 例規 write them: the caption 「（目的）」 on its own line, then 「第1条　…」
 * opening the article's text. The caption names the article and belongs to it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { numberingFindings } from '../../../server/src/core/model/numbering';
import type { GuidelineNode } from '../../../server/src/core/model/node';

const text = readFileSync(resolve(FIXTURES, 'model/articles-hourei.md'), 'utf8');
const doc = parseGuideline('file:///policy.md', text);

function articles(node: GuidelineNode, out: GuidelineNode[] = []): GuidelineNode[] {
  for (const child of node.children) {
    if (child.kind === 'article') out.push(child);
    articles(child, out);
  }
  return out;
}

describe('articles opening their text (法令 style)', () => {
  const found = articles(doc.root);

  test('each article has its number, and the caption above it as its title', () => {
    assert.deepEqual(
      found.map((a) => [a.number, a.title]),
      [
        ['第1条', '目的'],
        ['第2条', '定義'],
        ['第3条', ''],
        ['第4条', '最高情報セキュリティ責任者'],
        ['第6条', '情報セキュリティ管理者'],
        ['第7の2条', ''],
      ],
    );
  });

  test('the article starts at its caption; the selection is the article number', () => {
    const first = found[0];
    assert.equal(first.range.start.line, doc.lines.positionAt(text.indexOf('\n（目的）') + 1).line);
    assert.equal(
      text.slice(doc.lines.offsetAt(first.selectionRange.start), doc.lines.offsetAt(first.selectionRange.end)),
      '第1条',
    );
    const third = found[2];
    assert.equal(third.range.start.line, doc.lines.positionAt(text.indexOf('第3条　前条')).line);
  });

  test('項 and 号 nest in the article', () => {
    assert.deepEqual(
      found[1].children.map((c) => [c.kind, c.number]),
      [
        ['item', '一'],
        ['item', '二'],
        ['clause', '2'],
      ],
    );
  });

  test('a paragraph citing an article and a note are not articles; a missing article is a gap', () => {
    assert.ok(!found.some((a) => a.title.includes('規定')));
    assert.deepEqual(
      numberingFindings(doc, 'ja').map((f) => f.message),
      ['番号が飛んでいます：「第4条」の次が「第6条」です（第5条 がありません）。'],
    );
  });

  test('a guideline quoting an article: the （解説） after it belongs to the section, not to the article', () => {
    const quoting = parseGuideline(
      'file:///guideline.md',
      [
        '# ガイドライン',
        '',
        '### 3.1.1 関係法令',
        '',
        '（目的）',
        '',
        '第1条　この法律は、個人の権利利益を保護することを目的とする。',
        '',
        '（解説）',
        '',
        '(1) 法の目的を踏まえること。',
        '',
      ].join('\n'),
    );
    const section = quoting.fullSectionsByNumber.get('3.1.1')![0];
    assert.deepEqual(
      section.children.map((c) => [c.kind, c.number]),
      [
        ['article', '第1条'],
        ['part', '解説'],
      ],
    );
    assert.deepEqual(section.children[0].children, []);
  });
});
