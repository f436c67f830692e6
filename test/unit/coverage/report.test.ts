import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { computeCoverage } from '../../../server/src/core/coverage/coverage';
import { coverageHtml, coverageJson, coverageMarkdown } from '../../../server/src/core/coverage/report';
import { coverageFindings } from '../../../server/src/core/coverage/findings';

const read = (name: string): string => readFileSync(resolve(FIXTURES, 'coverage', name), 'utf8');
const guideline = parseGuideline('file:///guideline-excerpt.md', read('guideline-excerpt.md'));
const policy = parseGuideline('file:///policy-articles.md', read('policy-articles.md'));
const result = computeCoverage(guideline, policy, { substitutions: { 情報政策担当部長: '総務課長' } });

test('the JSON has exactly the fields of the contract', () => {
  const json = coverageJson(result);
  assert.deepEqual(Object.keys(json), ['clauses', 'extra', 'summary']);
  const modified = json.clauses.find((c) => c.status === 'modified')!;
  assert.deepEqual(Object.keys(modified), ['guideline', 'status', 'policy', 'similarity']);
  assert.deepEqual(Object.keys(modified.guideline), ['section', 'path', 'text']);
  assert.deepEqual(Object.keys(modified.policy!), ['path', 'range', 'label']);
  const missing = json.clauses.find((c) => c.status === 'missing')!;
  assert.equal(missing.policy, null);
  assert.equal(missing.similarity, 0);
  const aItem = json.clauses.find((c) => c.guideline.path.join('/') === '3.6.2/例文/(3)/②/ア')!;
  assert.deepEqual(aItem.guideline.path, ['3.6.2', '例文', '(3)', '②', 'ア']);
  assert.deepEqual(aItem.policy, {
    path: ['第4条', '第2項', '第1号'],
    range: aItem.policy!.range,
    label: '第4条第2項第1号',
  });
  assert.deepEqual(
    json.extra.map((e) => e.policy.label),
    ['第8条', '第9条'],
  );
  assert.deepEqual(json.summary, { covered: 16, modified: 3, missing: 4, extra: 2 });
});

test('the Markdown report is a table a committee can read, in Japanese by default', () => {
  const md = coverageMarkdown({ result, guidelineName: 'ガイドライン.md', policyName: '対策基準.md', locale: 'ja' });
  assert.match(md, /^# 例文との対応/);
  assert.match(md, /反映済み 16 件、変更あり 3 件、未反映 4 件、独自規定 2 件/);
  assert.match(md, /\| 節 \| 例文 \| 対策基準の条項 \| 状況 \| 相違（削除・追加） \|/);
  assert.match(md, /\| 3\.6\.2 アクセス制御 \| \(2\)② 職員等は、.* \| 第3条第3項 \| 変更あり \| .*\*\*速やかに\*\*/);
  assert.match(md, /\| 3\.1 対象範囲 \| 第2段落 本対策基準が対象とする.* \| — \| 未反映 \|/);
  assert.match(md, /## 独自規定（例文にない条項）\n\n- 第8条：情報システムの運用を外部/);
  const en = coverageMarkdown({ result, guidelineName: 'g.md', policyName: 'p.md', locale: 'en' });
  assert.match(en, /16 covered, 3 modified, 4 missing, 2 extra/);
});

test('the HTML report stands alone, escapes the text and marks removals and additions', () => {
  const html = coverageHtml({ result, guidelineName: '<g>.md', policyName: 'p.md', locale: 'ja' });
  assert.match(html, /^<!DOCTYPE html>/);
  assert.ok(html.includes('&lt;g&gt;.md'));
  assert.ok(!html.includes('<script'));
  assert.match(html, /<tr class="modified">.*<ins>速やかに<\/ins>/);
  assert.match(html, /<tr class="missing"><td>3\.6\.1 コンピュータ及びネットワークの管理<\/td>/);
});

test('a policy article whose guideline section lacks 例文 gets one information finding', () => {
  const findings = coverageFindings(result, 'file:///guideline-excerpt.md', 'ja');
  assert.deepEqual(
    findings.map((f) => `${f.range.start.line + 1} ${f.severity} ${f.message}`),
    [
      '9 information 「3.1 対象範囲」の例文のうち 1 件が対策基準にありません：第2段落',
      '13 information 「3.2 組織体制」の例文のうち 1 件が対策基準にありません：(3)',
      '19 information 「3.6.2 アクセス制御」の例文のうち 1 件が対策基準にありません：(2)③',
      '37 information 「3.6.1 コンピュータ及びネットワークの管理」の例文のうち 1 件が対策基準にありません：(2)',
    ],
  );
  assert.equal(findings[2].related?.[0].uri, 'file:///guideline-excerpt.md');
  assert.deepEqual(coverageFindings(result, 'g', 'ja', { 'coverage-missing-example': 'off' }), []);
  assert.equal(coverageFindings(result, 'g', 'en', { 'coverage-missing-example': 'warning' })[0].severity, 'warning');
});
