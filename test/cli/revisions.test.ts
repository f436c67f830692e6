import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
const WORKSPACE = join(FIXTURES, 'revisions');

function run(args: string[], cwd = WORKSPACE, lang = 'ja_JP.UTF-8') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('guideline diff', () => {
  test('Markdown 新旧対照表 on stdout', () => {
    const { code, stdout, stderr } = run(['diff', 'versions/2015-draft.md', 'revised.md']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /（傍線部分は改正部分）/);
    assert.match(stdout, /\| 改正後 \| 改正前 \|/);
    assert.match(stdout, /<u>ソーシャルメディアサービス<\/u>/);
  });

  test('--json: one row per aligned node, in the documented shape', () => {
    const { code, stdout } = run(['diff', 'versions/2015-draft.md', 'revised.md', '--json']);
    assert.equal(code, 0);
    const rows = JSON.parse(stdout).rows as {
      change: string;
      renumbered: boolean;
      old: { section: string; path: string[]; title: string; range: { start: { line: number } } } | null;
      new: { section: string; path: string[] } | null;
      similarity: number;
    }[];
    const sms = rows.find((r) => r.old?.path.join('/') === '3.8.3')!;
    assert.deepEqual([sms.change, sms.renumbered, sms.new?.section], ['modified', true, '3.9.3']);
    assert.equal(sms.old?.title, 'ソーシャルメディアサービスの利用');
    assert.ok(sms.similarity > 0.5 && sms.similarity < 1);
    assert.equal(typeof sms.old?.range.start.line, 'number');
    assert.ok(rows.some((r) => r.change === 'added' && r.new?.path.join('/') === '3.8'));
    assert.ok(rows.some((r) => r.change === 'deleted' && r.old?.path.join('/') === '3.7.3'));
    assert.ok(rows.some((r) => r.old?.path.join('/') === '3.8.3/例文/(1)'));
  });

  test('OLD may be the label of a configured version; HTML and DOCX are written with -o', async () => {
    const out = mkdtempSync(join(tmpdir(), 'guideline-diff-'));
    const html = join(out, 'table.html');
    const r1 = run(['diff', '2015年3月 意見募集案', 'revised.md', '--format', 'html', '-o', html]);
    assert.equal(r1.code, 0, r1.stderr);
    assert.match(readFileSync(html, 'utf8'), /size: A4 landscape/);
    assert.match(r1.stderr, /書き出しました（変更 6、新設 1、削除 1、番号の変更 7）/);
    const docx = join(out, 'table.docx');
    const r2 = run(['diff', 'versions/2015-draft.md', 'revised.md', '--format', 'docx', '-o', docx]);
    assert.equal(r2.code, 0, r2.stderr);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    assert.match(xml, /<w:u w:val="single"\/>/);
    // An existing file is not replaced without --force.
    const again = run(['diff', 'versions/2015-draft.md', 'revised.md', '--format', 'docx', '-o', docx]);
    assert.equal(again.code, 2);
    assert.equal(
      run(['diff', 'versions/2015-draft.md', 'revised.md', '--format', 'docx', '-o', docx, '--force']).code,
      0,
    );
  });

  test('git:REV reads NEW at a git revision', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-diff-git-'));
    const file = join(dir, 'guideline.md');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.jp', ...args], {
        cwd: dir,
        stdio: 'ignore',
      });
    git('init', '-q');
    cpSync(join(WORKSPACE, 'versions/2015-draft.md'), file);
    git('add', '.');
    git('commit', '-qm', 'draft');
    cpSync(join(WORKSPACE, 'revised.md'), file);
    const { code, stdout, stderr } = run(['diff', 'git:HEAD', 'guideline.md', '--json'], dir);
    assert.equal(code, 0, stderr);
    assert.ok(JSON.parse(stdout).rows.some((r: { change: string }) => r.change === 'deleted'));
  });

  test('usage errors are clear', () => {
    assert.equal(run(['diff', 'revised.md']).code, 2);
    const missing = run(['diff', 'no-such.md', 'revised.md']);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /no-such\.md: ファイルがなく、guideline\.config\.json の versions にもこの label の版がありません/,
    );
    assert.match(
      run(['--lang', 'en', 'diff', 'no-such.md', 'revised.md']).stderr,
      /no-such\.md: no such file, and no version with this label/,
    );
    assert.match(
      run(['diff', 'versions/2015-draft.md', 'revised.md', '--format', 'pdf']).stderr,
      /md、html、docx のいずれか/,
    );
    assert.match(run(['diff', 'versions/2015-draft.md', 'revised.md', '--format', 'docx']).stderr, /-o FILE が必要/);
    assert.match(run(['diff', 'git:--output=x', 'revised.md']).stderr, /git のリビジョンとして使えません/);
    assert.match(run(['diff', '--help']).stdout, /Usage: guideline diff OLD NEW/);
  });
});

