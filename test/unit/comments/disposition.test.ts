import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyResponse,
  DISPOSITION_LABELS,
  dispositionFromLabel,
  isDisposition,
} from '../../../server/src/core/comments/disposition';

describe('classifyResponse', () => {
  test('accepted phrasings', () => {
    for (const r of [
      'ご指摘の趣旨を踏まえ、修正いたします。',
      '追記いたします。',
      '修正します。',
      '明確になるよう修正',
      '表記を変更いたします。',
      '記載を追加しました。',
    ]) {
      assert.equal(classifyResponse(r), 'accepted', r);
    }
  });
  test('as drafted, already covered, noted, other', () => {
    assert.equal(classifyResponse('原案のとおりとします。'), 'as-drafted');
    assert.equal(classifyResponse('「3.6.2 アクセス制御」に記載しております。'), 'already-covered');
    assert.equal(classifyResponse('「支給以外の…」として記載をしております。'), 'already-covered');
    assert.equal(classifyResponse('本文に記載しています。'), 'already-covered');
    assert.equal(classifyResponse('今後の参考とさせていただきます。'), 'noted');
    assert.equal(classifyResponse('ご意見として承ります。'), 'noted');
    assert.equal(classifyResponse('参考にさせていただきます。'), 'noted');
    assert.equal(classifyResponse('全般的な対策について記載しております。'), 'other');
    assert.equal(classifyResponse(''), 'other');
  });
  test('a change wins over an explanation; negations are not changes', () => {
    assert.equal(classifyResponse('「3.5.1」に記載しております。また、ご指摘を踏まえ追記いたします。'), 'accepted');
    assert.equal(classifyResponse('修正いたしません。原案のとおりとします。'), 'as-drafted');
  });
  test('phrases wrapped across lines are found', () => {
    assert.equal(classifyResponse('施錠管理についても明\n確になるよう修正いたします。'), 'accepted');
    assert.equal(classifyResponse('ガイドラインを修\n正いたします。'), 'accepted');
  });
});

describe('labels', () => {
  test('Japanese and English labels', () => {
    assert.deepEqual(
      Object.values(DISPOSITION_LABELS).map((l) => l.ja),
      ['修正あり', '原案どおり', '記載済み', '参考', 'その他'],
    );
    assert.equal(DISPOSITION_LABELS.accepted.en, 'accepted');
  });
  test('dispositionFromLabel', () => {
    assert.equal(dispositionFromLabel('修正あり'), 'accepted');
    assert.equal(dispositionFromLabel(' as-drafted '), 'as-drafted');
    assert.equal(dispositionFromLabel('Already covered'), 'already-covered');
    assert.equal(dispositionFromLabel('原案のとおり'), 'as-drafted');
    assert.equal(dispositionFromLabel('参考'), 'noted');
    assert.equal(dispositionFromLabel('検討中'), undefined);
    assert.equal(dispositionFromLabel(''), undefined);
    assert.ok(isDisposition('noted') && !isDisposition('修正あり'));
  });
});
