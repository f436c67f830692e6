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

const NOTICE: ReadonlyArray<readonly [string, string]> = [];
const KOHO: ReadonlyArray<readonly [string, string]> = [];
const KITEI: ReadonlyArray<readonly [string, string]> = [];
/**
 * A draft 依頼 with the deviations editors make, and next to them the uses that must stay: 「事の重大性」
 * (the matter itself), 「申し込みます」 (the verb), 「持って行く」 (motion), 「締結した時から」 (a point in time).
 */
const DRAFT: ReadonlyArray<readonly [string, string]> = [
  ['5 official-legal-kana 情報漏えいの恐れが高まってい', 'The noun おそれ (risk) is kana in statutes and 公用文.'],
  ['5 official-honorific-prefix においては、ご協力をお願い', 'Notice profile: ご before the kanji word 協力 is 御.'],
  [
    '9 official-compound-noun 研修への申し込みの受付は、各',
    'The noun 申し込み (before の) is 申込み in the 訓令 list.',
  ],
  [
    '9 official-compound-noun し込みます。申し込み書は別紙のとお',
    '申込書 is a fixed form (通則7); 申し込みます before it is the verb, left alone.',
  ],
  ['13 official-formal-noun たって重要な事は、事前に配', 'The formal noun こと (名詞,非自立) is kana (訓令 1(2)キ).'],
  ['17 official-compound-noun  個人情報の取り扱いに関する手続', 'The noun 取り扱い is 取扱い in the list.'],
  ['17 official-compound-noun 扱いに関する手続きは、規程の定', 'The noun 手続き is 手続 in the list.'],
  ['17 official-formal-noun 規程の定める所による。', '「定めるところによる」: the formal noun ところ is kana.'],
  [
    '21 official-auxiliary-kana して強化して行く。その為、来',
    'The auxiliary いく after a サ変 verb (a change going on) is kana.',
  ],
  ['21 official-kana-particle て行く。その為、来年度以降', 'ため (名詞,非自立) is kana (訓令 1(2)カ).'],
  ['23 official-legal-kana 6) 災害に依って研修を中止', 'よって after に is kana in statutes and 公用文.'],
  [
    '23 official-honorific-prefix 場合は、別途御知らせする。',
    '御 read お is outside the 常用漢字表 readings: お知らせ.',
  ],
];

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

  // Realistic documents in three styles, written for these rules: every finding with the tier on.
  const styles: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
    ['official/notice-tsuchi.md', NOTICE],
    ['official/koho-explanatory.md', KOHO],
    ['official/kitei-reibun.md', KITEI],
    ['official/notice-draft.md', DRAFT],
  ];
  for (const [file, expected] of styles) {
    test(`every finding on ${file} (tier on)`, () => {
      // The 広報 is checked as a project with the explanatory profile would check it.
      const config = file.includes('explanatory')
        ? { ...on, official: { ...on.official!, profile: 'explanatory' as const } }
        : on;
      assert.deepEqual(
        findings(readFixture(file), config),
        expected.map(([f]) => f),
      );
      for (const [f, reason] of expected) assert.ok(reason.length > 10, `a reason for ${f}`);
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
