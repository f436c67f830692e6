/**
 * Coverage across versions (test/fixtures/coverage-versions): the 令和6年10月版's 例文 classified as
 * new, changed or unchanged since the 令和4年3月版, crossed with the city policy adopted from the older
 * one; exact expected rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { computeVersionedCoverage, type VersionedCoverage } from '../../../server/src/core/coverage/versions';

const read = (name: string): string => readFileSync(resolve(FIXTURES, 'coverage-versions', name), 'utf8');
const parse = (name: string) => parseGuideline(`file:///${name}`, read(name));
/** As guideline.config.json in the fixture folder lists it. */
const substitutions = { 情報政策担当部長: '総務部長' };

const rows = (result: VersionedCoverage): string[] =>
  result.clauses.map(
    (c) =>
      `${c.coverage.example.path.join('/')} ${c.change}${c.old && c.old.path.join('/') !== c.coverage.example.path.join('/') ? ` (${c.old.path.join('/')})` : ''} ${c.reflected ? 'reflected' : `unreflected:${c.reason}`}${c.policy ? ` ${c.policy.label}` : ''}`,
  );

test('fixture: each 例文 of the newer version, its change and whether the policy reflects it', () => {
  const result = computeVersionedCoverage(parse('guideline-r4.md'), parse('guideline-r6.md'), parse('policy-city.md'), {
    substitutions,
  });
  assert.deepEqual(rows(result), [
    '3.1/例文/¶1 unchanged reflected 2―1 第1段落',
    '3.1/例文/¶2 changed unreflected:old-wording 2―1 第2段落',
    '3.2/例文/(1) unchanged reflected 2―2 (1)',
    '3.2/例文/(2) changed reflected 2―2 (2)',
    '3.2/例文/(3) unchanged reflected 2―2 (3)',
    '3.2/例文/(4) new unreflected:missing',
    '3.5.1/例文/(1)/① unchanged reflected 2―5―1 (1) ①',
    // Never adopted and unchanged: plain coverage reports it missing, the versions have nothing to add.
    '3.5.1/例文/(1)/② unchanged reflected',
    '3.5.1/例文/(1)/③ changed unreflected:old-wording 2―5―1 (1) ②',
    '3.5.1/例文/(2) changed reflected 2―5―1 (2)',
    // The city's own wording of the old clause, without the new sentence: closer to the old.
    '3.6.2/例文/(1) changed unreflected:old-wording 2―6―2 (1)',
    '3.6.2/例文/(2)/① unchanged reflected 2―6―2 (2) ①',
    '3.6.2/例文/(2)/② unchanged reflected 2―6―2 (2) ②',
    '3.6.2/例文/(2)/③ unchanged reflected 2―6―2 (2) ③',
    // Adopted in the city's own words: modified, and closer to the new 例文 than to any old one.
    '3.6.2/例文/(3) new reflected 2―6―2 (3)',
    '3.6.2/例文/(4) unchanged (3.6.2/例文/(3)) reflected 2―6―2 (4)',
    '3.6.3/例文 new unreflected:missing',
    '3.6.4/例文/(1) unchanged (3.6.3/例文/(1)) reflected 2―6―3 (1)',
    '3.6.4/例文/(2) changed (3.6.3/例文/(2)) reflected 2―6―3 (2)',
  ]);
  // The password-change clause was deleted but the policy keeps it; the deleted 机上 clause was never adopted.
  assert.deepEqual(
    result.deleted.map((d) => `${d.old.path.join('/')} ${d.policy.label}`),
    ['3.6.2/例文/(2)/④ 2―6―2 (2) ④'],
  );
  assert.deepEqual(result.summary, { new: 3, changed: 6, unchanged: 10, unreflected: 5, deletedRemaining: 1 });
});

