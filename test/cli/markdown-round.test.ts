/**
 * The CLI takes a Markdown comment table among its inputs as a round, like the server
 * (core/comments/markdown-role.ts): `links` finds its comments, `check` does not check it as a
 * guideline, and a table this tool exported is neither.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
const dir = resolve(FIXTURES, 'workspaces/markdown-round');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('guideline CLI: a comment round kept as a Markdown table', () => {
  test('links: the Markdown round’s comments link to the guideline; the export adds none', () => {
    const { code, stdout, stderr } = run(['links', dir, '--json']);
    assert.equal(code, 0, stderr);
    const { links } = JSON.parse(stdout) as {
      links: Array<{ comment: { file: string; number: number }; target: { section?: string } | null }>;
    };
    assert.deepEqual(
      links.map((l) => [l.comment.file.replace(/^.*[\\/]/, ''), l.comment.number]),
      [
        ['team-round.md', 1],
        ['team-round.md', 2],
      ],
    );
  });

  test('check: the round file gets comment findings only, not the guideline checks; the export none', () => {
    const { stdout } = run(['check', dir, '--json']);
    const { files } = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
    const round = files.find((f) => f.path.endsWith('team-round.md'));
    assert.ok(round);
    assert.ok(
      round.diagnostics.every((d) => d.code.startsWith('comment')),
      JSON.stringify(round.diagnostics),
    );
    assert.equal(
      files.find((f) => f.path.endsWith('exported.md')),
      undefined,
    );
  });
});
