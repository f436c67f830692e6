/**
 * Which guideline a document is compared with (core/coverage/policy.ts): the same answer whichever
 * document asks, and the guideline being edited does not build its whole tree to learn it has none.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXAMPLES, FIXTURES } from '../../support/paths';
import { parseGuideline, type GuidelineDocument } from '../../../server/src/core/model/document';
import { guidelineForPolicy, hasOwnExamples } from '../../../server/src/core/coverage/policy';
import { hasExampleClauses } from '../../../server/src/core/coverage/clauses';

const read = (name: string) => readFileSync(resolve(FIXTURES, 'coverage', name), 'utf8');

/** A fresh snapshot whose full tree must not be built (its `root` throws). */
function untouchable(uri: string, text: string): GuidelineDocument {
  const document = parseGuideline(uri, text);
  Object.defineProperty(document, 'root', {
    get() {
      throw new Error(`${uri}: the full tree was built`);
    },
  });
  return document;
}

describe('guidelineForPolicy (core/coverage/policy.ts)', () => {
  test('a policy is compared with the workspace guideline that has 例文; the guideline itself with none', () => {
    const guideline = parseGuideline('file:///guideline-excerpt.md', read('guideline-excerpt.md'));
    const policy = parseGuideline('file:///policy-articles.md', read('policy-articles.md'));
    assert.equal(guidelineForPolicy(policy, [guideline, policy], null), guideline);
    assert.equal(guidelineForPolicy(guideline, [guideline, policy], null), null);
    assert.equal(guidelineForPolicy(policy, [], guideline), guideline);
    assert.equal(guidelineForPolicy(guideline, [], guideline), null);
  });

  test('the only guideline of a workspace, asked on every edit, never builds its whole tree', () => {
    const policy = parseGuideline('file:///policy-articles.md', read('policy-articles.md'));
    const edited = untouchable('file:///guideline-excerpt.md', read('guideline-excerpt.md'));
    assert.equal(guidelineForPolicy(edited, [edited, policy], null), null);
    assert.equal(guidelineForPolicy(edited, [], edited), null);
  });

  test('read chunk by chunk, a document has 例文 of its own exactly when its whole tree has a 例文 clause', () => {
    const markdown = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? markdown(path) : name.endsWith('.md') ? [path] : [];
      });
    const files = [...markdown(FIXTURES), ...markdown(EXAMPLES)];
    assert.ok(files.length > 20, `${files.length} Markdown files`);
    let guidelines = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const whole = hasExampleClauses(parseGuideline(`file://${file}`, text));
      assert.equal(hasOwnExamples(parseGuideline(`file://${file}`, text)), whole, file);
      if (whole) guidelines++;
    }
    assert.ok(guidelines >= 3, `${guidelines} documents with 例文 clauses`);
  });

  test('a second guideline with 例文 of its own is not a policy of the first', () => {
    const first = parseGuideline('file:///guideline-excerpt.md', read('guideline-excerpt.md'));
    const second = parseGuideline('file:///other-guideline.md', read('guideline-excerpt.md'));
    assert.equal(guidelineForPolicy(second, [first, second], null), null);
  });
});
