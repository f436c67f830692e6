import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXAMPLES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function run(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'ja_JP.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-cli-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('guideline CLI', () => {
  test('--version prints the package version', () => {
    const { code, stdout } = run(['--version']);
    assert.equal(code, 0);
    assert.match(stdout.trim(), /^\d+\.\d+\.\d+$/);
  });

  test('--help on the tool and on every command', () => {
    assert.match(run(['--help']).stdout, /Commands:/);
    for (const command of ['check', 'outline', 'report', 'lsp']) {
      const { code, stdout } = run([command, '--help']);
      assert.equal(code, 0, command);
      assert.match(stdout, new RegExp(`Usage: guideline ${command}`), command);
    }
  });

  test('check: file:line:col severity code message, exit 1 on warnings', () => {
    const { code, stdout } = run(['check', 'examples']);
    assert.equal(code, 1);
    assert.match(stdout, /^examples\/guideline\/security-policy-guideline\.md:\d+:\d+ warning xref-title-mismatch 「3\.6\.1」の見出しは/m);
  });

  test('check: exit 0 when clean', () => {
    const path = tempFile('clean.md', '### 3.1 組織体制\n\n(1) 最高情報セキュリティ責任者\n\n(2) 統括情報セキュリティ責任者\n');
    const { code, stdout } = run(['check', path]);
    assert.equal(code, 0);
    assert.equal(stdout, '');
  });

  test('check --json: LSP diagnostics with 0-based ranges and a code on each', () => {
    const { code, stdout } = run(['check', '--json', 'examples']);
    assert.equal(code, 1);
    const json = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; range: { start: { line: number } }; severity: number; message: string }> }> };
    const file = json.files.find((f) => f.path.endsWith('security-policy-guideline.md'))!;
    const mismatch = file.diagnostics.find((d) => d.code === 'xref-title-mismatch')!;
    const human = run(['check', 'examples']).stdout.split('\n').find((l) => l.startsWith(file.path) && l.includes('xref-title-mismatch'))!;
    assert.equal(Number(human.split(':')[1]), mismatch.range.start.line + 1);
    for (const d of file.diagnostics) assert.ok(typeof d.code === 'string' && d.code.length > 0);
  });

  test('usage and I/O errors exit 2 with a clear message', () => {
    const missing = run(['check', 'no/such/place.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no\/such\/place\.md: no such file or folder/);
    assert.equal(run(['check']).code, 2);
    const unknown = run(['check', '--frobnicate', 'examples']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option: --frobnicate/);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['lsp']).code, 2);
  });

  test('outline prints the tree; --json gives kinds, numbers and ranges', () => {
    const file = join(EXAMPLES, 'guideline/security-policy-guideline.md');
    const text = run(['outline', file]).stdout;
    assert.match(text, /^ {4}3\.6 技術的セキュリティ {2}\(\d+\)$/m);
    assert.match(text, /^ {6}3\.6\.2 アクセス制御 {2}\(\d+\)$/m);
    interface OutlineNode { kind: string; number: string | null; children: OutlineNode[] }
    const json = JSON.parse(run(['outline', '--json', file]).stdout) as { children: OutlineNode[] };
    const chapters = json.children.flatMap((c): OutlineNode[] => (c.kind === 'chapter' ? [c] : c.children)).filter((c) => c.kind === 'chapter');
    assert.deepEqual(chapters.map((c) => c.number), ['1', '2', '3']);
  });

  test('--lang en switches messages to English', () => {
    const { stdout } = run(['--lang', 'en', 'check', 'examples']);
    assert.match(stdout, /warning xref-unknown-section Section 3\.10\.2 does not exist\./);
  });
});
