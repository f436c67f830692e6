import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
const DIR = resolve(FIXTURES, 'coverage');

function run(args: string[], cwd = DIR, lang = 'ja_JP.UTF-8') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('guideline coverage', () => {
  test('--json follows the contract; the project file’s substitutions apply', () => {
    const { code, stdout, stderr } = run(['coverage', 'guideline-excerpt.md', 'policy-articles.md', '--json']);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout);
    assert.deepEqual(json.summary, { covered: 16, modified: 3, missing: 4, extra: 2 });
    const merged = json.clauses.find(
      (c: { guideline: { path: string[] } }) => c.guideline.path.join('/') === '3.2/例文/(2)',
    );
    assert.equal(merged.status, 'covered');
    assert.equal(merged.policy.label, '第2条');
    assert.deepEqual(merged.policy.range.start, { line: 14, character: 0 });
  });

  test('with --config elsewhere the substitution is missing, and the clause is modified', () => {
    const { stdout } = run([
      '--config',
      resolve(REPO_ROOT, 'package.json'),
      'coverage',
      'guideline-excerpt.md',
      'policy-articles.md',
      '--json',
    ]);
    // package.json is not a project file: its keys are reported, the defaults used.
    const json = JSON.parse(stdout);
    assert.equal(json.summary.modified, 4);
  });

  test('one file: the guideline comes from policy.guideline in the project file', () => {
    const { code, stdout } = run(['coverage', 'policy-prefixed.md', '--json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).summary, { covered: 19, modified: 3, missing: 1, extra: 1 });
  });

  test('the Markdown report (default) and the HTML page', () => {
    const md = run(['coverage', 'guideline-excerpt.md', 'policy-prefixed.md']);
    assert.equal(md.code, 0);
    assert.match(md.stdout, /^# 例文との対応\n/);
    assert.match(md.stdout, /番号の対応：ガイドラインの 3\.x\.y → 対策基準の 2―x―y/);
    assert.match(md.stdout, /\| 3\.5\.1 職員等の遵守事項 \| \(1\)③ .* \| — \| 未反映 \|/);
    const html = run(['coverage', 'guideline-excerpt.md', 'policy-prefixed.md', '--format', 'html']);
    assert.match(html.stdout, /^<!DOCTYPE html>[\s\S]*<del>定期的に<\/del><ins>毎月<\/ins>/);
    const en = run(['coverage', 'guideline-excerpt.md', 'policy-prefixed.md', '--lang', 'en']);
    assert.match(en.stdout, /^# Coverage of the model clauses/);
  });

  test('usage errors exit 2 with a message', () => {
    assert.equal(run(['coverage', 'guideline-excerpt.md', 'policy-articles.md', '--format', 'pdf']).code, 2);
    const missing = run(['coverage', 'guideline-excerpt.md', 'no-such-policy.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such-policy\.md: ファイルもフォルダもありません/);
    const text = run(['coverage', 'guideline-excerpt.md', 'guideline.config.json']);
    assert.equal(text.code, 2);
    assert.match(text.stderr, /guideline\.config\.json: Markdown ファイル（\.md）を指定してください/);
    assert.match(run(['coverage', '--help']).stdout, /^Usage: guideline coverage/);
  });
});
