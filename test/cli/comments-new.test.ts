import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'ja_JP.UTF-8' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('guideline comments new: drafting the next round', () => {
  test('a received PDF table becomes a YAML round with empty responses; never replaced without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-new-round-'));
    const out = join(dir, '2025-round.yaml');
    const received = 'test/fixtures/comments/layouts/mlit-merged.pdf';
    const first = run(['comments', 'new', received, '-o', out]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /新しい回を作成しました（意見 \d+件）/);
    const yaml = readFileSync(out, 'utf8');
    assert.match(yaml, /^# 新しい意見募集の回/);
    assert.match(yaml, /^ {4}response:$/m);
    // The new round reads as a round, every response a draft to write.
    const read = run(['comments', '--json', out]);
    assert.equal(read.code, 0, read.stderr);
    const round = JSON.parse(read.stdout) as { comments: Array<{ response: string }> };
    assert.ok(round.comments.length >= 5);
    assert.ok(round.comments.every((c) => c.response === ''));

    writeFileSync(out, 'title: 編集中\ncomments: []\n');
    const again = run(['comments', 'new', received, '-o', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /書き込めません（.*）。置き換えるには --force/);
    assert.equal(readFileSync(out, 'utf8'), 'title: 編集中\ncomments: []\n');
    assert.equal(run(['comments', 'new', received, '-o', out, '--force']).code, 0);
  });

  test('--keep-responses carries the drafts over; stdout without -o', () => {
    const { code, stdout } = run(['comments', 'new', 'examples/comments/pubcomment-2015.txt', '--keep-responses']);
    assert.equal(code, 0);
    assert.match(stdout, /ご指摘箇所につきまして修正いたします。/);
    const empty = run(['comments', 'new', 'examples/comments/pubcomment-2015.txt']);
    assert.doesNotMatch(empty.stdout, /修正いたします。/);
  });

  test('bad input: not a comment table, or a table this tool exported, is named in the user language', () => {
    const notTable = run(['comments', 'new', 'examples/guideline/security-policy-guideline.md']);
    assert.equal(notTable.code, 2);
    assert.match(notTable.stderr, /意見の文書として読めません/);
    const dir = mkdtempSync(join(tmpdir(), 'guideline-new-round-'));
    const exported = join(dir, 'table.xlsx');
    assert.equal(
      run(['comments', 'examples/comments/pubcomment-2015.txt', '--table', 'xlsx', '--out', exported]).code,
      0,
    );
    const fromExport = run(['--lang', 'en', 'comments', 'new', exported]);
    assert.equal(fromExport.code, 2);
    assert.match(fromExport.stderr, /a table this tool exported/);
    assert.match(run(['comments', 'new', '--help']).stdout, /Usage: guideline comments new RECEIVED/);
  });
});
