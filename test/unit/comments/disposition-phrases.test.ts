/**
 * The phrase table of core/comments/disposition.ts, one case per wording, in the 2015 style and the
 * newer 「修文いたします」 style, and `partial` for a response that promises a change and keeps the rest.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyDisposition } from '../../../server/src/core/comments/disposition';

const CASES: ReadonlyArray<readonly [string, string, boolean]> = [
  // accepted
  ['御指摘を踏まえ、「SMS」は「ソーシャルメディアサービス」に修文します。', 'accepted', false],
  ['御意見を踏まえ、以下のとおり修文いたします。', 'accepted', false],
  ['用語を「情報資産」に統一いたします。', 'accepted', false],
  ['（解説）に具体例を追記しました。', 'accepted', false],
  ['図表5に施設管理者を追加しました。', 'accepted', false],
  ['御指摘のとおり修正しました。', 'accepted', false],
  ['三層の対策の見直しの内容を反映しました。', 'accepted', false],
  ['「速やかに」を「直ちに」に改めます。', 'accepted', false],
  ['御意見を踏まえ修正させていただきます。', 'accepted', false],
  ['具体的な取組の例として明記します。', 'accepted', false],
  // as drafted
  ['素案のとおりとします。', 'as-drafted', false],
  ['素案のままといたします。', 'as-drafted', false],
  ['原案のとおりとします。', 'as-drafted', false],
  ['原案どおりとさせていただきます。', 'as-drafted', false],
  ['事案により異なるため、改定案のとおりとします。', 'as-drafted', false],
  ['以上の理由から、案のとおりとします。', 'as-drafted', false],
  // already covered
  ['3.6.3（解説）（4）に記述しているところです。', 'already-covered', false],
  ['「推進体制」に記載しております。', 'already-covered', false],
  ['資格の保有状況を記載しております。', 'already-covered', false],
  ['特権IDの利用の都度の承認として盛り込まれています。', 'already-covered', false],
  ['契約項目として盛り込んでいます。', 'already-covered', false],
  // a promise beside the rest kept: accepted, in part — never as drafted
  ['図表5を修文いたします。なお、その他の役割分担については原案のとおりといたします。', 'accepted', true],
  ['（解説）に追記します。【例文】は素案のままとします。', 'accepted', true],
];

describe('disposition phrase table', () => {
  for (const [response, disposition, partial] of CASES) {
    test(response, () => {
      assert.deepEqual(classifyDisposition(response), { disposition, partial });
    });
  }
  test('a refusal to change is not a promise', () => {
    assert.deepEqual(classifyDisposition('修文はいたしません。原案のとおりとします。'), {
      disposition: 'as-drafted',
      partial: false,
    });
  });
});
