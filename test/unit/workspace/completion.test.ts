import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuideline } from '../../../server/src/core/model/document';
import { completionCandidates, nextMarker } from '../../../server/src/core/workspace/completion';
import { walk } from '../../../server/src/core/model/node';

const GUIDELINE = [
  '## 第3章 情報セキュリティ対策基準',
  '',
  '### 3.6 技術的セキュリティ',
  '',
  '#### 3.6.1 コンピュータ及びネットワークの管理',
  '',
  '**【例文】**',
  '',
  '(1) 文書サーバの設定等',
  '',
  '(2) バックアップの実施',
  '',
  '① 情報システム管理者は、バックアップを定期的に実施しなければならない。',
  '',
  '② バックアップの媒体は管理区域に保管しなければならない。',
  '',
  '',
  '#### 3.6.2 アクセス制御',
  '',
  '**（解説）**',
  '',
  '（１）アクセス制御',
  '',
  'ア 利用者IDの管理',
  '',
  '',
].join('\n');

function at(text: string, line: number, character: number) {
  return completionCandidates(
    [parseGuideline('file:///other.md', '### 9.1 別文書の節\n')],
    parseGuideline('file:///g.md', text),
    { line, character },
    'ja',
  );
}

function withLine(line: number, content: string): string {
  const lines = GUIDELINE.split('\n');
  lines[line] = content;
  return lines.join('\n');
}

describe('completion', () => {
  test('after 「: every section with its title, closing the quote', () => {
    const text = withLine(16, '詳細は「');
    const items = at(text, 16, 4);
    assert.deepEqual(
      items.map((i) => i.label),
      ['3.6 技術的セキュリティ', '3.6.1 コンピュータ及びネットワークの管理', '3.6.2 アクセス制御', '9.1 別文書の節'],
    );
    assert.equal(items[2].insertText, '3.6.2 アクセス制御」');
    assert.deepEqual(items[2].replace, { start: { line: 16, character: 4 }, end: { line: 16, character: 4 } });
  });

  test('after 「3.6.: the sections under that number, replacing what was typed', () => {
    const text = withLine(16, '詳細は「3.6.」を参照');
    const items = at(text, 16, 8);
    assert.deepEqual(
      items.map((i) => i.insertText),
      ['3.6.1 コンピュータ及びネットワークの管理', '3.6.2 アクセス制御'],
    );
    assert.equal(items[0].replace.start.character, 4);
  });

  test('a partial dotted number without 「 completes the number only', () => {
    const items = at(withLine(16, '詳細は 3.6.'), 16, 8);
    assert.deepEqual(
      items.map((i) => i.insertText),
      ['3.6.1', '3.6.2'],
    );
  });

  test('at the start of a paragraph after ②: ③ first, then (3)', () => {
    const items = at(GUIDELINE, 16, 0).filter((i) => i.kind === 'item');
    assert.deepEqual(
      items.map((i) => i.insertText),
      ['③ ', '(3) '],
    );
  });

  test('the next marker keeps the width and brackets of the list', () => {
    const doc = parseGuideline('x', GUIDELINE);
    const markers = [...walk(doc.root)].filter((n) => n.kind === 'item').map((n) => nextMarker(n));
    assert.deepEqual(markers, ['(2)', '(3)', '②', '③', '（２）', 'イ']);
  });

  test('after a full-width bracket only the bracketed markers are offered', () => {
    const items = at(withLine(25, '（'), 25, 1).filter((i) => i.kind === 'item');
    assert.deepEqual(
      items.map((i) => i.insertText),
      ['（２） '],
    );
  });

  test('roles and terms complete from what was typed: 統括 → 統括情報セキュリティ責任者', () => {
    const items = at(withLine(16, '（注1）統括'), 16, 7);
    const role = items.find((i) => i.label === '統括情報セキュリティ責任者')!;
    assert.ok(role);
    assert.deepEqual(role.replace, { start: { line: 16, character: 5 }, end: { line: 16, character: 7 } });
    assert.ok(!items.some((i) => i.label === '情報システム管理者'), 'only terms that begin with 統括');
  });

  test('the decided term ソーシャルメディアサービス is offered', () => {
    assert.ok(at(withLine(16, 'ソーシャル'), 16, 5).some((i) => i.label === 'ソーシャルメディアサービス'));
  });
});
