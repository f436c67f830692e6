import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXAMPLES } from '../../support/paths';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { CommentLinks } from '../../../server/src/core/workspace/comment-links';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { guidelineCommentFindings } from '../../../server/src/core/workspace/comment-findings';
import type { PromiseFeed } from '../../../server/src/core/comments/promise';

const text = readFileSync(resolve(EXAMPLES, 'guideline/security-policy-guideline.md'), 'utf8');
const round = readCommentDocument('file:///c.txt', readFileSync(resolve(EXAMPLES, 'comments/pubcomment-2015.txt')))!;

test('a state fed from a comparison of versions (対応済み) silences that promise only', () => {
  const index = new GuidelineIndex();
  const doc = new GuidelineModelCache().build('file:///g.md', 1, text);
  index.set(doc);
  const links = new CommentLinks([round], index).forDocument(doc.uri);
  const promised = (feed?: PromiseFeed) =>
    guidelineCommentFindings(links, 'accepted', 'ja', undefined, feed).map((f) =>
      Number(/^意見(\d+)/.exec(f.message)?.[1]),
    );
  const before = promised();
  assert.ok(before.includes(9) && before.includes(6));
  // The revisions engine saw 意見9's ポリシ｜ fixed in the next version.
  const after = promised((uri, number) => (uri === round.uri && number === 9 ? 'done' : undefined));
  assert.deepEqual(
    after,
    before.filter((n) => n !== 9),
  );
  // In mode `all` the kept promise is still listed, as a hint with its state.
  const all = guidelineCommentFindings(links, 'all', 'ja', undefined, (_, n) => (n === 9 ? 'done' : undefined));
  assert.match(all.find((f) => f.message.startsWith('意見9（'))!.message, /修正あり・対応済み/);
});
