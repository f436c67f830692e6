/**
 * Broken configuration and dictionaries: the project file (guideline.config.json) and prh
 * dictionaries that are invalid, missing, cyclic or hold catastrophic-backtracking patterns. Each is
 * a problem with a file and a position, in the core, the host and the CLI; nothing throws or hangs.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parseProjectConfig } from '../../../server/src/core/config/project-config';
import { loadProject } from '../../../server/src/host/project';
import { checkDocument } from '../../../server/src/core/checks/document';
import { defaultCheckConfig } from '../../../server/src/core/checks/config';
import { REPO_ROOT } from '../../support/paths';

const HANG_GUARD = { timeout: 60_000 };
const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-reliability-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function cli(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 30,
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const GUIDELINE = '# ガイドライン\n\n### 3.1 目的\n\n職員等はサーバを管理する。使用者の確認を行う。\n';
const EVIL = [
  'version: 1',
  'rules:',
  '  - expected: a',
  '    pattern: /(a+)+$/',
  '  - expected: b',
  '    pattern: /(.*)*x/',
  '  - expected: 利用者',
  '    pattern: 使用者',
].join('\n');

describe('project file: invalid, wrong shapes', () => {
  test('invalid JSON/YAML gives problems with positions and the defaults', () => {
    for (const text of [
      '{',
      '{"rules": {"long-vowel-mark": "loud"}}',
      '{"dictionaries": 3}',
      '[1, 2]',
      '{"rules": {',
      '{"a": 1, "a": 2}',
      '\u0000',
      '"just a string"',
      '{"comments": {"files": [1]}}',
    ]) {
      const { config, problems } = parseProjectConfig(text);
      assert.ok(config, text);
      assert.ok(problems.length > 0, `problem for ${JSON.stringify(text)}`);
      for (const p of problems)
        assert.ok(p.range.start.line >= 0 && p.range.start.character >= 0 && p.message.ja && p.message.en);
    }
  });

  test('property: any text parses to a config and problems, never throws', () => {
    const json = fc.json().map((j) => j);
    fc.assert(
      fc.property(
        fc.oneof(
          json,
          fc.string({ maxLength: 60 }),
          fc.jsonValue().map((v) => JSON.stringify({ rules: v, dictionaries: v, comments: v, preferredKatakana: v })),
        ),
        (text) => {
          const { config, problems } = parseProjectConfig(text);
          assert.ok(Array.isArray(config.dictionaries) && Array.isArray(problems));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dictionaries: missing, cyclic, invalid, catastrophic patterns (host)', () => {
  const dir = workspace({
    'guideline.config.json': JSON.stringify({
      dictionaries: ['missing.yml', 'dict/a.yml', 'dict/bad.yml', 'dict/evil.yml'],
    }),
    'dict/a.yml':
      'version: 1\nimports:\n  - ./b.yml\n  - ./nowhere.yml\nrules:\n  - expected: 利用者\n    pattern: 使用者\n',
    'dict/b.yml': 'version: 1\nimports:\n  - ./a.yml\nrules:\n  - サーバー\n',
    'dict/bad.yml': 'version: 1\nrules:\n  - expected: [unclosed\n',
    'dict/evil.yml': EVIL,
    'guide.md': GUIDELINE,
  });

  test('every broken dictionary is a problem at its file; the good rules still load', HANG_GUARD, () => {
    const project = loadProject(join(dir, 'guideline.config.json'), { trusted: true });
    const codes = [...project.dictionaryProblems.entries()].flatMap(([path, problems]) =>
      problems.map((p) => `${path.slice(dir.length + 1)}:${p.code}`),
    );
    assert.ok(
      codes.some((c) => c.startsWith('guideline.config.json:prh-import')),
      `missing dictionary: ${codes}`,
    );
    assert.ok(
      codes.some((c) => c.startsWith('dict/') && /cycle|import/.test(c)),
      `cycle or missing import: ${codes}`,
    );
    assert.ok(
      codes.some((c) => c.startsWith('dict/bad.yml:')),
      `invalid YAML: ${codes}`,
    );
    assert.ok(codes.filter((c) => c.startsWith('dict/evil.yml:')).length >= 2, `unsafe patterns: ${codes}`);
    assert.ok(
      project.prhRules.some((r) => r.expected === '利用者'),
      'the good rules load',
    );
    const findings = checkDocument(
      'guide.md',
      `${'a'.repeat(50_000)}!\n${GUIDELINE}`,
      { ...defaultCheckConfig(), prh: project.prhRules },
      'ja',
    );
    assert.ok(findings.some((f) => f.message.includes('利用者')));
  });

  test('an untrusted workspace reads no dictionary at all', () => {
    const project = loadProject(join(dir, 'guideline.config.json'), { trusted: false });
    assert.deepEqual([project.prhRules.length, project.dictionaryFiles.length], [0, 0]);
  });

  test('CLI: warnings with file:line:col, the check still runs, exit code 1 (findings), no crash', HANG_GUARD, () => {
    const r = cli(dir, 'check', 'guide.md');
    assert.equal(r.signal, null);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^guideline\.config\.json:\d+:\d+ (?:warning|error) prh-import /m);
    assert.match(r.stderr, /^dict\/bad\.yml:\d+:\d+ (?:warning|error) /m);
    assert.match(r.stderr, /^dict\/evil\.yml:\d+:\d+ (?:warning|error) /m);
    assert.match(r.stdout, /guide\.md:5:\d+ .*利用者/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+|TypeError|RangeError/);
  });

  test('CLI: an invalid project file is a warning at its position', HANG_GUARD, () => {
    const broken = workspace({
      'guideline.config.json': '{\n  "rules": {\n    "long-vowel-mark": "loud",\n  ',
      'guide.md': GUIDELINE,
    });
    const r = cli(broken, 'check', 'guide.md');
    assert.equal(r.signal, null);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(r.stderr, /^guideline\.config\.json:\d+:\d+ (?:warning|error) config-syntax /m);
  });

  test('CLI: a missing --config file and a folder as --config are clear errors or warnings', HANG_GUARD, () => {
    for (const config of ['nowhere.json', '.']) {
      const r = cli(dir, '--config', config, 'check', 'guide.md');
      assert.equal(r.signal, null);
      assert.ok(r.code !== null && r.code <= 2);
      assert.match(r.stderr, /nowhere\.json|config|設定/i);
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
    }
  });
});

describe('CLI on hostile guidelines and comment files', () => {
  test('deep nesting, a 1 MB line, Shift_JIS Markdown, a truncated UTF-16 comment file', HANG_GUARD, () => {
    const dir = workspace({
      'nested.md': `# 3.1 見出し\n\n${Array.from({ length: 3000 }, (_, k) => `${'  '.repeat(k)}- 項目`).join('\n')}\n`,
      'long.md': `# 3.1 見出し\n\n${'[a](<br>`x'.repeat(100_000)}\n`,
    });
    writeFileSync(join(dir, 'sjis.md'), Buffer.from([0x23, 0x20, 0x83, 0x54, 0x81, 0x5b, 0x83, 0x6f, 0x0a]));
    const csv = Buffer.from(
      '\uFEFF番号,該当箇所,提出者,意見,考え方\r\n1,3.1,個人,意見です。,参考とします。\r\n',
      'utf16le',
    );
    writeFileSync(join(dir, 'comments.csv'), csv.subarray(0, csv.length - 1));
    const r = cli(dir, 'check', '.');
    assert.equal(r.signal, null);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+|RangeError|TypeError/);
    assert.match(r.stdout, /^comments\.csv:\d+:\d+ \w+ comment-encoding /m);
  });
});
