import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function run(args: string[], lang = 'ja_JP.UTF-8') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang, GUIDELINE_LANG: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => join(FIXTURES, 'import', name);

describe('guideline import', () => {
  test('--help', () => {
    const { code, stdout } = run(['import', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: guideline import/);
  });

  test('a PDF to standard output; the notes (guessed headings, a page without text) on standard error', () => {
    const { code, stdout, stderr } = run(['import', fixture('municipal-two-column.pdf')]);
    assert.equal(code, 0);
    assert.match(stdout, /^# 〇〇市情報セキュリティ対策基準\n\n### ２―６ 技術的セキュリティ\n/);
    assert.match(stderr, /取り込みの注意（7件）/);
    assert.match(stderr, /2ページ: このページには文字がありません/);
    assert.match(stderr, /1ページ: 見出しと推定しました.*：２―６―１ アクセス制御/);
  });

  test('-o writes the file, then refuses to replace it without --force, and replaces it with --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-import-'));
    const out = join(dir, 'guideline.md');
    const first = run(['import', fixture('guideline-word.docx'), '-o', out]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /^# 情報セキュリティポリシーに関するガイドライン（例）\n/);
    writeFileSync(out, '手で直した本文\n');
    const second = run(['import', fixture('guideline-word.docx'), '-o', out]);
    assert.equal(second.code, 2);
    assert.match(second.stderr, /すでにあるファイルです（置き換えるには --force を付けてください）/);
    assert.equal(readFileSync(out, 'utf8'), '手で直した本文\n');
    const third = run(['import', fixture('guideline-word.docx'), '--output', out, '--force']);
    assert.equal(third.code, 0);
    assert.match(readFileSync(out, 'utf8'), /### 3\.1 組織体制/);
    // Atomic write: no temporary file left beside it.
    assert.deepEqual(readdirSync(dir), ['guideline.md']);
  });

  test('the imported file passes guideline check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-import-'));
    const out = join(dir, 'guideline.md');
    assert.equal(run(['import', fixture('guideline-report.pdf'), '-o', out]).code, 0);
    const check = run(['check', out]);
    assert.equal(check.code, 0, check.stdout);
  });

  test('--json: Markdown and issues with messages in the chosen language', () => {
    const { code, stdout } = run(['--lang', 'en', 'import', fixture('guideline-word.docx'), '--json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.equal(json.kind, 'docx');
    assert.match(json.markdown, /## 第３章/);
    assert.deepEqual(
      json.issues.map((i: { code: string }) => i.code),
      ['heading-guessed', 'docx-object-skipped'],
    );
    assert.match(json.issues[0].message, /^guessed to be a heading/);
  });

  test('a file that is neither Word nor PDF, a broken PDF, a missing file: a clear message, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-import-'));
    const csv = join(dir, 'comments.csv');
    writeFileSync(csv, '番号,意見\n1,賛成\n');
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.7\n壊れたファイル');
    let r = run(['import', csv]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /取り込めるのは Word（\.docx）と PDF のファイルです/);
    r = run(['import', broken]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /PDF を読み取れません/);
    r = run(['--lang', 'en', 'import', join(dir, 'missing.docx')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.docx: no such file/);
    r = run(['import']);
    assert.equal(r.code, 2);
    r = run(['import', fixture('guideline-word.docx'), '--json', '-o', join(dir, 'out.md')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--json と -o は同時に指定できません/);
  });
});
