/**
 * The data and texts of coverage across versions: the JSON of `--since`, the report section in
 * English, the findings (severity from rules, English wording, placement by the older numbering),
 * the view group, and the editor setting `guideline.coverage.since`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { computeVersionedCoverage } from '../../../server/src/core/coverage/versions';
import { versionedCoverageJson, versionsMarkdown } from '../../../server/src/core/coverage/versions-report';
import { versionFindings } from '../../../server/src/core/coverage/versions-findings';
import { versionsViewGroup } from '../../../server/src/core/coverage/versions-view';
import { effectiveSettings, parseEditorSettings } from '../../../server/src/lsp/settings';
import { parseProjectConfig } from '../../../server/src/core/config/project-config';

const read = (name: string): string => readFileSync(resolve(FIXTURES, 'coverage-versions', name), 'utf8');
const policy = parseGuideline('file:///policy-city.md', read('policy-city.md'));
const versions = computeVersionedCoverage(
  parseGuideline('file:///guideline-r4.md', read('guideline-r4.md')),
  parseGuideline('file:///guideline-r6.md', read('guideline-r6.md')),
  policy,
  { substitutions: { 情報政策担当部長: '総務部長' } },
);

test('the JSON adds change, reflected, reason and old to the plain contract, and deleted', () => {
  const json = versionedCoverageJson(versions);
  assert.deepEqual(Object.keys(json.clauses[0]), [
    'guideline',
    'status',
    'policy',
    'similarity',
    'change',
    'reflected',
    'reason',
    'old',
  ]);
  const changed = json.clauses.find((c) => c.guideline.path.join('/') === '3.1/例文/¶2')!;
  assert.deepEqual(changed.old, {
    section: '3.1',
    path: ['3.1', '例文', '¶2'],
    text: '本対策基準が対象とする情報資産は、ネットワーク、情報システム及びこれらに関する設備並びに電磁的記録媒体とする。',
  });
  assert.equal(json.deleted[0].policy?.label, '2―6―2 (2) ④');
  assert.equal(json.summary.unreflected, 5);
});

test('the report section in English; with nothing new or changed it says so', () => {
  const md = versionsMarkdown({ versions, oldName: 'FY2022', newName: 'r6.md', locale: 'en' });
  assert.match(
    md,
    /^## New and changed model clauses\n\n9 model clause\(s\) new or changed from FY2022 to r6\.md; 5 not reflected/,
  );
  assert.match(
    md,
    /\| Section \| Change \| Model clause \(new\) \| Old text, difference \| Policy clause \| Status \|/,
  );
  assert.match(md, /\| 3\.2 組織体制 \| new \| \(4\) CISOは、.* \| — \| not reflected \(not in the policy\) \|/);
  assert.match(md, /### Deleted model clauses still in the policy/);
  const r6 = parseGuideline('file:///guideline-r6.md', read('guideline-r6.md'));
  const same = computeVersionedCoverage(r6, r6, policy);
  assert.match(
    versionsMarkdown({ versions: same, oldName: 'a', newName: 'b', locale: 'ja' }),
    /新設・変更された例文はありません。/,
  );
});

test('findings: English wording, a rule severity, the new section on the title, the deleted clause on itself', () => {
  const findings = versionFindings(versions, policy, 'file:///guideline-r6.md', 'FY2022', 'en', {
    'coverage-unreflected-example': 'warning',
  });
  assert.ok(findings.every((f) => f.severity === 'warning' && f.code === 'coverage-unreflected-example'));
  assert.equal(
    findings[0].message,
    '1 model clause(s) of "3.6.3 クラウドサービスの利用" new or changed since FY2022 are not reflected in the policy: model clause (new, not reflected (not in the policy))',
  );
  assert.equal(findings[0].range.start.line, policy.root.children[0].selectionRange.start.line);
  assert.equal(findings.at(-1)!.message, 'The model clause of this clause (3.6.2 (2)④) was deleted after FY2022');
  assert.deepEqual(
    versionFindings(versions, policy, 'g', 'FY2022', 'ja', { 'coverage-unreflected-example': 'off' }),
    [],
  );
});

test('the view group lists the unreflected new and changed 例文, then the deleted ones still adopted', () => {
  const group = versionsViewGroup(versions, '令和4年3月版', 'ja');
  assert.equal(group.title, '令和4年3月版から新設・変更（未反映）');
  assert.deepEqual(
    group.items.map((i) => i.change),
    ['changed', 'new', 'changed', 'changed', 'new', 'deleted'],
  );
  const changed = group.items[0];
  assert.ok(changed.diff?.some((s) => s.kind === 'added' && s.text.includes('外部サービス')));
  assert.equal(group.items[5].guidelineRange, null);
});

test('guideline.coverage.since: a label from the editor settings, blank or absent is none', () => {
  const project = parseProjectConfig('{}').config;
  assert.equal(
    effectiveSettings(project, parseEditorSettings({ coverage: { since: ' 令和4年3月版 ' } })).coverageSince,
    '令和4年3月版',
  );
  assert.equal(effectiveSettings(project, parseEditorSettings({ coverage: { since: '  ' } })).coverageSince, null);
  assert.equal(effectiveSettings(project, parseEditorSettings({ coverage: { since: 3 } })).coverageSince, null);
  assert.equal(effectiveSettings(project, parseEditorSettings({})).coverageSince, null);
});
