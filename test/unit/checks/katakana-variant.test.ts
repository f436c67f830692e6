import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { localize } from '../../../server/src/core/i18n/locale';
import {
  collectKatakanaSpellings,
  decideKatakanaVariants,
  findKatakanaVariants,
  mergeSpellingCounts,
} from '../../../server/src/core/checks/rules/katakana-variant';

function decide(text: string, preferred: Record<string, string> = {}) {
  return decideKatakanaVariants(collectKatakanaSpellings(text), preferred);
}

function flaggedWith(text: string, preferred: Record<string, string> = {}): Array<[string, string]> {
  return findKatakanaVariants(text, decide(text, preferred)).map((f) => [
    text.slice(f.start, f.end),
    f.fixes![0].replacement,
  ]);
}

describe('katakana-variant', () => {
  test('collects katakana words, ignoring short stems', () => {
    const counts = collectKatakanaSpellings('サーバとサーバー、キーとケース、データ');
    assert.deepEqual(Object.fromEntries(counts), { サーバ: 1, サーバー: 1, ケース: 1, データ: 1 });
  });

  const catches: Array<[string, Record<string, string>, Array<[string, string]>]> = [
    ['サーバは管理区域に置く。サーバの保守を行う。サーバー室を施錠する。', {}, [['サーバー', 'サーバ']]],
    ['ユーザーが申請し、ユーザーが承認する。ユーザ登録', {}, [['ユーザ', 'ユーザー']]],
    ['コンピュータとコンピューター', {}, [['コンピューター', 'コンピュータ']]],
    [
      'プリンターを設置し、プリンターとプリンタを管理',
      { プリンタ: 'プリンタ' },
      [
        ['プリンター', 'プリンタ'],
        ['プリンター', 'プリンタ'],
      ],
    ],
    ['メモリとメモリー', {}, [['メモリー', 'メモリ']]],
    ['ルータを更新し、ルーターの設定を確認する。ルータ', {}, [['ルーター', 'ルータ']]],
    ['サーバを置く。ウェブサーバーを置く。サーバ', {}, [['サーバー', 'サーバ']]],
    ['サーバ室、サーバを置く。サーバールームを施錠する。', {}, [['サーバー', 'サーバ']]],
  ];
  for (const [text, preferred, expected] of catches) {
    test(`catches: ${text}`, () => assert.deepEqual(flaggedWith(text, preferred), expected));
  }

  const leaveAlone: string[] = [
    'サーバを置く。サーバ室を施錠する。',
    'ケースとケの違い、キーとキ',
    'モニタを設置し、モニタリングを行う。',
    'サーバー、ポリシー、ユーザー',
    'ラッパとラッパー',
    'セキュリティポリシ｜の策定。セキュリティポリシーを定める。',
    '「ユーザ」と「ユーザー」が混在しているため、ユーザに統一する。',
    'エラー',
  ];
  for (const text of leaveAlone) {
    test(`leaves alone: ${text}`, () => assert.deepEqual(flaggedWith(text), []));
  }

  test('the bare stem at the start of a longer word is another word (モニタリング)', () => {
    const text = 'モニターを置き、モニターで監視し、モニタリングとモニタを行う。';
    assert.deepEqual(flaggedWith(text), [['モニタ', 'モニター']]);
  });

  test('a preferred setting wins over frequency, in any key form', () => {
    const text = 'サーバーとサーバーとサーバ';
    assert.deepEqual(flaggedWith(text, { サーバー: 'サーバ' }), [
      ['サーバー', 'サーバ'],
      ['サーバー', 'サーバ'],
    ]);
    const decision = decide(text, { サーバ: 'サーバ' });
    assert.equal(decision.choices.get('サーバー')?.reason, 'setting');
  });

  test('「設定により」 only when a setting chose the spelling, not the built-in 総務省 spellings', () => {
    const text = 'サーバーとサーバーとサーバ';
    const builtin = decideKatakanaVariants(collectKatakanaSpellings(text), { サーバ: 'サーバ' }, { サーバ: 'サーバ' });
    assert.equal(builtin.choices.get('サーバー')?.reason, 'builtin');
    const [finding] = findKatakanaVariants(text, builtin);
    const ja = (f: typeof finding) => localize('ja', f.message, f.args ?? {});
    assert.match(ja(finding), /総務省のガイドラインの表記「サーバ」に統一します/);
    assert.doesNotMatch(ja(finding), /設定により/);
    const chosen = decideKatakanaVariants(collectKatakanaSpellings(text), { サーバ: 'サーバー' }, { サーバ: 'サーバ' });
    assert.equal(chosen.choices.get('サーバ')?.reason, 'setting');
    assert.match(ja(findKatakanaVariants(text, chosen)[0]), /設定により「サーバー」に統一します/);
  });

  test('a tie keeps the spelling without ー', () => {
    const decision = decide('サーバとサーバー');
    assert.deepEqual(decision.choices.get('サーバー'), {
      variant: 'サーバー',
      preferred: 'サーバ',
      variantCount: 1,
      preferredCount: 1,
      reason: 'tie',
    });
  });

  test('decisions span segments: counts merge', () => {
    const a = collectKatakanaSpellings('サーバー');
    const b = collectKatakanaSpellings('サーバ、サーバ');
    const decision = decideKatakanaVariants(mergeSpellingCounts([a, b]), {});
    assert.deepEqual(
      findKatakanaVariants('サーバー', decision).map((f) => f.data),
      [{ variant: 'サーバー', preferred: 'サーバ' }],
    );
    assert.deepEqual(findKatakanaVariants('サーバ', decision), []);
  });
});
