import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findBracketMismatches } from '../../../server/src/core/checks/rules/bracket-mismatch';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import { readFixture } from './helpers';

function kinds(text: string): Array<[string, string]> {
  return findBracketMismatches(maskNonProse(text)).map((f) => [
    (f.data as { kind: string }).kind,
    text.slice(f.start, f.end),
  ]);
}

describe('bracket-mismatch', () => {
  const catches: Array<[string, Array<[string, string]>]> = [
    ['｢地方公共団体における情報セキュリティポリシーに関するガイドライン（案）」に対する意見', [['width', '｢']]],
    ['「電磁的記録媒体の管理』に従う。', [['kind', '』']]],
    ['『情報資産の分類」を参照する。', [['kind', '」']]],
    ['（注1) 外部委託事業者を含む。', [['width', ')']]],
    ['(注2）詳細は別に定める。', [['width', '(']]],
    ['「3.4.2 管理区域の管理に定める。', [['unclosed', '「']]],
    ['管理区域の管理」に定める。', [['unopened', '」']]],
    // A word and a number mid-sentence is not a label.
    ['本人の事例1）による。', [['unopened', '）']]],
    ['【例文】（1）機器の取付け】', [['unopened', '】']]],
    ['「管理区域（情報システム室等」の管理', [['unclosed', '（']]],
    [
      '## 3.4.2 「管理区域\n\nの管理」',
      [
        ['unclosed', '「'],
        ['unopened', '」'],
      ],
    ],
  ];
  for (const [text, expected] of catches) {
    test(`catches: ${text.replace(/\n/g, '⏎')}`, () => assert.deepEqual(kinds(text), expected));
  }

  const leaveAlone = [
    '「クラウドサービスの利用に関す\nる考慮事項」で記述されている。',
    '「3.3 情報資産の分類と管理方\n法」並びに「3.4.4 職員等の利用する端末や電磁的記録媒体等の\n管理」に記載',
    '（1）機器の取付け ① 情報システム管理者は、（注1）に従う。',
    '「『SMS』の表記」について',
    '1) 外部委託事業者の選定\n2) 契約項目',
    'ア) 委託先の選定基準\nイ）契約項目',
    '【趣旨】【例文】（解説）〔参考〕［注］〈別紙〉《様式》',
    '[総務省](https://www.soumu.go.jp/a_(b)) の資料',
    '`「` はコード',
    '- 「管理区域\n  の管理」',
    'a) 項目',
    '※1) 外部委託事業者を含む。\n注2) 詳細は別に定める。',
    // A parenthesis is open: `8)` closes it, it is not a label.
    '改定の案\n(records 6, 8) は未対応のまま残す。',
    '（意見番号 6、8）を参照',
    // 個人情報保護委員会's guidelines label their examples with a word and a number.
    '事例1）本人の氏名\n事例2）生年月日と氏名を組み合わせた情報',
    '- 例3）委託先の監督\n- 問4）安全管理措置',
    '> ケース5) 漏えい等の報告',
  ];
  for (const text of leaveAlone) {
    test(`leaves alone: ${text.replace(/\n/g, '⏎')}`, () => assert.deepEqual(kinds(text), []));
  }

  test('the seed title (｢…」) is caught with a safe fix to 「', () => {
    const seed = readFixture('seed-pubcomment-2015.txt');
    const findings = findBracketMismatches(maskNonProse(seed));
    const title = findings.find((f) => f.start < seed.indexOf('\n'));
    assert.ok(title, 'title finding');
    assert.equal(seed.slice(title.start, title.end), '｢');
    assert.deepEqual(
      title.fixes?.map((f) => [f.replacement, f.safe]),
      [['「', true]],
    );
  });

  test('kind mismatch fix is offered but not safe, with the opening bracket as related', () => {
    const [f] = findBracketMismatches(maskNonProse('「管理』'));
    assert.deepEqual(
      f.fixes?.map((x) => [x.replacement, x.safe]),
      [['」', false]],
    );
    assert.deepEqual(
      f.related?.map((r) => [r.start, r.end]),
      [[0, 1]],
    );
  });
});
