import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findNonProseRegions, maskNonProse } from '../../../server/src/core/checks/prose-mask';

function kept(text: string): string {
  return maskNonProse(text).replace(/\s+/g, ' ').trim();
}

describe('maskNonProse', () => {
  test('keeps length and line breaks', () => {
    const text = '本文\n```\nコード｜\r\n```\r\n本文 `x` https://example.com/a-b\n';
    const masked = maskNonProse(text);
    assert.equal(masked.length, text.length);
    assert.deepEqual(masked.match(/\r\n|\n/g), text.match(/\r\n|\n/g));
  });

  const cases: Array<[string, string, string]> = [
    ['fenced code', '前\n```text\nポリシ｜\n```\n後', '前 後'],
    ['tilde fence', '前\n~~~\nポリシ｜\n~~~\n後', '前 後'],
    ['unclosed fence runs to the end', '前\n```\nポリシ｜\n後', '前'],
    ['indented code after a blank line', '前\n\n    サ一バ\n    ﾃｽﾄ\n\n後', '前 後'],
    ['inline code', '前 `ｻｰﾊﾞ` 後', '前 後'],
    ['double backtick code', '前 ``a ` b`` 後', '前 後'],
    ['html comment', '前<!-- ポリシ｜ -->後', '前 後'],
    ['multi-line html comment', '前\n<!--\nポリシ｜\n-->\n後', '前 後'],
    ['http URL', '詳細は https://www.example.go.jp/a-b_(c) を参照', '詳細は を参照'],
    ['URL glued to Japanese text', '詳細はhttps://example.com/x-yを参照', '詳細は を参照'],
    ['www URL', '詳細は www.soumu.go.jp/a-b を参照', '詳細は を参照'],
    ['link destination', '[総務省](https://www.soumu.go.jp/(a)) の資料', '[総務省] の資料'],
    ['autolink', '窓口 <mailto:info@example.jp> まで', '窓口 まで'],
    ['email autolink', '窓口 <info@example.jp> まで', '窓口 まで'],
    ['html tag', '改行<br/>後', '改行 後'],
    ['reference definition', '[ref]: https://example.com/a-b "題"\n本文', '[ref]: 本文'],
    ['front matter', '---\ntitle: ｻｰﾊﾞ\n---\n本文', '本文'],
    // Each block kind alone in its text: the quick test for block candidates must let each through.
    ['code indented by a tab', '前\n\n\tサ一バ\n\n後', '前 後'],
    ['code indented by spaces and a tab', '前\n\n  \tサ一バ\n\n後', '前 後'],
    ['code indented by four spaces after a CR', '前\r\r    サ一バ\r\r後', '前 後'],
    ['front matter after a byte order mark', '\ufeff---\ntitle: ｻｰﾊﾞ\n---\n本文', '本文'],
  ];
  for (const [name, text, expected] of cases) {
    test(`masks ${name}`, () => assert.equal(kept(text), expected));
  }

  const leaveAlone: Array<[string, string]> = [
    ['a list item continuation is not code', '- 項目\n\n    続きのサ一バ'],
    ['full-width space indentation is prose', '前\n\n　　　　ブラウザの閲覧履歴'],
    ['an unmatched backtick is literal', '前 ` 後'],
    ['a thematic break is not front matter later on', '本文\n---\nタイトル: 値\n---\n'],
    ['a less-than sign is prose', 'a < b かつ 値が5未満'],
  ];
  for (const [name, text] of leaveAlone) {
    test(`keeps: ${name}`, () => assert.equal(maskNonProse(text), text));
  }

  test('front matter only at the document start when asked', () => {
    const text = '---\nkey: v\n---\n本文';
    assert.equal(maskNonProse(text, { frontMatter: false }), text);
  });

  test('regions are sorted and tagged', () => {
    const regions = findNonProseRegions('a `b` <!-- c --> https://d.example/e');
    assert.deepEqual(
      regions.map((r) => r.kind),
      ['inline-code', 'html-comment', 'url'],
    );
  });

  test('surrogate pairs keep the length', () => {
    const text = '`𠮷野家` 𠮷';
    assert.equal(maskNonProse(text).length, text.length);
  });
});
