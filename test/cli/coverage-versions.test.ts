/**
 * `guideline coverage GUIDELINE POLICY --since OLD`: the 例文 new or changed since OLD and whether the
 * policy reflects them, with OLD a file, a version label of guideline.config.json, or git:REV.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
const DIR = resolve(FIXTURES, 'coverage-versions');

function run(args: string[], cwd = DIR, lang = 'ja_JP.UTF-8') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: lang },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface ClauseJson {
  guideline: { path: string[] };
  status: string;
  change: string;
  reflected: boolean;
  reason: string | null;
  old: { path: string[]; text: string } | null;
  policy: { label: string } | null;
}

const SUMMARY = {
  covered: 12,
  modified: 4,
  missing: 3,
  extra: 2,
  new: 3,
  changed: 6,
  unchanged: 10,
  unreflected: 5,
  deletedRemaining: 1,
};

describe('guideline coverage --since', () => {
  test('--json: change, reflected, reason and old per clause, deleted 例文 kept, summary.unreflected', () => {
    const { code, stdout, stderr } = run([
      'coverage',
      'guideline-r6.md',
      'policy-city.md',
      '--since',
      'guideline-r4.md',
      '--json',
    ]);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout);
    assert.deepEqual(Object.keys(json), ['clauses', 'extra', 'deleted', 'summary']);
    assert.deepEqual(json.summary, SUMMARY);
    const byPath = (path: string): ClauseJson =>
      json.clauses.find((c: ClauseJson) => c.guideline.path.join('/') === path);
    const third = byPath('3.5.1/例文/(1)/③');
    assert.deepEqual(
      [third.change, third.reflected, third.reason, third.policy?.label, third.old?.path.join('/')],
      ['changed', false, 'old-wording', '2―5―1 (1) ②', '3.5.1/例文/(1)/③'],
    );
    const csirt = byPath('3.2/例文/(4)');
    assert.deepEqual([csirt.change, csirt.reflected, csirt.reason, csirt.old], ['new', false, 'missing', null]);
    const renumbered = byPath('3.6.2/例文/(4)');
    assert.deepEqual(
      [renumbered.change, renumbered.reflected, renumbered.old?.path.join('/')],
      ['unchanged', true, '3.6.2/例文/(3)'],
    );
    assert.deepEqual(
      json.deleted.map((d: { guideline: { path: string[] }; policy: { label: string } }) => [
        d.guideline.path.join('/'),
        d.policy.label,
      ]),
      [['3.6.2/例文/(2)/④', '2―6―2 (2) ④']],
    );
  });

  test('OLD as a version label of guideline.config.json, with the guideline from policy.guideline', () => {
    const { code, stdout, stderr } = run(['coverage', 'policy-city.md', '--since', '令和4年3月版', '--json']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout).summary, SUMMARY);
  });

  test('the Markdown report gains 「新設・変更された例文の反映状況」 and the deleted 例文 still adopted', () => {
    const { code, stdout } = run(['coverage', 'policy-city.md', '--since', '令和4年3月版']);
    assert.equal(code, 0);
    assert.match(
      stdout,
      /## 新設・変更された例文の反映状況\n\n令和4年3月版 から guideline-r6\.md への改定で新設・変更された例文 9 件のうち、未反映 5 件/,
    );
    assert.match(stdout, /\| 節 \| 区分 \| 例文（新） \| 旧文・相違 \| 対策基準の条項 \| 状況 \|/);
    assert.match(
      stdout,
      /\| 3\.5\.1 職員等の遵守事項 \| 変更 \| \(1\)③ 職員等は、.* \| \*\*ただし、業務上必要な場合は、.* \| 2―5―1 \(1\) ② \| 未反映（旧文のまま） \|/,
    );
    assert.match(stdout, /\| 3\.2 組織体制 \| 新設 \| \(4\) CISOは、.* \| {2}\| — \| 未反映（対策基準にない） \|/);
    assert.match(stdout, /\| 3\.2 組織体制 \| 変更 \| \(2\) .* \| 2―2 \(2\) \| 反映済み \|/);
    assert.match(
      stdout,
      /### 削除された例文が残っているもの\n\n- 3\.6\.2 \(2\)④ → 2―6―2 \(2\) ④：職員等は、パスワードを定期的に/,
    );
    // A renumbered changed clause names its old number (3.6.3 became 3.6.4).
    assert.match(
      stdout,
      /\| 3\.6\.4 不正プログラム対策 \| 変更 \| \(2\) .* \| 旧 3\.6\.3 \(2\)：.*\*\*ず、ソフトウェアの更新を停止してはならな\*\* \|/,
    );
    // Unchanged clauses are not listed in the section.
    const section = stdout.slice(stdout.indexOf('## 新設・変更'));
    assert.doesNotMatch(section.slice(0, section.indexOf('###')), /3\.6\.2 アクセス制御 \| [^|]* \| \(4\)/);
  });

  test('the HTML report has the same section, with the diff from the old text; English with --lang en', () => {
    const { code, stdout } = run([
      '--lang',
      'en',
      'coverage',
      'policy-city.md',
      '--since',
      '令和4年3月版',
      '--format',
      'html',
    ]);
    assert.equal(code, 0);
    assert.match(stdout, /<h2>New and changed model clauses<\/h2>/);
    assert.match(stdout, /<tr class="changed unreflected">.*<ins>ただし、業務上必要な場合は、/);
    assert.match(stdout, /<td class="status">not reflected \(not in the policy\)<\/td>/);
    assert.match(stdout, /<h3>Deleted model clauses still in the policy<\/h3>/);
  });

  test('OLD as git:REV: the guideline file at a git revision', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-coverage-git-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.jp', ...args], {
        cwd: dir,
        stdio: 'ignore',
      });
    git('init', '-q');
    cpSync(join(DIR, 'guideline-r4.md'), join(dir, 'guideline.md'));
    cpSync(join(DIR, 'policy-city.md'), join(dir, 'policy.md'));
    git('add', '.');
    git('commit', '-qm', '令和4年3月版');
    cpSync(join(DIR, 'guideline-r6.md'), join(dir, 'guideline.md'));
    const { code, stdout, stderr } = run(
      ['coverage', 'guideline.md', 'policy.md', '--since', 'git:HEAD', '--json'],
      dir,
    );
    assert.equal(code, 0, stderr);
    // Without the project file's substitution 情報政策担当部長 → 総務部長, 3.2 (2) is modified, still reflected.
    assert.equal(JSON.parse(stdout).summary.unreflected, 5);
  });

  test('an unknown version or an unreadable file: exit 2 with a message naming it', () => {
    const unknown = run(['coverage', 'policy-city.md', '--since', '令和2年版']);
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.stderr,
      /令和2年版: ファイルがなく、guideline\.config\.json の versions にもこの label の版がありません/,
    );
    const en = run(['--lang', 'en', 'coverage', 'guideline-r6.md', 'policy-city.md', '--since', 'missing.md']);
    assert.equal(en.code, 2);
    assert.match(en.stderr, /missing\.md: no such file, and no version with this label/);
    const badRev = run(['coverage', 'guideline-r6.md', 'policy-city.md', '--since', 'git:--output=x']);
    assert.equal(badRev.code, 2);
    assert.match(badRev.stderr, /git:--output=x: git のリビジョンとして使えません/);
    assert.equal(run(['coverage', 'policy-city.md', '--since']).code, 2);
    // A file that is no earlier guideline (a PDF, the policy itself) would make every 例文 new.
    const notGuideline = run(['coverage', 'policy-city.md', '--since', 'policy-city.md']);
    assert.equal(notGuideline.code, 2);
    assert.match(notGuideline.stderr, /policy-city\.md: 【例文】がありません。--since にはガイドラインの以前の版/);
  });
});
