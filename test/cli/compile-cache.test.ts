import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
const GUIDELINE = '# 第1章 総則\n\n## 1.1 目的\n\n本ガイドラインは、情報セキュリティポリシーの策定を支援する。\n';

/** `guideline check` with its own temporary folder, where the code cache goes. */
function check(temp: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-doc-'));
  writeFileSync(join(dir, 'guideline.md'), GUIDELINE);
  return spawnSync(process.execPath, [CLI, 'check', join(dir, 'guideline.md')], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: temp, LANG: 'ja_JP.UTF-8', ...env },
  });
}

const cacheFiles = (temp: string) =>
  readdirSync(temp)
    .filter((name) => name.startsWith('guideline-compile-cache-'))
    .flatMap((folder) => readdirSync(join(temp, folder)).map((name) => join(temp, folder, name)));

describe('the code cache of dist/commands.js (V8 cached data)', () => {
  test('written by the first run under the temporary folder, used by the next, never needed', () => {
    const temp = mkdtempSync(join(tmpdir(), 'guideline-tmp-'));
    const first = check(temp);
    assert.equal(first.status, 0, first.stderr);
    const [file] = cacheFiles(temp);
    assert.match(file ?? '', /[\\/]commands-[0-9a-f]{16}\.cache$/);
    const written = statSync(file).mtimeMs;
    const second = check(temp);
    assert.equal(second.stdout, first.stdout);
    // Accepted: not written again (a run of the same size does not rewrite it).
    assert.equal(statSync(file).mtimeMs, written);
    assert.deepEqual(cacheFiles(temp), [file]);
  });

  test('a damaged cache is rejected by V8 and replaced; the run is unaffected', () => {
    const temp = mkdtempSync(join(tmpdir(), 'guideline-tmp-'));
    const clean = check(temp);
    const [file] = cacheFiles(temp);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 8, 4096);
    writeFileSync(file, bytes);
    const damaged = check(temp);
    assert.equal(damaged.status, clean.status);
    assert.equal(damaged.stdout, clean.stdout);
    assert.equal(damaged.stderr, '');
    assert.notDeepEqual(readFileSync(file).subarray(8, 4096), bytes.subarray(8, 4096));
  });

  test('GUIDELINE_COMPILE_CACHE=0: nothing written', () => {
    const temp = mkdtempSync(join(tmpdir(), 'guideline-tmp-'));
    const run = check(temp, { GUIDELINE_COMPILE_CACHE: '0' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(cacheFiles(temp), []);
    assert.ok(existsSync(temp));
  });

  test('reading a PDF result: pdf.js (dist/lazy/unpdf.js) gets a cache of its own', () => {
    const temp = mkdtempSync(join(tmpdir(), 'guideline-tmp-'));
    const pdf = resolve(REPO_ROOT, 'examples/comments/pubcomment-2025-groups.pdf');
    const run = () =>
      spawnSync(process.execPath, [CLI, 'comments', '--json', pdf], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: temp },
      });
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    const names = cacheFiles(temp).map((file) => file.split(/[\\/]/).pop());
    assert.ok(
      names.some((name) => /^unpdf-[0-9a-f]{16}\.cache$/.test(name ?? '')),
      names.join(', '),
    );
    assert.equal(run().stdout, first.stdout);
  });
});
