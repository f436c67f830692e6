import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GuidelineModelCache } from '../../../server/src/core/model/document';
import { KatakanaCounter, workspaceKatakanaDecision } from '../../../server/src/core/workspace/katakana-decision';
import { toCheckConfig } from '../../../server/src/core/config/check-config';

const config = toCheckConfig({}, {}, []);
const SECTIONS = [
  '### 3.1 サーバ\n\nサーバを設置する。\n',
  '### 3.2 サーバー\n\nサーバーを冗長化する。プリンターを置く。\n',
  '### 3.3 利用者\n\nユーザー及びユーザの管理。\n',
  '### 3.4 本文\n\n本文のみ。\n',
];

test('counts kept by difference across edits equal counts summed afresh', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.constantFrom(...SECTIONS), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
      (versions) => {
        const models = new GuidelineModelCache();
        const counter = new KatakanaCounter(config);
        let previous: ReturnType<typeof models.build> | undefined;
        for (const [v, sections] of versions.entries()) {
          const text = sections.join('\n');
          const doc = previous
            ? models.update(previous, v, text, [{ start: 0, end: previous.text.length, text }])
            : models.build('file:///a.md', v, text);
          const kept = counter.update([doc]);
          const fresh = workspaceKatakanaDecision([new GuidelineModelCache().build('file:///a.md', v, text)], config);
          assert.deepEqual([...kept.counts].sort(), [...fresh.counts].sort());
          assert.deepEqual([...kept.decision.choices].sort(), [...fresh.decision.choices].sort());
          previous = doc;
        }
        // A document that leaves the workspace takes its spellings with it.
        assert.equal(counter.update([]).counts.size, 0);
      },
    ),
    { numRuns: 100 },
  );
});
