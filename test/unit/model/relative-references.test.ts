import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { relativeReferenceAt } from '../../../server/src/core/model/relative-references';
import { displayName } from '../../../server/src/core/model/node';

const text = readFileSync(resolve(FIXTURES, 'model/articles-regulation.md'), 'utf8');
const doc = parseGuideline('file:///articles.md', text);

function resolveAt(needle: string, occurrence = 0): string | undefined {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const ref = relativeReferenceAt(doc, at + needle.indexOf('前'));
  return ref ? displayName(ref.target) : undefined;
}

test('前項 in paragraph 3 of an article is its paragraph 2', () => {
  assert.match(resolveAt('3 前項の規定による') ?? '', /^2 情報システム管理者は/);
});

test('前項 in paragraph 2 is the unnumbered first paragraph: the article itself', () => {
  assert.equal(resolveAt('2 前項の接続は'), '第4条 外部からの接続');
});

test('前条 is the previous article; 同項 and words outside articles are not resolved', () => {
  const local = parseGuideline('x', '第7条（報告）\n\n職員は、前条の措置を報告する。\n\n第8条（記録）\n\n前条の報告は同項により記録する。\n');
  const body = local.text;
  const ref = relativeReferenceAt(local, body.lastIndexOf('前条'));
  assert.equal(ref && displayName(ref.target), '第7条 報告');
  assert.equal(relativeReferenceAt(local, body.indexOf('同項')), undefined);
  assert.equal(relativeReferenceAt(local, body.indexOf('前条')), undefined, '第7条 has no previous article');
  const outside = parseGuideline('x', '### 3.1 例\n\n前項のとおり。\n');
  assert.equal(relativeReferenceAt(outside, outside.text.indexOf('前項')), undefined);
});
