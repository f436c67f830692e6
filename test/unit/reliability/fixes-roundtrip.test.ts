/**
 * Fixes never change text outside their range: every quick fix of every finding on every fixture
 * and example, applied alone, leaves the rest byte-identical; fix-all is idempotent.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseGuideline } from '../../../server/src/core/model/document';
import { guidelineFindings } from '../../../server/src/core/workspace/document-findings';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { defaultCheckConfig } from '../../../server/src/core/checks/config';
import { checkDocument, fixAllSafe } from '../../../server/src/core/checks/document';
import { applyFixes, safeFixEdits } from '../../../server/src/core/checks/fixes';
import { loadPrhDictionary } from '../../../server/src/core/checks/prh/load';
import type { CheckConfig } from '../../../server/src/core/checks/types';
import type { TextEdit } from '../../../server/src/core/findings';
import { LineIndex } from '../../../server/src/core/text/position';
import { EXAMPLES, FIXTURES } from '../../support/paths';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.md$/.test(name) ? [path] : [];
  });
}

function prhConfig(): CheckConfig {
  const path = join(FIXTURES, 'checks/prh/guideline.yml');
  const { rules } = loadPrhDictionary(path, readFileSync(path, 'utf8'), (from, rel) => {
    const target = join(dirname(from), rel);
    return { uri: target, text: readFileSync(target, 'utf8') };
  });
  return { ...defaultCheckConfig(), prh: rules };
}

/** Asserts that `after` is `before` with exactly these edits: the text between them is untouched. */
function assertOnlyEditedRanges(before: string, after: string, edits: readonly TextEdit[], what: string): void {
  const lines = new LineIndex(before);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start);
  let cursorBefore = 0;
  let cursorAfter = 0;
  for (const span of spans) {
    const kept = before.slice(cursorBefore, span.start);
    assert.equal(
      after.slice(cursorAfter, cursorAfter + kept.length),
      kept,
      `${what}: text before the edit at ${span.start} unchanged`,
    );
    cursorAfter += kept.length;
    assert.equal(after.slice(cursorAfter, cursorAfter + span.text.length), span.text, `${what}: replacement in place`);
    cursorAfter += span.text.length;
    cursorBefore = span.end;
  }
  assert.equal(after.slice(cursorAfter), before.slice(cursorBefore), `${what}: text after the last edit unchanged`);
}

const files = [...markdownFiles(FIXTURES), ...markdownFiles(EXAMPLES)];
const configs: Array<[string, CheckConfig]> = [
  ['built-in rules', defaultCheckConfig()],
  ['with prh', prhConfig()],
];

describe('fixes change nothing outside their range (every fixture and example)', () => {
  const index = new GuidelineIndex();
  const documents = files.map((path) => parseGuideline(path, readFileSync(path, 'utf8')));
  for (const document of documents) index.set(document);
  let fixesTried = 0;

  for (const document of documents) {
    const name = relative(join(FIXTURES, '..'), document.uri);
    for (const [label, checks] of configs) {
      test(`${name} (${label})`, () => {
        const findings = guidelineFindings(document, index, { locale: 'ja', rules: {}, checks });
        for (const finding of findings) {
          for (const fix of finding.fixes ?? []) {
            const result = applyFixes(document.text, fix.edits);
            assert.deepEqual(result.rejected, [], `${finding.code}: edits of one fix do not overlap`);
            assertOnlyEditedRanges(document.text, result.text, fix.edits, `${finding.code} "${fix.title}"`);
            fixesTried++;
          }
        }
        const safe = safeFixEdits(document.text, checkDocument(document.uri, document.text, checks, 'ja'));
        const once = applyFixes(document.text, safe);
        assert.deepEqual(once.rejected, []);
        assertOnlyEditedRanges(document.text, once.text, safe, 'fix-all, one pass');
        const fixed = fixAllSafe(document.uri, document.text, checks).text;
        assert.equal(fixAllSafe(document.uri, fixed, checks).text, fixed, 'fix-all is idempotent');
      });
    }
  }

  test('fixes were exercised', () => {
    assert.ok(files.length >= 8, `${files.length} files`);
    assert.ok(fixesTried > 20, `${fixesTried} fixes applied`);
  });
});
