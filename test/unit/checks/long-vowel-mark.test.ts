import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findLongVowelMarks } from '../../../server/src/core/checks/rules/long-vowel-mark';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import { flagged } from './helpers';

describe('long-vowel-mark', () => {
  // [sentence, the characters that must be flagged, in order]
  const catches: Array<[string, string[]]> = [
    ['図表5 のとおり、セキュリティポリシ｜を策定する。', ['｜']],
    ['情報セキュリティポリシ|の見直しを行う。', ['|']],
    ['セキュリティポリシ一を定め、職員に周知する。', ['一']],
    ['住民情報はデータベ－スに格納する。', ['－']],
    ['職員のユ‐ザ権限を見直す。', ['‐']],
    ['サ一バの設置場所を記録する。', ['一']],
    ['サ－バ室の入退室を記録する。', ['－']],
    ['コンピュ―タウイルス対策を講じる。', ['―']],
    ['ネットワ—クの監視を行う。', ['—']],
    ['パスワ‑ドは定期的に変更する。', ['‑']],
    ['ユ-ザIDは管理者が発行する。', ['-']],
    ['プリンタ−を共用する。', ['−']],
    ['ソ｜シャルメディアサービスの利用', ['｜']],
    ['メモリ丨の増設', ['丨']],
    ['ブラウザ︱の設定', ['︱']],
    ['サーバｰ室', ['ｰ']],
    ['データｰベース', ['ｰ']],
    ['「ポリシ－」と表記する。', ['－']],
    ['対象はサーバ、プリンタ－。', ['－']],
    ['セキュリティポリシ－', ['－']],
    ['ニュ－スの配信', ['－']],
    ['コンピュ－タ', ['－']],
    ['セキュリティポリシ－策定の手順。セキュリティポリシーは毎年見直す。', ['－']],
    ['クラウドサ－ビスを利用する。クラウドサービスの契約を確認する。', ['－']],
    ['エクスポ－ト', ['－']],
    // 一 before a kanji where the section writes the word with ー elsewhere (the example guideline's 2.3).
    ['情報セキュリティポリシーを定める。職員は情報セキュリティポリシ一及び実施手順を遵守する。', ['一']],
  ];
  for (const [sentence, expected] of catches) {
    test(`catches: ${sentence}`, () => assert.deepEqual(flagged(sentence, findLongVowelMarks), expected));
  }

  const leaveAlone: string[] = [
    'メール一斉送信の誤送信に注意する。',
    'ファイル一覧を作成する。',
    'データ一元管理の仕組みを整える。',
    'システム一式を調達する。',
    'パスワード一覧は施錠して保管する。',
    'ウイルス一件ごとに報告する。',
    'ユーザ一覧を更新する。',
    'ファイル一つごとに暗号化する。',
    'バックアップは一カ月保存し、データは一ヶ所に集約する。',
    'ガイドライン一部改正',
    'メール一斉送信の訓練を行う。メールは暗号化する。',
    '3.6.1－3.6.3 を参照する。',
    '手順は 1－2 の順に行う。',
    '項目ア－ウの要件を満たす。',
    'クライアント－サーバ方式を採用する。',
    'サーバ－端末間の通信を暗号化する。サーバは管理区域に置く。',
    'ウェブ‐サイトの管理',
    'ユーザ-ID の桁数を定める。',
    'ステップ-1 で決める。',
    'ステップ－２で決める。',
    'セキュリティ――すなわち情報の保護――を確保する。',
    'サーバー、ユーザー、ポリシー',
    '| サーバ|端末 | 管理者 |\n|---|---|---|\n| プリンタ|複合機 | 課室 |',
    'サーバ|端末\n---|---\nプリンタ|複合機',
    '- サーバ\n- 端末',
    'ダウンロード-アップロード',
    'ログイン-ログアウト',
    'キャッシュ－サーバを置く。',
    'https://example.com/ポリシ-a',
    '`セキュリティポリシ｜`',
    '```\nサ一バ\n```',
    'ｻｰﾊﾞ',
  ];
  for (const sentence of leaveAlone) {
    test(`leaves alone: ${sentence.replace(/\n/g, '⏎')}`, () =>
      assert.deepEqual(flagged(sentence, findLongVowelMarks), []));
  }

  test('fix replaces the character with ー and is safe', () => {
    const [finding] = findLongVowelMarks(maskNonProse('ポリシ｜を'));
    assert.equal(finding.code, 'long-vowel-mark');
    assert.deepEqual(
      finding.fixes?.map((f) => [f.replacement, f.start, f.end, f.safe]),
      [['ー', 3, 4, true]],
    );
    assert.equal(finding.args?.word, 'ポリシー');
    assert.match(String(finding.args?.char), /U\+FF5C/);
  });
});
