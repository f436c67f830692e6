import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNormalizer, placeholderPattern } from '../../../server/src/core/coverage/normalize';
import { parseHeadingNumber } from '../../../server/src/core/model/markers';
import { greedyAssign } from '../../../server/src/core/revisions/assign';

test('width, spaces and punctuation do not count', () => {
  const n = createNormalizer();
  assert.equal(n.canonical('ＣＩＳＯは、「実施手順」を定める。'), n.canonical('CISOは 実施手順を定める'));
  assert.notEqual(n.canonical('CISOは、実施手順を定める。'), n.canonical('CISOは、実施手順を定めない。'));
});

test('adoption substitutions compare as one word; the project file adds its own', () => {
  const n = createNormalizer();
  assert.equal(n.canonical('地方公共団体の全ての行政機関'), n.canonical('本町の全ての行政機関'));
  assert.equal(n.canonical('職員等は、遵守しなければならない。'), n.canonical('職員は、遵守しなければならない。'));
  // 副市長 is one word: not 副 + 市長.
  assert.equal(n.canonical('副市長をCISOとする'), n.canonical('副村長をCISOとする'));
  assert.notEqual(n.canonical('情報政策担当部長を置く'), n.canonical('総務課長を置く'));
  const project = createNormalizer({ 情報政策担当部長: ['総務課長', '企画課長'] });
  assert.equal(project.canonical('情報政策担当部長を置く'), project.canonical('企画課長を置く'));
  assert.equal(project.canonical('情報政策担当部長を置く'), project.canonical('総務課長を置く'));
});

test('placeholders match what the policy filled in, and only a short filling', () => {
  const n = createNormalizer();
  const pattern = placeholderPattern(n.canonical('監視の結果を○○課に報告し、（○日）以内に対応する。'))!;
  assert.ok(pattern.test(n.canonical('監視の結果を情報政策課に報告し、3日以内に対応する。')));
  assert.ok(pattern.test(n.canonical('監視の結果を総務課に報告し、７日以内に対応する。')));
  assert.ok(!pattern.test(n.canonical('監視の結果を総務課に報告し、翌日までに対応する。')));
  assert.equal(placeholderPattern(n.canonical('記録を5年間保存する。')), null);
});

test('dash-numbered headings of policies, whatever the dash (sections of the tree)', () => {
  for (const title of ['2―6―2 アクセス制御', '2-6-2 アクセス制御', '２－６－２　アクセス制御', '2‐6‐2アクセス制御'])
    assert.deepEqual(
      { number: parseHeadingNumber(title)?.number, title: parseHeadingNumber(title)?.title },
      { number: '2.6.2', title: 'アクセス制御' },
      title,
    );
  assert.equal(parseHeadingNumber('2024年度の計画'), null);
  assert.equal(parseHeadingNumber('アクセス制御'), null);
});

test('greedy assignment takes the best pairs first, each side once', () => {
  const kept = greedyAssign([
    { left: 0, right: 0, score: 0.9 },
    { left: 1, right: 0, score: 0.95 },
    { left: 0, right: 1, score: 0.6 },
    { left: 2, right: 1, score: 0.6 },
  ]);
  assert.deepEqual(
    kept.map((p) => [p.left, p.right]),
    [
      [1, 0],
      [0, 1],
    ],
  );
  assert.deepEqual(greedyAssign([{ left: 0, right: 0, score: 1 }], new Set(), new Set([0])), []);
});
