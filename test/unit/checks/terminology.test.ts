import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_TERMS, findTerminology } from '../../../server/src/core/checks/rules/terminology';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import type { TermRule } from '../../../server/src/core/checks/types';

function hits(text: string, rules: readonly TermRule[] = BUILTIN_TERMS): Array<[string, string, boolean]> {
  return findTerminology(maskNonProse(text), rules).map((f) => {
    const fix = f.fixes![0];
    return [text.slice(f.start, f.end), text.slice(fix.start, fix.end), fix.safe];
  });
}

describe('terminology: SMS → ソーシャルメディアサービス', () => {
  const catches: Array<[string, Array<[string, string, boolean]>]> = [
    ['### 3.8.3 SMS（ソーシャルメディアサービス）の利用', [['SMS', 'SMS（ソーシャルメディアサービス）', true]]],
    ['職員は、SMSのアカウントを業務に用いる場合、投稿内容を事前に確認する。', [['SMS', 'SMS', true]]],
    ['職員は、ＳＭＳのアカウントを管理する。', [['ＳＭＳ', 'ＳＭＳ', true]]],
    ['SMS (ソーシャルメディアサービス) による情報発信', [['SMS', 'SMS (ソーシャルメディアサービス)', true]]],
    ['SMSの利用に当たっては、運用手順を定める。', [['SMS', 'SMS', false]]],
  ];
  for (const [text, expected] of catches) {
    test(`catches: ${text}`, () => assert.deepEqual(hits(text), expected));
  }

  const leaveAlone = [
    'SMS認証を用いて本人確認を行う。',
    'SMSによるワンタイムパスワードを用いる。',
    'ログイン時に SMS送信による確認コードを求める。',
    'SMS（ショートメッセージサービス）は、携帯電話番号宛てに短い文章を送る仕組みである。',
    '「SMS」というと携帯電話の（ショートメッセージサービス）の印象が強い。',
    'ご指摘の趣旨を踏まえ、「SMS」は「ソーシャルメディアサービス」\nに修正いたします。',
    '携帯電話のSMSで通知する。',
    'SMSCの設定',
    'MMSやSMSのメッセージ',
    '災害時は電子メール及びSMSにより職員へ連絡する。',
    'ソーシャルメディアサービスの利用',
    '`SMS` という文字列',
    'https://example.com/SMS/guide',
  ];
  for (const text of leaveAlone) {
    test(`leaves alone: ${text.replace(/\n/g, '⏎')}`, () => assert.deepEqual(hits(text), []));
  }

  test('the finding carries the decision and the message cites it', () => {
    const [f] = findTerminology('SMSの利用', BUILTIN_TERMS);
    assert.deepEqual((f.data as { decidedBy: unknown }).decidedBy, { round: '2015', number: 6 });
    assert.match(f.message.ja, /意見\{number\}/);
    assert.equal(f.args?.number, 6);
  });

  test('user terms: literal variants, whole-word only for alphanumerics', () => {
    const rules: TermRule[] = [
      { id: 'a', variants: ['情報セキュリティー'], expected: '情報セキュリティ' },
      { id: 'b', variants: ['CSIRT'], expected: 'CSIRT（シーサート）', leaveAlone: { followedBy: ['（シーサート）'] } },
    ];
    assert.deepEqual(hits('情報セキュリティーポリシー', rules), [['情報セキュリティー', '情報セキュリティー', true]]);
    assert.deepEqual(hits('CSIRTsの設置', rules), []);
    assert.deepEqual(
      hits('CSIRT（シーサート）を設置し、CSIRTが対応する', rules).map((h) => h[0]),
      ['CSIRT'],
    );
  });
});
