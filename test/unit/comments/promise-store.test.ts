import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseYamlComments, printYamlComments } from '../../../server/src/core/comments/formats/yaml';
import { setRecordFields } from '../../../server/src/core/comments/formats/yaml-edit';
import { applyFixes } from '../../../server/src/core/checks/fixes';
import { parsePromiseStatus, resolvePromise } from '../../../server/src/core/comments/promise';

// A round being worked on by a municipal editor: two promises, one answered as drafted.
const STORE = `# 令和元年度 改定案への意見（作業用）
title: 「○○市情報セキュリティ対策基準（改定案）」に対する意見及びそれに対する考え方
date: 2019-12-20
comments:
  - number: 1
    location: "3.8.1 （解説）（2）"
    submitter: 個人
    opinion: |
      クラウドサービスの利用にあたり、データの保存場所（国内・国外）を確認する旨を明記すべきである。
    response: |
      ご指摘の趣旨を踏まえ、データの保存場所を確認する旨を追記いたします。
    # 担当が決まり次第書く
  - number: 2
    location: "3.5.4 【例文】（1）"
    submitter: 法人
    opinion: パスワードの定期変更は求めないこととすべき。
    response: 原案のとおりとさせていただきます。
  - number: 3
    location: "3.6.2 （解説）"
    submitter: 地方公共団体
    opinion: |
      アクセス権限の棚卸しの頻度を示していただきたい。
    response: ご指摘を踏まえ、年1回以上と修正いたします。
    status: 未着手
    assignee: 情報政策課 山田
`;

describe('promise states in the YAML store', () => {
  test('status, assignee and notes are read; a promise without status is 未着手 by default', () => {
    const round = parseYamlComments(STORE, 'file:///w/round.yaml');
    assert.deepEqual(round.problems, []);
    const [first, second, third] = round.comments;
    assert.deepEqual(resolvePromise(first), { status: 'open', assignee: null, notes: null, source: 'default' });
    assert.equal(resolvePromise(second), null, 'as drafted: nothing promised');
    assert.deepEqual(resolvePromise(third), {
      status: 'open',
      assignee: '情報政策課 山田',
      notes: null,
      source: 'store',
    });
    // A state inferred from versions counts where the editor wrote none; the editor's wins.
    assert.equal(resolvePromise(first, 'done')?.source, 'automatic');
    assert.equal(resolvePromise(third, 'done')?.status, 'open');
  });

  test('labels in Japanese or English; an unknown status is a problem at the value', () => {
    assert.equal(parsePromiseStatus('対応済み'), 'done');
    assert.equal(parsePromiseStatus(' Verified '), 'verified');
    assert.equal(parsePromiseStatus('済'), null);
    const text = STORE.replace('status: 未着手', 'status: 済');
    const round = parseYamlComments(text, 'file:///w/round.yaml');
    const problem = round.problems.find((p) => p.code === 'comment-invalid-value');
    assert.ok(problem);
    assert.match(problem.message.ja, /対応状況「済」は不明です/);
    assert.equal(text.split('\n')[problem.range.start.line].trim(), 'status: 済');
  });

  test('setting a status inserts lines in the record, keeps the YAML comment and layout', () => {
    const edits = setRecordFields(STORE, 1, { status: '対応済み', assignee: '情報政策課 佐藤' })!;
    const after = applyFixes(STORE, edits).text;
    assert.ok(after.includes('    # 担当が決まり次第書く'));
    assert.ok(
      after.includes(
        'データの保存場所を確認する旨を追記いたします。\n    status: 対応済み\n    assignee: 情報政策課 佐藤\n',
      ),
    );
    const round = parseYamlComments(after, 'file:///w/round.yaml');
    assert.deepEqual(round.problems, []);
    assert.equal(round.comments[0].status, 'done');
    assert.equal(round.comments[0].assignee, '情報政策課 佐藤');
    // Only the edited record changed.
    assert.equal(after.replace('\n    status: 対応済み\n    assignee: 情報政策課 佐藤', ''), STORE);
  });

  test('an existing status is replaced in place; notes that need quoting are quoted', () => {
    const edits = setRecordFields(STORE, 3, { status: '確認済み', notes: '第2版で反映: "年1回以上"' })!;
    const after = applyFixes(STORE, edits).text;
    assert.ok(after.includes('    status: 確認済み\n    assignee: 情報政策課 山田\n    notes: '));
    const third = parseYamlComments(after, 'u').comments[2];
    assert.equal(third.status, 'verified');
    assert.equal(third.notes, '第2版で反映: "年1回以上"');
  });

  test('no edit for a number that is not in the store or for text that is not YAML', () => {
    assert.equal(setRecordFields(STORE, 9, { status: '対応済み' }), null);
    assert.equal(setRecordFields('title: [', 1, { status: '対応済み' }), null);
  });

  test('printing keeps status (as its Japanese label) and assignee', () => {
    const round = parseYamlComments(STORE, 'u');
    const printed = printYamlComments(round);
    assert.match(printed, /status: 未着手\n\s+assignee: 情報政策課 山田/);
    assert.deepEqual(
      parseYamlComments(printed, 'u').comments.map((c) => [c.status, c.assignee]),
      round.comments.map((c) => [c.status, c.assignee]),
    );
  });

  test('property: any notes text set through an edit reads back unchanged', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })),
        (notes) => {
          fc.pre(notes.trim() !== '');
          const edits = setRecordFields(STORE, 2, { notes });
          assert.ok(edits);
          const round = parseYamlComments(applyFixes(STORE, edits).text, 'u');
          assert.deepEqual(round.problems, []);
          assert.equal(round.comments[1].notes, notes);
        },
      ),
      // Found by this property: a trailing U+2028 or NBSP was trimmed off a plain scalar.
      { numRuns: 500, examples: [['-\u2028'], ['-\u00a0'], ['- \u0085']] },
    );
  });
});
