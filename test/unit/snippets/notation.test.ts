import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';
import { expandSnippet } from './expand';
import { parseGuideline } from '../../../server/src/core/model/document';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { guidelineFindings } from '../../../server/src/core/workspace/document-findings';
import { toCheckConfig } from '../../../server/src/core/config/check-config';

const snippets: Record<string, { body: string | string[] }> = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets/reibun.code-snippets'), 'utf8'));

test('every 例文 snippet, expanded with its defaults, passes the notation checks of this project', () => {
  const checks = toCheckConfig({}, {}, []);
  let checked = 0;
  for (const [name, snippet] of Object.entries(snippets)) {
    const expansion = expandSnippet(snippet.body);
    assert.ok(expansion.ok, name);
    if (!expansion.ok) continue;
    // Inside a section, as an editor inserts it; cross references and numbering are about the
    // surrounding document, so only the notation rules are asked.
    const document = parseGuideline(`file:///snippet-${checked}.md`, `### 3.1 組織体制\n\n${expansion.value.text}\n`);
    const index = new GuidelineIndex();
    index.set(document);
    const notation = guidelineFindings(document, index, { locale: 'ja', rules: {}, checks }).filter((f) => !f.code.startsWith('xref-') && !f.code.startsWith('numbering-'));
    assert.deepEqual(notation.map((f) => `${f.code}: ${f.message}`), [], name);
    checked++;
  }
  assert.ok(checked >= 20, `${checked} snippets checked`);
});
