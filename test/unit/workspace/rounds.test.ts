import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundLabel } from '../../../server/src/core/workspace/comment-findings';
import { roundsInDateOrder } from '../../../server/src/core/workspace/comment-links';
import type { CommentRound } from '../../../server/src/core/comments/model';

const round = (uri: string, title: string | null, date: string | null): CommentRound => ({
  uri,
  title,
  date,
  format: 'text',
  comments: [],
  problems: [],
});

const seed = round(
  'file:///w/comments/pubcomment-2015.txt',
  '｢地方公共団体における情報セキュリティポリシーに関するガイドライン（案）」に対する意見及びそれに対する考え方',
  null,
);
const outline = round(
  'file:///w/comments/pubcomment-2014-draft.yaml',
  '「地方公共団体における情報セキュリティポリシーに関するガイドライン（骨子案）」に対する意見及びそれに対する考え方',
  '2014-10-15',
);
const plain = round('file:///w/comments/意見.csv', null, null);

test('round labels tell rounds apart: year and what the draft was called', () => {
  assert.equal(roundLabel(seed, 'ja'), '2015年 意見募集（案）');
  assert.equal(roundLabel(outline, 'ja'), '2014年 意見募集（骨子案）');
  assert.equal(roundLabel(outline, 'en'), '2014 public comment （骨子案）');
  assert.equal(roundLabel(plain, 'ja'), '意見.csv');
});

test('history order: by date, an undated round by the year of its file name, unknown ones last', () => {
  const later = round('file:///w/r2016.yaml', 'x', '2016-02-01');
  assert.deepEqual(
    roundsInDateOrder([plain, later, seed, outline]).map((r) => r.uri),
    [outline.uri, seed.uri, later.uri, plain.uri],
  );
});
