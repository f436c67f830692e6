/**
 * Precision of the morphological tier: with every 公用文 rule on and the real kuromoji analyser, the
 * example guideline, the seed and the clean fixture get exactly the findings of the pattern rules
 * (findings.test.ts) plus those listed here, each with its reason.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../../../support/paths';
import { checkDocument } from '../../../../server/src/core/checks/document';
import { toCheckConfig } from '../../../../server/src/core/config/check-config';
import { RULE_DESCRIPTORS } from '../../../../server/src/core/checks/config';
import { loadKuromojiTokenizer } from '../../../../server/src/host/morph/kuromoji';
import type { CheckConfig } from '../../../../server/src/core/checks/types';
import { readFixture } from '../helpers';
import { REPO_ROOT } from '../../../support/paths';
import { expandSnippet } from '../../snippets/expand';
import { checkSegment } from '../../../../server/src/core/checks/segment';

function findings(text: string, config: CheckConfig): string[] {
  const lines = text.split(/\r?\n/);
  return checkDocument('file:///doc.md', text, config, 'ja')
    .filter((f) => f.code.startsWith('official-'))
    .map((f) => {
      const line = lines[f.range.start.line];
      const context = line.slice(Math.max(0, f.range.start.character - 6), f.range.end.character + 6);
      return `${f.range.start.line + 1} ${f.code} ${context}`;
    });
}

describe('公用文 findings with the morphological tier, each added one with its reason', () => {
  let on: CheckConfig;
  const patterns = toCheckConfig({}, {}, []);
  before(async () => {
    const rules: Record<string, 'information'> = {};
    for (const d of RULE_DESCRIPTORS) if (d.code.startsWith('official-')) rules[d.code] = 'information';
    on = toCheckConfig(rules, {}, [], {}, await loadKuromojiTokenizer());
  });

  const documents: ReadonlyArray<readonly [string, () => string, ReadonlyArray<readonly [string, string]>]> = [
    [
      'examples/guideline',
      () => readFileSync(join(EXAMPLES, 'guideline', 'security-policy-guideline.md'), 'utf8'),
      [
        [
          '298 official-compound-noun きない、又は立ち入りが困難な場所',
          'The noun 立ち入り (before が) takes the list form 立入り (訓令 2(1)イ); the verb 立ち入る would keep it.',
        ],
        [
          '456 official-compound-noun 持ち出し及び持ち込みの記録',
          'The noun 持ち込み is 持込み in the list; 持ち出し is not in the list and is left alone.',
        ],
        ['458 official-compound-noun 持ち出し及び持ち込みについて、記', 'As above: the noun 持込み.'],
        ['496 official-compound-noun 持ち出し及び持ち込みの記録', 'As above: the noun 持込み.'],
      ],
    ],
    [
      'the seed',
      () => readFixture('seed-pubcomment-2015.txt'),
      [
        ['228 official-adverb-kanji 。再委託先、すべて', 'The adverb すべて is 全て (訓令 1(2)イ).'],
        [
          '329 official-kana-particle トを防止する為',
          'ため after a verb, at a line break of the PDF text where the pattern sees no particle after it.',
        ],
        ['351 official-compound-noun センター等、立ち入りができない場', 'The noun 立ち入り (before が) is 立入り.'],
      ],
    ],
    ['the clean guideline fixture', () => readFixture('guideline-clean.md'), []],
  ];
  for (const [name, read, added] of documents) {
    test(name, () => {
      const text = read();
      const base = new Set(findings(text, patterns));
      const extra = findings(text, on).filter((f) => !base.has(f));
      assert.deepEqual(
        extra,
        added.map(([f]) => f),
      );
      for (const [f, reason] of added) assert.ok(reason.length > 10, `a reason for ${f}`);
    });
  }

  test('every 例文 snippet passes the 公用文 rules with the tier on', () => {
    const snippets: Record<string, { body: string | string[] }> = JSON.parse(
      readFileSync(join(REPO_ROOT, 'snippets/reibun.code-snippets'), 'utf8'),
    );
    let checked = 0;
    for (const [name, snippet] of Object.entries(snippets)) {
      const expansion = expandSnippet(snippet.body);
      if (!expansion.ok) continue;
      const official = checkSegment(expansion.value.text, on).filter((f) => f.code.startsWith('official-'));
      assert.deepEqual(
        official.map((f) => `${f.code}: ${expansion.value.text.slice(f.start, f.end)}`),
        [],
        name,
      );
      checked++;
    }
    assert.ok(checked >= 20);
  });
});
