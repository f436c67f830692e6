import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { alignDocuments } from '../../../server/src/core/revisions/align';
import {
  changesPerSection,
  commentHistory,
  historyLabel,
  historyWithin,
} from '../../../server/src/core/revisions/history';
import { verifyPromises } from '../../../server/src/core/revisions/verify';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { FIXTURES } from '../../support/paths';

const dir = join(FIXTURES, 'revisions');
const cache = new GuidelineModelCache();
const draft = cache.build('file:///draft.md', 0, readFileSync(join(dir, 'versions/2015-draft.md'), 'utf8'));
const revised = cache.build('file:///revised.md', 0, readFileSync(join(dir, 'revised.md'), 'utf8'));
const roundPath = join(dir, 'comments/pubcomment-2015-draft.yaml');
const round = readCommentDocument(roundPath, readFileSync(roundPath))!;
const alignment = alignDocuments(draft, revised);
const history = commentHistory(
  [round],
  alignment,
  '2015年3月 意見募集案',
  verifyPromises(round, alignment, '2015年案'),
);
const entry = (n: number) => history.find((e) => e.comment.number === n)!;

describe('comment history across renumbering (core/revisions/history)', () => {
  test('every comment of the round is placed; accepted ones carry their status', () => {
    assert.equal(history.length, 7);
    assert.deepEqual(entry(6).current?.path, ['3.9.3', '例文', '(1)']);
    assert.equal(entry(6).status, 'applied');
    assert.equal(entry(7).status, undefined, 'as drafted: nothing was promised');
    assert.deepEqual(entry(7).current?.path, ['3.10.1', '例文', '(1)']);
  });

  test('the label names the old number only when it changed, in both languages', () => {
    assert.equal(historyLabel(entry(6), 'ja'), '（2015年案では 3.8.3）');
    assert.equal(historyLabel(entry(6), 'en'), '(3.8.3 in the 2015 draft)');
    assert.equal(historyLabel(entry(3), 'ja'), '', '3.7.1 kept its number');
    const undated = { ...entry(6), round: { ...round, date: null, uri: 'file:///comments.yaml', title: null } };
    assert.equal(historyLabel(undated, 'ja'), '（2015年3月 意見募集案では 3.8.3）');
  });

  test('a deleted target is listed on the section that survived', () => {
    const five = entry(5);
    assert.equal(five.current, null);
    assert.equal(five.survivor?.path.join('/'), '3.7');
    const within = historyWithin(history, five.survivor!.node);
    assert.deepEqual(
      within.deleted.map((e) => e.comment.number),
      [5],
    );
  });

  test('changes per section: each change counted once, at the innermost node', () => {
    const byNumber = new Map([...changesPerSection(alignment)].map(([node, n]) => [node.number, n]));
    assert.equal(byNumber.get('3.6.1'), 2, '(3) changed and (4) split off');
    assert.equal(byNumber.get('3.6.2'), 1);
    assert.equal(byNumber.get('3.7'), 1, '3.7.3 deleted');
    assert.equal(byNumber.get('3.8'), 1, 'added once, not once per item');
    assert.equal(byNumber.get('3.9.3'), 3);
    assert.equal(byNumber.get('3.7.1'), undefined);
  });
});
