import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { GuidelineModelCache, parseGuideline, type TextChange } from '../../../server/src/core/model/document';
import { scanChunks } from '../../../server/src/core/model/scan';
import { EXAMPLES, FIXTURES } from '../../support/paths';
import { assertModelInvariants, markdownText, MARKDOWN_TOKENS, modelShape } from './helpers';

const BASES = [
  readFileSync(join(FIXTURES, 'model/guideline-basic.md'), 'utf8'),
  readFileSync(join(FIXTURES, 'model/tricky-cases.md'), 'utf8'),
  readFileSync(join(EXAMPLES, 'guideline/security-policy-guideline.md'), 'utf8').slice(0, 6000),
];

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.array(fc.constantFrom(...MARKDOWN_TOKENS), { maxLength: 5 }).map((p) => p.join('')),
});

function applyEdit(
  text: string,
  e: { at: number; remove: number; insert: string },
): { text: string; change: TextChange } {
  const start = e.at % (text.length + 1);
  const end = Math.min(text.length, start + e.remove);
  return { text: text.slice(0, start) + e.insert + text.slice(end), change: { start, end, text: e.insert } };
}

describe('section parser properties (fast-check)', () => {
  test('random Markdown: never throws, chunks tile the text, tree ranges inside and nested, sections indexed', () => {
    fc.assert(
      fc.property(markdownText(120), (text) => {
        const chunks = scanChunks(text);
        assert.equal(chunks.map((c) => c.text).join(''), text);
        assertModelInvariants(parseGuideline('file:///r.md', text));
      }),
      { numRuns: 400 },
    );
  });

  test('arbitrary Unicode (lone surrogates, controls) never breaks the model', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) =>
        assertModelInvariants(parseGuideline('file:///u.md', text)),
      ),
      { numRuns: 200 },
    );
  });

  test('an incremental rebuild through one cache (build and update) equals a fresh parse', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
        const cache = new GuidelineModelCache();
        let doc = cache.build('file:///e.md', 0, base);
        let text = base;
        let version = 0;
        for (const e of edits) {
          const next = applyEdit(text, e);
          text = next.text;
          version++;
          doc = cache.update(doc, version, text, [next.change]);
          assert.equal(doc.text, text);
          const fresh = parseGuideline('file:///e.md', text, version);
          assert.deepEqual(modelShape(doc), modelShape(fresh), `after edit ${JSON.stringify(e)}`);
          assert.deepEqual(modelShape(cache.build('file:///e.md', version, text)), modelShape(fresh));
          assertModelInvariants(doc);
        }
      }),
      { numRuns: 120 },
    );
  });

  test('several changes in one update equal a fresh parse', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(edit, { minLength: 2, maxLength: 4 }), (base, edits) => {
        const cache = new GuidelineModelCache();
        const first = cache.build('file:///m.md', 0, base);
        let text = base;
        const changes: TextChange[] = [];
        for (const e of edits) {
          const next = applyEdit(text, e);
          text = next.text;
          changes.push(next.change);
        }
        assert.deepEqual(
          modelShape(cache.update(first, 1, text, changes)),
          modelShape(parseGuideline('file:///m.md', text, 1)),
        );
      }),
      { numRuns: 80 },
    );
  });
});
