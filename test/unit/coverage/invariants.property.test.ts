/**
 * Property: on any pair of documents built from the shapes guidelines and policies take (headings,
 * 【例文】, items, 第N条 and 項, dash numbers, placeholders, stray Markdown), coverage never throws and
 * its result is consistent: every 例文 clause once, a policy clause exactly when not missing, extra
 * clauses aligned to nothing, counts that add up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseGuideline } from '../../../server/src/core/model/document';
import { computeCoverage } from '../../../server/src/core/coverage/coverage';
import { exampleClauses, hasExampleClauses } from '../../../server/src/core/coverage/clauses';
import { coverageHtml, coverageJson, coverageMarkdown } from '../../../server/src/core/coverage/report';
import { coverageFindings } from '../../../server/src/core/coverage/findings';

const SENTENCES = [
  '情報システム管理者は、アクセス記録を（○年間）保存しなければならない。',
  '職員等は、業務以外の目的で情報資産を使用してはならない。',
  '地方公共団体は、○○課に情報セキュリティ委員会を置く。',
  '本市の職員は、研修を受けなければならない。',
  'CISOは、定期的に監査を実施しなければならない。',
  '| 分類 | 内容 |\n|---|---|\n| 機密性3 | 秘密 |',
  '',
  '**強調だけ**',
  '> 引用の段落',
];
const LINES = fc.oneof(
  fc.constantFrom(
    '## 第3章 情報セキュリティ対策基準',
    '### 3.6.2 アクセス制御',
    '### 3.6.2 アクセス制御',
    '#### 3.1 対象範囲',
    '## 2―6―2 アクセス制御',
    '## 2-1 対象範囲',
    '**【例文】**',
    '【例文】',
    '**（解説）**',
    '(1) アクセス制御等',
    '(2)',
    '① 利用者IDの取扱い',
    'ア',
    '第3条（アクセス制御）',
    '第3条',
    '2 ',
    '一 ',
    '```',
    '<!-- guideline-disable -->',
  ),
  fc.constantFrom(...SENTENCES),
  fc.string({ maxLength: 20 }),
);
const DOCUMENT = fc.array(LINES, { maxLength: 40 }).map((lines) => lines.join('\n\n'));

test('coverage of arbitrary documents is consistent and never throws', () => {
  fc.assert(
    fc.property(
      DOCUMENT,
      DOCUMENT,
      fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })),
      (g, p, substitutions) => {
        const guideline = parseGuideline('file:///g.md', g);
        const policy = parseGuideline('file:///p.md', p);
        const result = computeCoverage(guideline, policy, { substitutions });
        assert.equal(result.clauses.length, exampleClauses(guideline).length);
        for (const row of result.clauses) {
          assert.equal(row.policy === null, row.status === 'missing');
          assert.ok(row.similarity >= 0 && row.similarity <= 1, String(row.similarity));
          if (row.status === 'modified') assert.ok(row.diff);
        }
        const aligned = new Set(result.clauses.map((r) => r.policy).filter((x) => x));
        for (const extra of result.extra) assert.ok(!aligned.has(extra));
        const { covered, modified, missing, extra } = result.summary;
        assert.equal(covered + modified + missing, result.clauses.length);
        assert.equal(extra, result.extra.length);
        JSON.stringify(coverageJson(result));
        coverageMarkdown({ result, guidelineName: 'g', policyName: 'p', locale: 'ja' });
        coverageHtml({ result, guidelineName: 'g', policyName: 'p', locale: 'en' });
        coverageFindings(result, 'file:///g.md', 'ja');
      },
    ),
    { numRuns: 300 },
  );
});

test('hasExampleClauses, which stops at the first 例文 clause, agrees with collecting them all', () => {
  fc.assert(
    fc.property(DOCUMENT, (text) => {
      // Two parses: the first answer may not come from the cache the full collection fills.
      const early = hasExampleClauses(parseGuideline('file:///g.md', text));
      assert.equal(early, exampleClauses(parseGuideline('file:///g.md', text)).length > 0);
    }),
  );
});