describe('guideline comments verify', () => {
  test('--json: applied, not applied, target deleted, exit 1 while a promise is open', () => {
    const { code, stdout, stderr } = run(['comments', 'verify', '.', '--json']);
    assert.equal(code, 1, stderr);
    const comments = JSON.parse(stdout).comments as {
      round: string;
      id: string;
      disposition: string;
      status: string;
      evidence: string;
      target: { path: string; section: string; range: unknown } | null;
    }[];
    assert.deepEqual(
      comments.map((c) => `${c.id}:${c.status}`),
      ['1:applied', '2:applied', '3:not-applied', '4:not-applied', '5:target-deleted', '6:applied'],
    );
    assert.ok(comments.every((c) => c.disposition === 'accepted' && c.round.endsWith('pubcomment-2015-draft.yaml')));
    const sms = comments.find((c) => c.id === '6')!;
    assert.deepEqual([sms.target?.path, sms.target?.section], ['revised.md', '3.9.3']);
    assert.equal(comments.find((c) => c.id === '5')!.target, null);
    assert.match(comments.find((c) => c.id === '3')!.evidence, /案から変わっていません/);
  });

  test('text output in English with --lang en; no versions configured is explained', () => {
    const { stdout } = run(['--lang', 'en', 'comments', 'verify', '.']);
    assert.match(stdout, /^not-applied .*Comment 3 \(2015\) was promised a change/m);
    const empty = mkdtempSync(join(tmpdir(), 'guideline-verify-'));
    writeFileSync(join(empty, 'guideline.config.json'), '{}');
    const none = run(['comments', 'verify', '.'], empty);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /「versions」/);
    assert.ok(!existsSync(join(empty, 'out')));
  });
});

describe('check and report with versions configured', () => {
  test('check: comment-applied / comment-not-applied / comment-target-deleted replace comment-accepted; the draft is not linted', () => {
    const { code, stdout } = run(['check', '.']);
    assert.equal(code, 1);
    assert.doesNotMatch(stdout, /comment-accepted/);
    assert.doesNotMatch(stdout, /versions\/2015-draft\.md/);
    assert.match(
      stdout,
      /^revised\.md:73:1 warning comment-not-applied 意見3（2015年）で修正を約束しましたが、案から変わっていません/m,
    );
    assert.match(stdout, /^revised\.md:107:1 hint comment-applied 意見6（2015年）/m);
    assert.match(stdout, /^revised\.md:\d+:\d+ information comment-target-deleted 意見5（2015年）の該当箇所 3\.7\.3/m);
  });

  test('report: 約束した修正の反映状況 with counts', () => {
    const { stdout } = run(['report', '.']);
    assert.match(stdout, /== 約束した修正の反映状況（2015年3月 意見募集案 → revised\.md）/);
    assert.match(stdout, /6 件：反映済み 3、未反映 2、箇所が削除 1、確認できない 0/);
  });
});