test('a changed clause carries its old text and the character diff from old to new', () => {
  const result = computeVersionedCoverage(parse('guideline-r4.md'), parse('guideline-r6.md'), parse('policy-city.md'), {
    substitutions,
  });
  const byPath = (path: string) => result.clauses.find((c) => c.coverage.example.path.join('/') === path)!;
  const third = byPath('3.5.1/例文/(1)/③');
  assert.equal(
    third.old?.text,
    '職員等は、支給以外のパソコン、モバイル端末及び電磁的記録媒体を原則として業務に利用してはならない。',
  );
  assert.deepEqual(
    third.diff?.filter((s) => s.kind !== 'same'),
    [
      {
        kind: 'added',
        text: 'ただし、業務上必要な場合は、統括情報セキュリティ責任者の許可を得て利用することができる。',
      },
    ],
  );
  assert.equal(byPath('3.2/例文/(4)').diff, undefined);
  assert.equal(byPath('3.2/例文/(1)').diff, undefined);
});

test('the policy adopted from the new version reflects everything; a policy of the old one nothing changed', () => {
  const r4 = parse('guideline-r4.md');
  const r6 = parse('guideline-r6.md');
  // The newer guideline itself as the policy: every clause covered by its own text.
  const fromNew = computeVersionedCoverage(r4, r6, parseGuideline('file:///r6-as-policy.md', read('guideline-r6.md')));
  assert.equal(fromNew.summary.unreflected, 0);
  assert.deepEqual(fromNew.deleted, []);
  // The older guideline as the policy: every new and changed clause unreflected, every deleted one remains.
  const fromOld = computeVersionedCoverage(r4, r6, parseGuideline('file:///r4-as-policy.md', read('guideline-r4.md')));
  assert.deepEqual(
    fromOld.clauses.filter((c) => !c.reflected).map((c) => `${c.coverage.example.path.join('/')} ${c.reason}`),
    [
      '3.1/例文/¶2 old-wording',
      '3.2/例文/(2) old-wording',
      '3.2/例文/(4) missing',
      '3.5.1/例文/(1)/③ old-wording',
      '3.5.1/例文/(2) old-wording',
      '3.6.2/例文/(1) old-wording',
      '3.6.2/例文/(3) missing',
      '3.6.3/例文 missing',
      '3.6.4/例文/(2) old-wording',
    ],
  );
  assert.deepEqual(
    fromOld.deleted.map((d) => d.old.path.join('/')),
    ['3.5.1/例文/(1)/④', '3.6.2/例文/(2)/④'],
  );
});

test('a deleted 例文 merged with one that stays remains; a rewritten one under a reused number is new, not changed', () => {
  const section = (items: string[]) =>
    [
      '# ガイドライン',
      '',
      '### 3.3 情報資産の分類',
      '',
      '**【例文】**',
      '',
      ...items.flatMap((t, i) => [`(${i + 1}) ${t}`, '']),
    ].join('\n');
  const a = '職員等は、情報資産の分類に従い、情報資産を適正に取り扱わなければならない。';
  const b = '情報資産の管理者は、情報資産を分類し、その分類に応じた取扱制限を定めなければならない。';
  const c = '統括情報セキュリティ責任者は、クラウドサービスで取り扱う情報の格付けを定めなければならない。';
  const oldGuideline = parseGuideline('file:///old.md', section([a, b]));
  // (1) deleted and an unlike clause put under its number; (2) kept.
  const newGuideline = parseGuideline('file:///new.md', section([c, b]));
  const policy = parseGuideline(
    'file:///policy.md',
    ['# 本市対策基準', '', '## 2―3 情報資産の分類', '', `(1) ${b}${a}`, ''].join('\n'),
  );
  const result = computeVersionedCoverage(oldGuideline, newGuideline, policy);
  assert.deepEqual(
    result.clauses.map((c) => `${c.coverage.example.path.join('/')} ${c.change} ${c.reflected} ${c.reason}`),
    ['3.3/例文/(1) new false missing', '3.3/例文/(2) unchanged true null'],
  );
  assert.deepEqual(
    result.deleted.map((d) => `${d.old.path.join('/')} ${d.policy.label}`),
    ['3.3/例文/(1) 2―3 (1)'],
  );
});
