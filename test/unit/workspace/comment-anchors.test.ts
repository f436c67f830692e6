import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXAMPLES } from '../../support/paths';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { CommentLinks } from '../../../server/src/core/workspace/comment-links';
import { AnchoredLinks } from '../../../server/src/core/workspace/comment-anchors';
import { readCommentDocument } from '../../../server/src/core/comments/read';

const text = readFileSync(resolve(EXAMPLES, 'guideline/security-policy-guideline.md'), 'utf8');
const round = readCommentDocument('file:///c.txt', readFileSync(resolve(EXAMPLES, 'comments/pubcomment-2015.txt')))!;

test('anchors made on one version place every linked node exactly where a fresh link puts it, until the structure changes', () => {
  const models = new GuidelineModelCache();
  const index = new GuidelineIndex();
  const first = models.build('file:///g.md', 1, text);
  index.set(first);
  const anchors = new AnchoredLinks(new CommentLinks([round], index), [first]);

  // A sentence typed in 1.1 moves everything below it.
  const at = text.indexOf('本ガイドラインは、各地方公共団体');
  const second = models.update(first, 2, `${text.slice(0, at)}追記。\n\n${text.slice(at)}`, [
    { start: at, end: at, text: '追記。\n\n' },
  ]);
  assert.equal(anchors.validFor([second]), true);
  const fresh = new GuidelineIndex();
  fresh.set(second);
  const relinked = new CommentLinks([round], fresh).links;
  let placed = 0;
  anchors.links.links.forEach((link, i) => {
    if (!link.node || link.node.kind === 'document') return;
    assert.deepEqual(anchors.rangeIn(second, link), relinked[i].node!.selectionRange, `comment ${link.comment.number}`);
    placed++;
  });
  assert.equal(placed, 24);

  // A new item is a change of structure: the anchors no longer hold.
  const item = text.indexOf('（２）管理区域の入退室管理等');
  const third = models.update(first, 3, `${text.slice(0, item)}（１）追加\n\n${text.slice(item)}`, [
    { start: item, end: item, text: '（１）追加\n\n' },
  ]);
  assert.equal(anchors.validFor([third]), false);
});
