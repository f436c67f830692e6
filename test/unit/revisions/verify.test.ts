import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { alignDocuments } from '../../../server/src/core/revisions/align';
import { quotedChanges, verifyPromises } from '../../../server/src/core/revisions/verify';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { FIXTURES } from '../../support/paths';

const dir = join(FIXTURES, 'revisions');
const cache = new GuidelineModelCache();
const draft = cache.build('file:///draft.md', 0, readFileSync(join(dir, 'versions/2015-draft.md'), 'utf8'));
const revised = cache.build('file:///revised.md', 0, readFileSync(join(dir, 'revised.md'), 'utf8'));
const roundPath = join(dir, 'comments/pubcomment-2015-draft.yaml');
const round = readCommentDocument(roundPath, readFileSync(roundPath))!;

describe('quoted changes in responses', () => {
  test('replace, add and delete in the phrasings ministries use', () => {
    assert.deepEqual(quotedChanges('ご指摘を踏まえ、「SMS」は「ソーシャルメディアサービス」に修正いたします。'), [
      { kind: 'replace', from: 'SMS', to: 'ソーシャルメディアサービス' },
    ]);
    assert.deepEqual(quotedChanges('「速やかに」を「直ちに」に改めます。'), [
      { kind: 'replace', from: '速やかに', to: '直ちに' },
    ]);
    assert.deepEqual(quotedChanges('ご指摘を踏まえ、「多要素認証」を追記いたします。'), [
      { kind: 'add', to: '多要素認証' },
    ]);
    assert.deepEqual(quotedChanges('「等」という文言を削除いたします。'), [{ kind: 'delete', from: '等' }]);
    // A line break of the PDF inside the phrase.
    assert.deepEqual(quotedChanges('「サーバ」\nを「サーバー」に統一いたします。'), [
      { kind: 'replace', from: 'サーバ', to: 'サーバー' },
    ]);
    assert.deepEqual(quotedChanges('ご指摘の趣旨を踏まえ、記載を修正いたします。'), []);
    assert.deepEqual(quotedChanges('「情報セキュリティポリシー」の定義は1.3に記載しています。'), []);
  });
});

describe('verification of promised fixes (core/revisions/verify)', () => {
  const checks = verifyPromises(round, alignDocuments(draft, revised), '2015年3月 意見募集案');
  const byNumber = new Map(checks.map((c) => [c.comment.number, c]));

  test('only accepted comments are checked', () => {
    assert.deepEqual([...byNumber.keys()], [1, 2, 3, 4, 5, 6]);
  });

  test('a changed target (the split item) is applied', () => {
    const c = byNumber.get(1)!;
    assert.equal(c.status, 'applied');
    assert.deepEqual(c.newNode?.path, ['3.6.1', '例文', '(3)']);
  });

  test('a quoted addition present is applied; a quoted replacement across renumbering too', () => {
    assert.equal(byNumber.get(2)!.status, 'applied');
    const sms = byNumber.get(6)!;
    assert.equal(sms.status, 'applied');
    assert.equal(sms.oldNode?.section, '3.8.3');
    assert.equal(sms.newNode?.section, '3.9.3');
    assert.match(sms.evidence.ja, /「SMS」→「ソーシャルメディアサービス」/);
  });

  test('an unchanged target is not applied, with the message users read', () => {
    const c = byNumber.get(3)!;
    assert.equal(c.status, 'not-applied');
    assert.match(c.evidence.ja, /^意見3（2015年）で修正を約束しましたが、案から変わっていません/);
    assert.match(c.evidence.en, /^Comment 3 \(2015\) was promised a change/);
  });

  test('a changed target whose quoted change was not made is not applied, naming what is still there', () => {
    const c = byNumber.get(4)!;
    assert.equal(c.row?.change, 'modified', 'the item was edited, but not as promised');
    assert.equal(c.status, 'not-applied');
    assert.match(c.evidence.ja, /「速やかに」が残っています/);
  });

  test('a deleted target is target-deleted', () => {
    const c = byNumber.get(5)!;
    assert.equal(c.status, 'target-deleted');
    assert.equal(c.newNode, null);
    assert.match(c.evidence.ja, /3\.7\.3 【例文】 \(1\) は削除されました/);
  });

  test('a general comment and a place the draft lacks are unknown', () => {
    const text = [
      'title: 意見募集の結果',
      'date: 2015-03-20',
      'comments:',
      '  - number: 1',
      '    location: 全般',
      '    submitter: 個人',
      '    opinion: 全体に分かりにくい。',
      '    response: ご指摘を踏まえ、全体の記載を見直しました。',
      '  - number: 2',
      '    location: "4.1 【例文】（1）"',
      '    submitter: 個人',
      '    opinion: 用語を統一すべき。',
      '    response: ご指摘を踏まえ、修正いたします。',
      '',
    ].join('\n');
    const other = readCommentDocument('file:///r.yaml', new TextEncoder().encode(text))!;
    const result = verifyPromises(other, alignDocuments(draft, revised), '2015年案');
    assert.deepEqual(
      result.map((c) => c.status),
      ['unknown', 'unknown'],
    );
    assert.match(result[1].evidence.ja, /「4\.1 【例文】（1）」が 2015年案 に見つからない/);
  });
});
