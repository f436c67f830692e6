import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { FIXTURES, REPO_ROOT } from '../support/paths';

// The heavy libraries each in a bundle of their own (scripts/build.mjs, server/src/host/lazy/libraries.ts).
const LAZY = ['unpdf', 'docx', 'fflate', 'iconv-lite', 'kuromoji'];

/**
 * The built dist/ copied to a folder with no node_modules above it, as the .vsix installs it: every
 * command that needs a lazily loaded library must find it next to the bundle, not in the repository.
 */
let dist = '';
let work = '';

function run(args: string[], cwd = work) {
  const result = spawnSync(process.execPath, [join(dist, 'cli.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'ja_JP.UTF-8' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const isZip = (path: string) => readFileSync(path).subarray(0, 2).toString() === 'PK';

describe('the lazily loaded bundles (dist/lazy)', () => {
  before(() => {
    const root = mkdtempSync(join(tmpdir(), 'guideline-dist-'));
    dist = join(root, 'dist');
    cpSync(resolve(REPO_ROOT, 'dist'), dist, { recursive: true });
    work = join(root, 'work');
    cpSync(join(FIXTURES, 'revisions'), work, { recursive: true });
  });

  test('each heavy library is a bundle of its own; the entry loads the commands or the server, not both', () => {
    for (const name of LAZY) assert.ok(existsSync(join(dist, 'lazy', `${name}.js`)), name);
    const bundle = (name: string) => readFileSync(join(dist, name), 'utf8');
    for (const name of ['cli.js', 'commands.js', 'server.js'])
      for (const library of LAZY)
        assert.ok(!bundle(name).includes(`// node_modules/${library}/`), `${library} in ${name}`);
    // `guideline check` never parses the language server's library; the entry holds neither program.
    assert.ok(!bundle('commands.js').includes('// node_modules/vscode-languageserver/'));
    assert.ok(statSync(join(dist, 'cli.js')).size < 100_000);
  });

  test('--version from the entry alone; lsp without a transport is a usage error in Japanese', () => {
    assert.match(run(['--version']).stdout.trim(), /^\d+\.\d+\.\d+$/);
    const lsp = run(['lsp']);
    assert.equal(lsp.code, 2);
    assert.match(lsp.stderr, /^guideline lsp: 通信方法を指定してください/);
    assert.match(run(['--lang', 'en', 'lsp', '--help']).stdout, /^Usage: guideline lsp --stdio/);
  });

  test('a published comment result read from its PDF (pdf.js)', () => {
    const pdf = join(FIXTURES, 'comments', 'layouts', 'chapter-groups-unnumbered.pdf');
    const { code, stdout, stderr } = run(['comments', pdf, '--json']);
    assert.equal(code, 0, stderr);
    assert.ok(JSON.parse(stdout).comments.length > 0);
  });

  test('comments exported as .xlsx (fflate), .docx (docx) and Shift_JIS CSV (iconv-lite)', () => {
    const source = join(FIXTURES, 'comments', 'comments.yaml');
    for (const format of ['xlsx', 'docx']) {
      const out = join(work, `export.${format}`);
      const { code, stderr } = run(['comments', source, '--table', format, '--out', out]);
      assert.equal(code, 0, stderr);
      assert.ok(isZip(out), format);
    }
    const out = join(work, 'export-sjis.csv');
    const { code, stderr } = run(['comments', source, '--table', 'csv-sjis', '--out', out]);
    assert.equal(code, 0, stderr);
    // 「意見」 in CP932, not in UTF-8.
    assert.ok(readFileSync(out).includes(Buffer.from([0x88, 0xd3, 0x8c, 0xa9])));
  });

  test('guideline import of a Word document and of a PDF', () => {
    for (const name of ['guideline-word.docx', 'guideline-report.pdf']) {
      const out = join(work, `${name}.md`);
      const { code, stderr } = run(['import', join(FIXTURES, 'import', name), '-o', out]);
      assert.ok(code === 0 || code === 1, `${name}: ${stderr}`);
      assert.match(readFileSync(out, 'utf8'), /^#/m, name);
    }
  });

  test('the 新旧対照表 as Word (docx)', () => {
    const out = join(work, 'table.docx');
    const { code, stderr } = run(['diff', 'versions/2015-draft.md', 'revised.md', '--format', 'docx', '-o', out]);
    assert.equal(code, 0, stderr);
    assert.ok(isZip(out));
  });

  test('check with a morphological rule on (kuromoji and the shipped dictionary)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-morph-'));
    const doc = join(dir, 'policy.md');
    writeFileSync(doc, '# 3.1 組織体制\n\n職員は、かならず報告する。\n');
    writeFileSync(join(dir, 'guideline.config.json'), '{ "rules": { "official-adverb-kanji": "warning" } }');
    const { stdout, stderr } = run(['check', doc], dir);
    assert.equal(stderr, '');
    assert.match(stdout, /official-adverb-kanji 「かならず」は「必ず」/);
  });

  test("kuromoji's bundle carries its dictionary loader: the one replaced (no second copy of each file) is the one the builder uses", async () => {
    const library = createRequire(__filename)(join(dist, 'lazy', 'kuromoji.js')) as {
      kuromoji: { builder(o: { dicPath: string }): { build(done: (e: unknown, t: unknown) => void): void } };
      NodeDictionaryLoader: { prototype: { loadArrayBuffer(file: string, done: unknown): void } };
    };
    const { prototype } = library.NodeDictionaryLoader;
    const original = prototype.loadArrayBuffer;
    const files: string[] = [];
    prototype.loadArrayBuffer = function (this: unknown, file: string, done: unknown) {
      files.push(file);
      return original.call(this, file, done);
    };
    try {
      await new Promise((resolve, reject) =>
        library.kuromoji.builder({ dicPath: join(dist, 'dict') }).build((e, t) => (e ? reject(e) : resolve(t))),
      );
    } finally {
      prototype.loadArrayBuffer = original;
    }
    assert.ok(files.some((f) => f.endsWith('base.dat.gz')));
  });
});
