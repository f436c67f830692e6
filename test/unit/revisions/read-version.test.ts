import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitShowArgs, readVersion } from '../../../server/src/host/revisions/read-version';
import { parseProjectConfig } from '../../../server/src/core/config/project-config';

const DRAFT = '# ガイドライン（案）\n\n### 3.8.3 ソーシャルメディアサービスの利用\n\nSMSを利用する。\n';
const CURRENT =
  '# ガイドライン\n\n### 3.9.3 ソーシャルメディアサービスの利用\n\nソーシャルメディアサービスを利用する。\n';

function repo(): { dir: string; file: string; marker: string } {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-git-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.jp', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  mkdirSync(join(dir, 'docs'));
  const file = join(dir, 'docs', 'guideline.md');
  writeFileSync(file, DRAFT);
  git('add', '.');
  git('commit', '-qm', 'draft');
  git('tag', 'draft-2015');
  writeFileSync(file, CURRENT);
  git('commit', '-qam', 'revised');
  // A repository may name a program for git to run: it must never run.
  const marker = join(dir, 'fsmonitor-ran');
  const hook = join(dir, 'hook.sh');
  writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\n`);
  chmodSync(hook, 0o755);
  git('config', 'core.fsmonitor', hook);
  return { dir, file, marker };
}

describe('reading a version (host/revisions/read-version)', () => {
  test('a git revision of the current guideline, with the repository fsmonitor hook not run', async () => {
    const { dir, file, marker } = repo();
    for (const revision of ['draft-2015', 'HEAD~1']) {
      const read = await readVersion(
        { label: '2015年案', git: revision, comments: [], range: zero },
        { baseDir: dir, currentGuideline: file, trusted: true },
      );
      assert.ok(read.ok, JSON.stringify(read));
      assert.equal(read.text, DRAFT);
    }
    assert.equal(existsSync(marker), false, 'core.fsmonitor of the repository ran');
  });

  test('git runs with a fixed argument list: fsmonitor off before the command, the revision never an option', () => {
    const args = gitShowArgs('/w/docs/guideline.md', 'v2015');
    const show = args.indexOf('show');
    const fsmonitor = args.indexOf('core.fsmonitor=false');
    assert.ok(fsmonitor > 0 && fsmonitor < show && args[fsmonitor - 1] === '-c');
    assert.deepEqual(args.slice(show), ['show', '--no-textconv', 'v2015:./guideline.md']);
  });

  test('untrusted workspace: git versions are unavailable and no git process starts', async () => {
    const { dir, file } = repo();
    // A fake git first on PATH records any start.
    const bin = mkdtempSync(join(tmpdir(), 'guideline-fake-git-'));
    const started = join(bin, 'started');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\ntouch '${started}'\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      const read = await readVersion(
        { label: '2015年案', git: 'draft-2015', comments: [], range: zero },
        { baseDir: dir, currentGuideline: file, trusted: false },
      );
      assert.equal(read.ok, false);
      assert.ok(!read.ok && read.unavailable);
      assert.ok(!read.ok && read.message.ja.includes('信頼されていないワークスペース'));
    } finally {
      process.env.PATH = path;
    }
    assert.equal(existsSync(started), false);
  });

  test('clear messages: unknown revision, not a repository, missing file', async () => {
    const { dir, file } = repo();
    const unknown = await readVersion(
      { label: '2014年版', git: 'no-such-tag', comments: [], range: zero },
      { baseDir: dir, currentGuideline: file, trusted: true },
    );
    assert.ok(
      !unknown.ok && !unknown.unavailable && unknown.message.ja.startsWith('版「2014年版」を git から読めません'),
    );
    const plain = mkdtempSync(join(tmpdir(), 'guideline-nogit-'));
    writeFileSync(join(plain, 'g.md'), CURRENT);
    const notRepo = await readVersion(
      { label: '2014年版', git: 'HEAD', comments: [], range: zero },
      { baseDir: plain, currentGuideline: join(plain, 'g.md'), trusted: true },
    );
    assert.ok(!notRepo.ok && /git から読めません/.test(notRepo.message.ja));
    const missing = await readVersion(
      { label: '2015年案', file: 'versions/none.md', comments: [], range: zero },
      { baseDir: plain, currentGuideline: null, trusted: true },
    );
    assert.ok(!missing.ok && missing.message.ja.includes('「versions/none.md」を読めません'));
  });

  test('a file version is read relative to the configuration folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-file-'));
    mkdirSync(join(dir, 'versions'));
    writeFileSync(join(dir, 'versions', '2015-draft.md'), DRAFT);
    const read = await readVersion(
      { label: '2015年案', file: 'versions/2015-draft.md', comments: [], range: zero },
      { baseDir: dir, currentGuideline: null, trusted: false },
    );
    assert.ok(read.ok && read.text === DRAFT);
  });
});

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('versions in guideline.config.json', () => {
  test('entries parse with their comments; mistakes are reported where they are, in Japanese and English', () => {
    const text = [
      '{',
      '  "versions": [',
      '    { "label": "2015年3月 意見募集案", "file": "versions/2015-draft.md", "comments": ["c/2015.txt"] },',
      '    { "label": "2014年版", "git": "v2014" },',
      '    { "label": "両方", "file": "a.md", "git": "v1" },',
      '    { "file": "b.md" },',
      '    { "label": "危険", "git": "--upload-pack=touch" }',
      '  ]',
      '}',
    ].join('\n');
    const { config, problems } = parseProjectConfig(text);
    assert.deepEqual(
      config.versions.map(({ range: _r, ...v }) => v),
      [
        { label: '2015年3月 意見募集案', file: 'versions/2015-draft.md', comments: ['c/2015.txt'] },
        { label: '2014年版', git: 'v2014', comments: [] },
      ],
    );
    assert.equal(config.versions[1].range.start.line, 3);
    const messages = problems.map((p) => `${p.range.start.line}:${p.message.ja}`);
    assert.ok(
      messages.some((m) => m.startsWith('4:') && m.includes('どちらか一つ')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('5:') && m.includes('「label」')),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('6:') && m.includes('--upload-pack=touch')),
      messages.join('\n'),
    );
    assert.ok(problems.every((p) => p.message.en.length > 0));
  });
});
