/**
 * Exact coverage of the two policies written from the guideline excerpt (test/fixtures/coverage):
 * one mirrors its numbering with a prefix (2―6―2), one recasts it as articles with merged and
 * reordered clauses. Every 例文 clause's status and policy clause is listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { computeCoverage, type CoverageOptions, type CoverageResult } from '../../../server/src/core/coverage/coverage';

const read = (name: string): string => readFileSync(resolve(FIXTURES, 'coverage', name), 'utf8');
const guideline = parseGuideline('file:///guideline-excerpt.md', read('guideline-excerpt.md'));
/** As guideline.config.json in the fixture folder lists it. */
const substitutions = { 情報政策担当部長: '総務課長' };

function coverageOf(name: string, options: CoverageOptions = { substitutions }): CoverageResult {
  return computeCoverage(guideline, parseGuideline(`file:///${name}`, read(name)), options);
}

const rows = (result: CoverageResult): string[] =>
  result.clauses.map((c) => `${c.example.path.join('/')} ${c.status}${c.policy ? ` ${c.policy.label}` : ''}`);

test('prefix-numbered policy (2―x―y): mapping 3 → 2 detected, every clause classified', () => {
  const result = coverageOf('policy-prefixed.md');
  assert.deepEqual(result.prefix, { guideline: '3', policy: '2' });
  assert.deepEqual(rows(result), [
    '3.1/例文/¶1 covered 2―1 第1段落',
    '3.1/例文/¶2 covered 2―1 第2段落',
    '3.2/例文/(1) covered 2―2 (1)',
    '3.2/例文/(2) modified 2―2 (2)',
    '3.2/例文/(3) covered 2―2 (3)',
    '3.5.1/例文/(1)/① covered 2―5―1 (1) ①',
    '3.5.1/例文/(1)/② covered 2―5―1 (1) ②',
    '3.5.1/例文/(1)/③ missing',
    '3.5.1/例文/(2) covered 2―5―1 (2)',
    '3.6.1/例文/(1)/① covered 2―6―1 (1) ①',
    '3.6.1/例文/(1)/② modified 2―6―1 (1) ②',
    '3.6.1/例文/(2) covered 2―6―1 (2)',
    '3.6.2/例文/(1) covered 2―6―2 (1)',
    '3.6.2/例文/(2)/① covered 2―6―2 (2) ①',
    '3.6.2/例文/(2)/② covered 2―6―2 (2) ②',
    '3.6.2/例文/(2)/③ covered 2―6―2 (2) ③',
    '3.6.2/例文/(3)/① covered 2―6―2 (3) ①',
    '3.6.2/例文/(3)/② covered 2―6―2 (3) ②',
    '3.6.2/例文/(3)/②/ア covered 2―6―2 (3) ② ア',
    '3.6.2/例文/(3)/②/イ modified 2―6―2 (3) ② イ',
    '3.8.1/例文/(1) covered 2―8―1 (1)',
    '3.8.1/例文/(2) covered 2―8―1 (2)',
    '3.8.1/例文/(3) covered 2―8―1 (3)',
  ]);
  assert.deepEqual(
    result.extra.map((e) => `${e.label} ${e.text}`),
    ['2―6―2 (4) 職員等は、自己の利用者IDを他の職員等と共用してはならない。'],
  );
  assert.deepEqual(result.summary, { covered: 19, modified: 3, missing: 1, extra: 1 });
  // The policy's sections correspond to the guideline's by the mapped numbers.
  assert.deepEqual(
    result.sections.get('3.6.2')?.map((c) => c.label),
    ['2―6―2'],
  );
});

