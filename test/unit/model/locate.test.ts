import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { locate } from '../../../server/src/core/model/locate';

const doc = parseGuideline('file:///basic.md', readFileSync(resolve(FIXTURES, 'model/guideline-basic.md'), 'utf8'));

describe('locate', () => {
  const cases: Array<[string, Parameters<typeof locate>[1], string | null, string, string[]]> = [
    ['section', { section: '3.4.1', part: null, items: [] }, '3.4.1', 'exact', []],
    ['part', { section: '3.4.1', part: '例文', items: [] }, '3.4.1/例文', 'exact', []],
    ['item path', { section: '3.4.1', part: '例文', items: ['(2)', '②'] }, '3.4.1/例文/(2)/②', 'exact', []],
    [
      'full-width item keys',
      { section: '3.4.1', part: '例文', items: ['（２）', '①'] },
      '3.4.1/例文/(2)/①',
      'exact',
      [],
    ],
    [
      'note below an item',
      { section: '3.4.1', part: '例文', items: ['(2)', '(注1)'] },
      '3.4.1/例文/(2)/②/(注1)',
      'exact',
      [],
    ],
    [
      'note without its item',
      { section: '3.4.1', part: null, items: ['（注１）'] },
      '3.4.1/例文/(2)/②/(注1)',
      'exact',
      [],
    ],
    ['figure in a section', { section: '3.6.2', part: null, items: ['図表5'] }, '3.6.2/例文/(1)/②/図表5', 'exact', []],
    [
      'missing item falls back to the item found',
      { section: '3.4.1', part: '例文', items: ['(2)', '⑬'] },
      '3.4.1/例文/(2)',
      'item',
      ['⑬'],
    ],
    [
      'missing item falls back to the part',
      { section: '3.4.1', part: '解説', items: ['(9)'] },
      '3.4.1/解説',
      'part',
      ['(9)'],
    ],
    [
      'missing part falls back to the section',
      { section: '3.4.1', part: '趣旨', items: [] },
      '3.4.1/趣旨',
      'exact',
      [],
    ],
    ['missing part', { section: '1.1', part: '例文', items: ['(1)'] }, '1.1', 'section', ['例文', '(1)']],
    ['missing section', { section: '3.10.2', part: null, items: [] }, null, 'none', ['3.10.2']],
    ['general comment', { section: null, part: null, items: [] }, '', 'document', []],
  ];
  for (const [name, path, id, match, unresolved] of cases) {
    test(name, () => {
      const result = locate(doc, path);
      assert.equal(result.node?.id ?? null, id);
      assert.equal(result.match, match);
      assert.deepEqual(result.unresolved, unresolved);
    });
  }
});
