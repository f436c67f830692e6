import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { FIXTURES, REPO_ROOT } from '../support/paths';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'guideline-messages-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Three English words in a row: a sentence, not a file name, an option or a code. */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}[ ,]+[a-z]{2,}[ ,]+[a-z]{2,}\b/;

/**
 * Every line written for a person is Japanese: it has Japanese in it and no English sentence (the
 * old 「not a comment document (no header row 番号 該当箇所 …)」 had Japanese words in an English
 * sentence). Command hints such as `guideline check --help` are code, not sentences.
 */
function assertJapanese(text: string, what: string): void {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  assert.ok(lines.length > 0, `${what}: a message is written`);
  for (const line of lines) {
    assert.match(line, JAPANESE, `${what}: "${line}" is not in Japanese`);
    const prose = line.replace(/guideline(?: [a-z]+)? --help/g, '').replace(/^guideline(?: [a-z]+)?:/, '');
    assert.doesNotMatch(prose, ENGLISH_SENTENCE, `${what}: "${line}" has an English sentence`);
  }
}

// Inputs for the error paths.
writeFileSync(join(dir, 'notes.txt'), '打合せのメモ\n来週までに確認する。\n');
writeFileSync(
  join(dir, 'kekka.txt'),
  '「情報セキュリティ対策の手引き（案）」に対する意見及び考え方\n\n提出意見と考え方は次のとおりです。\n（表は別紙）\n',
);
writeFileSync(join(dir, '意見募集結果.pdf'), '%PDF-1.4\n%\u00e2\u00e3\n');
writeFileSync(join(dir, 'guideline.md'), '# 試験用ガイドライン\n\n## 3.1 組織体制\n\nサーバを置く。\n');
mkdirSync(join(dir, 'folder'));
writeFileSync(join(dir, 'folder', 'guideline.md'), '# 試験用ガイドライン\n\n## 3.1 組織体制\n\n本文。\n');
writeFileSync(join(dir, 'folder', 'kekka.txt'), '意見募集の結果\n\n意見と考え方を示す。\n');
writeFileSync(join(dir, 'folder', 'パブコメ結果.xlsx'), 'PK\u0003\u0004');
writeFileSync(join(dir, 'sjis.md'), iconv.encode('# 試験\n\n## 3.1 組織\n\nサーバーとサーバ。サーバ。\n', 'shift_jis'));
writeFileSync(join(dir, 'target.md'), '# 試験\n\n## 3.1 組織\n\nサーバーとサーバ。サーバ。\n');
symlinkSync(join(dir, 'target.md'), join(dir, 'link.md'));

describe('every CLI error path speaks Japanese under --lang ja', () => {
  const cases: Array<[string, string[]]> = [
    ['unknown command', ['frobnicate']],
    ['unknown option', ['check', '--frob', 'guideline.md']],
    ['option without its value', ['comments', 'notes.txt', '--table']],
    ['bad choice', ['comments', 'notes.txt', '--table', 'xml']],
    ['two outputs', ['comments', 'notes.txt', '--json', '--yaml']],
    ['check without inputs', ['check']],
    ['outline without a file', ['outline']],
    ['comments without a file', ['comments']],
    ['links without inputs', ['links']],
    ['report without a folder', ['report']],
    ['a missing file', ['check', 'missing.md']],
    ['a missing --config', ['--config', 'missing.json', 'check', 'guideline.md']],
    ['lsp without a transport', ['lsp']],
    ['comments on a file that is not a comment document', ['comments', 'notes.txt']],
    ['comments on a result that cannot be read', ['comments', 'kekka.txt']],
    ['a folder given as a file', ['comments', 'folder']],
  ];
  for (const [name, args] of cases) {
    test(name, () => {
      const { code, stderr } = run(['--lang', 'ja', ...args]);
      assert.equal(code, 2, stderr);
      assertJapanese(stderr, name);
    });
  }

  test('report: the summary lines of rounds and files', () => {
    const { code, stdout } = run(['--lang', 'ja', 'report', join(FIXTURES, 'workspaces/other-rounds')]);
    assert.equal(code, 0);
    const summaries = stdout.split('\n').filter((l) => /^ {3}\S.*\d/.test(l) && !l.includes('#'));
    assert.ok(summaries.length >= 2, stdout);
    for (const line of summaries)
      assert.match(line, /^ {3}意見 \d+件：完全一致 \d+、全般 \d+、一部 \d+、未解決 \d+、対象外 \d+$/);
    assert.ok(stdout.includes('対象外 2'), 'the round about another document: 2 comments not about a guideline here');
    const files = stdout.split('\n').filter((l) => l.startsWith('-- '));
    assert.ok(files.length > 0 && files.every((l) => /: 指摘 \d+件$/.test(l)), files.join('\n'));
  });

  test('the same paths in English under --lang en (the fallback)', () => {
    const { stderr } = run(['--lang', 'en', 'comments', 'notes.txt']);
    assert.match(stderr, /not a comment document/);
  });

  test('--fix notes: a Shift_JIS file and a symbolic link are not fixed, said in Japanese', () => {
    const { stderr } = run(['--lang', 'ja', 'check', '--fix', 'sjis.md', 'link.md']);
    assertJapanese(stderr, '--fix');
    assert.match(stderr, /修正しませんでした/);
  });
});

describe('files that look like comment results but cannot be read are warnings, not skipped', () => {
  test('check on a folder: a warning for each, exit 1', () => {
    const { code, stdout } = run(['--lang', 'ja', 'check', 'folder']);
    assert.equal(code, 1, stdout);
    const warnings = stdout.split('\n').filter((l) => l.includes('comment-unreadable'));
    assert.equal(warnings.length, 2, stdout);
    assert.ok(warnings.some((l) => l.startsWith('folder/kekka.txt:1:1 warning') && /「意見」と「考え方」/.test(l)));
    assert.ok(warnings.some((l) => l.includes('パブコメ結果.xlsx') && /Excel/.test(l)));
  });

  test('a PDF named like a result: a warning in the chosen language', () => {
    const { stdout } = run(['--lang', 'en', 'check', '意見募集結果.pdf', 'guideline.md']);
    assert.match(
      stdout,
      /意見募集結果\.pdf:1:1 warning comment-unreadable This PDF file looks like a public-comment result/,
    );
  });

  test('an ordinary text file is still skipped quietly', () => {
    const { stdout } = run(['--lang', 'ja', 'check', 'notes.txt', 'guideline.md']);
    assert.doesNotMatch(stdout, /comment-unreadable/);
  });
});
