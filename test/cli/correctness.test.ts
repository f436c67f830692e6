import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function run(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('guideline links: rounds about other documents', () => {
  const dir = resolve(FIXTURES, 'workspaces/other-rounds');

  test('--json: target null with a reason, never attached to the guideline by default', () => {
    const { code, stdout } = run(['links', dir, '--json', '--lang', 'ja']);
    assert.equal(code, 0);
    const { links } = JSON.parse(stdout) as {
      links: Array<{
        comment: { file: string; number: number };
        target: unknown;
        reason?: string;
        reasonText?: string;
      }>;
    };
    const other = links.filter((l) => l.comment.file.endsWith('education-pubcomment.yaml'));
    assert.equal(other.length, 2);
    for (const link of other) {
      assert.equal(link.target, null);
      assert.equal(link.reason, 'names-other-document');
      assert.match(link.reasonText ?? '', /教育情報セキュリティポリシーに関するガイドライン/);
    }
    const own = links.find((l) => l.comment.file.endsWith('kokuji-iken.yaml'));
    assert.ok(own?.target, 'a round that names no document belongs to the only guideline');
  });

  test('check: the comment file says once that it is about another document', () => {
    const { stdout } = run(['check', dir, '--lang', 'ja']);
    const lines = stdout.split('\n').filter((l) => l.includes('education-pubcomment.yaml'));
    assert.equal(lines.filter((l) => l.includes('comment-unattached')).length, 1, stdout);
    assert.ok(!lines.some((l) => l.includes('comment-unresolved')), stdout);
  });
});