test('articles policy (第N条/項/号): merged, reordered, substituted and dropped clauses', () => {
  const result = coverageOf('policy-articles.md');
  assert.equal(result.prefix, null);
  assert.deepEqual(rows(result), [
    '3.1/例文/¶1 covered 第1条',
    '3.1/例文/¶2 missing',
    // (1) and (2) merged into one paragraph; 副市長 → 副町長 (built in), 情報政策担当部長 → 総務課長 (project file).
    '3.2/例文/(1) covered 第2条',
    '3.2/例文/(2) covered 第2条',
    '3.2/例文/(3) missing',
    '3.5.1/例文/(1)/① covered 第6条',
    '3.5.1/例文/(1)/② covered 第6条第2項',
    '3.5.1/例文/(1)/③ covered 第6条第3項',
    '3.5.1/例文/(2) modified 第6条第4項',
    '3.6.1/例文/(1)/① covered 第5条',
    '3.6.1/例文/(1)/② covered 第5条第2項',
    '3.6.1/例文/(2) missing',
    '3.6.2/例文/(1) covered 第3条',
    '3.6.2/例文/(2)/① covered 第3条第2項',
    '3.6.2/例文/(2)/② modified 第3条第3項',
    '3.6.2/例文/(2)/③ missing',
    '3.6.2/例文/(3)/① covered 第4条',
    '3.6.2/例文/(3)/② covered 第4条第2項',
    '3.6.2/例文/(3)/②/ア covered 第4条第2項第1号',
    '3.6.2/例文/(3)/②/イ covered 第4条第2項第2号',
    '3.8.1/例文/(1) covered 第7条',
    // （○年間） filled with 3年間.
    '3.8.1/例文/(2) covered 第7条第2項',
    // ○○課 → 総務課 is a filling, but （○日）以内 → 翌日まで changes the rule.
    '3.8.1/例文/(3) modified 第7条第3項',
  ]);
  assert.deepEqual(
    result.extra.map((e) => e.label),
    ['第8条', '第9条'],
  );
  assert.deepEqual(result.summary, { covered: 16, modified: 3, missing: 4, extra: 2 });
  // Articles are aligned to the guideline's sections by title and by the clauses they cover.
  assert.deepEqual(
    result.sections.get('3.6.2')?.map((c) => c.label),
    ['第3条', '第4条'],
  );
});

test('without the project file the substituted title is a change, not an adoption', () => {
  const result = coverageOf('policy-articles.md', { substitutions: {} });
  const row = result.clauses.find((c) => c.example.path.join('/') === '3.2/例文/(2)');
  assert.equal(row?.status, 'modified');
});

test('a modified clause carries the character diff from the 例文 to the policy', () => {
  const result = coverageOf('policy-prefixed.md');
  const row = result.clauses.find((c) => c.example.path.join('/') === '3.6.2/例文/(3)/②/イ');
  assert.deepEqual(
    row?.diff?.filter((s) => s.kind !== 'same'),
    [
      { kind: 'removed', text: '定期的に' },
      { kind: 'added', text: '毎月' },
    ],
  );
  assert.ok(row!.similarity > 0.7 && row!.similarity < 1);
});

test('policy clause ranges point at the clause text', () => {
  const text = read('policy-articles.md');
  const policy = parseGuideline('file:///policy-articles.md', text);
  const result = computeCoverage(guideline, policy, { substitutions });
  const row = result.clauses.find((c) => c.example.path.join('/') === '3.6.2/例文/(3)/②/ア')!;
  assert.ok(text.slice(row.policy!.start, row.policy!.end).includes('入手後直ちに変更すること'));
  assert.equal(row.policy!.range.start.line, policy.lines.positionAt(row.policy!.start).line);
});

test('the same policy numbered 2.6.2 (dots) or 2-6-2 (hyphens) gives the same coverage', () => {
  const text = read('policy-prefixed.md');
  const expected = rows(coverageOf('policy-prefixed.md')).map((r) => r.replace(/―/g, '·'));
  for (const dash of ['.', '-']) {
    const policy = parseGuideline('file:///policy.md', text.replace(/(\d)―(?=\d)/g, `$1${dash}`));
    const result = computeCoverage(guideline, policy, { substitutions });
    assert.deepEqual(result.prefix, { guideline: '3', policy: '2' }, dash);
    assert.deepEqual(
      rows(result).map((r) => r.replace(/(\d)[.-](?=\d)/g, '$1·').replace(/ 2·(\d)·/g, ' 2·$1·')),
      expected.map((r) => r.replace(/(\d)[.-](?=\d)/g, '$1·')),
      dash,
    );
  }
});

test('a guideline that quotes its 【例文】 (> (1) …) gives the same clauses and coverage', () => {
  // The tree takes no items inside a quote: the coverage reads their markers from the paragraphs.
  let inExample = false;
  const quoted = read('guideline-excerpt.md')
    .split('\n')
    .map((line) => {
      if (/^\*\*[【（](趣旨|例文|解説)[】）]\*\*$/.test(line)) inExample = line.includes('例文');
      else if (line.startsWith('#')) inExample = false;
      else if (inExample) return line.trim() ? `> ${line}` : '>';
      return line;
    })
    .join('\n');
  const quotedGuideline = parseGuideline('file:///quoted.md', quoted);
  const policy = parseGuideline('file:///policy-prefixed.md', read('policy-prefixed.md'));
  const result = computeCoverage(quotedGuideline, policy, { substitutions });
  assert.deepEqual(rows(result), rows(coverageOf('policy-prefixed.md')));
  assert.deepEqual(
    result.clauses.map((c) => c.example.text),
    coverageOf('policy-prefixed.md').clauses.map((c) => c.example.text),
  );
});
