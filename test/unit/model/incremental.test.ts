import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { walk } from '../../../server/src/core/model/node';

test('an edit inside one section re-parses only that section', () => {
  const text = readFileSync(resolve(FIXTURES, 'model/guideline-basic.md'), 'utf8');
  const cache = new GuidelineModelCache();
  const first = cache.build('file:///basic.md', 1, text);
  const chunkCount = first.chunks.length;
  assert.equal(cache.models.parses, new Set(first.chunks.map((c) => c.text)).size);
  assert.ok(chunkCount >= 10);

  const at = text.indexOf('耐震対策');
  const edited = `${text.slice(0, at)}十分な${text.slice(at)}`;
  const before = cache.models.parses;
  const second = cache.build('file:///basic.md', 2, edited);
  assert.equal(cache.models.parses - before, 1, 'exactly one chunk re-parsed');
  assert.equal(second.chunks.length, chunkCount);
  // The tree after the edit equals a from-scratch parse of the edited text.
  const fresh = new GuidelineModelCache().build('file:///basic.md', 2, edited);
  assert.deepEqual(
    [...walk(second.root)].map((n) => [n.id, n.start, n.end]),
    [...walk(fresh.root)].map((n) => [n.id, n.start, n.end]),
  );
  // The earlier snapshot is untouched.
  assert.equal(first.text, text);
});
