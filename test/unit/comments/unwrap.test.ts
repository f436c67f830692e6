import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth, estimateColumnWidth, unwrapLines } from '../../../server/src/core/comments/unwrap';

describe('unwrapLines', () => {
  const col = 20; // 10 full-width characters
  test('joins Japanese wraps without a space, keeps sentence ends and paragraphs', () => {
    assert.equal(
      unwrapLines(['あいうえおかきくけこ', 'さしすせそ。', 'たちつ', '', 'なに'], col),
      'あいうえおかきくけこさしすせそ。\nたちつ\n\nなに',
    );
  });
  test('a space only between ASCII words; URLs rejoin without a space', () => {
    assert.equal(unwrapLines(['the quick brown fox', 'jumps'], col), 'the quick brown fox jumps');
    assert.equal(unwrapLines(['https://example.jp/a-', 'b.pdf'], col), 'https://example.jp/a-b.pdf');
    assert.equal(unwrapLines(['あいうえおかきく 3.6.2', 'アクセス'], col), 'あいうえおかきく 3.6.2アクセス');
  });
  test('short lines, headings and list markers are hard breaks', () => {
    assert.equal(unwrapLines(['短い行', 'つづき'], col), '短い行\nつづき');
    assert.equal(unwrapLines(['【変更案】', 'あいうえお'], 4), '【変更案】\nあいうえお');
    assert.equal(unwrapLines(['あいうえおかきくけこ', '・さしすせそ'], col), 'あいうえおかきくけこ\n・さしすせそ');
    assert.equal(unwrapLines(['あいうえおかきくけこ', '　インデント'], col), 'あいうえおかきくけこ\n　インデント');
    assert.equal(unwrapLines(['あいうえおかきくけこ', '理由：さしす'], col), 'あいうえおかきくけこ\n理由：さしす');
  });
  test('item markers at a line start continue a full line', () => {
    assert.equal(
      unwrapLines(['「3.6.1 管理」について', '【例文】（14）に記載'], 22),
      '「3.6.1 管理」について【例文】（14）に記載',
    );
  });
  test('widths', () => {
    assert.equal(displayWidth('aあｱ'), 4);
    assert.equal(estimateColumnWidth(['あ', 'ああ', 'あああ']), 6);
    assert.equal(estimateColumnWidth([]), 0);
  });
});
