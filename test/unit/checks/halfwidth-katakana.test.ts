import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findHalfwidthKatakana, toFullWidthKatakana } from '../../../server/src/core/checks/rules/halfwidth-katakana';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import { flagged } from './helpers';

describe('halfwidth-katakana', () => {
  const catches: Array<[string, string[]]> = [
    ['ﾊﾟｽﾜｰﾄﾞは定期的に変更する。', ['ﾊﾟｽﾜｰﾄﾞ']],
    ['ｻｰﾊﾞ及びﾈｯﾄﾜｰｸ機器を管理する。', ['ｻｰﾊﾞ', 'ﾈｯﾄﾜｰｸ']],
    ['セキュリティ･ポリシー', ['･']],
    ['ｶﾀｶﾅ､ｶﾀｶﾅ｡', ['ｶﾀｶﾅ､ｶﾀｶﾅ｡']],
  ];
  for (const [sentence, expected] of catches) {
    test(`catches: ${sentence}`, () => assert.deepEqual(flagged(sentence, findHalfwidthKatakana), expected));
  }
  const leaveAlone = [
    'サーバを管理区域に設置する。',
    '｢地方公共団体における情報セキュリティポリシーに関するガイドライン（案）」',
    '文末の｡や､だけの場合',
    'サーバｰ室',
    '`ｻｰﾊﾞ` はコード例',
  ];
  for (const sentence of leaveAlone) {
    test(`leaves alone: ${sentence}`, () => assert.deepEqual(flagged(sentence, findHalfwidthKatakana), []));
  }

  const conversions: Array<[string, string]> = [
    ['ﾊﾟｽﾜｰﾄﾞ', 'パスワード'],
    ['ｳﾞｧｲﾙｽ', 'ヴァイルス'],
    ['ｶﾞｲﾄﾞﾗｲﾝ､ﾎﾟﾘｼｰ｡', 'ガイドライン、ポリシー。'],
    ['ﾞｱ', '゛ア'],
    ['ｱﾟ', 'ア゜'],
  ];
  for (const [from, to] of conversions) {
    test(`converts ${from} → ${to}`, () => assert.equal(toFullWidthKatakana(from), to));
  }

  test('fix replaces the run with full width, safe', () => {
    const [f] = findHalfwidthKatakana(maskNonProse('ｻｰﾊﾞ室'));
    assert.deepEqual(
      f.fixes?.map((x) => [x.replacement, x.start, x.end, x.safe]),
      [['サーバ', 0, 4, true]],
    );
  });
});
