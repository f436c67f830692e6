import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, startServer, type TestServer } from './lsp-client';

const GUIDELINE = [
  '### 3.6.1 コンピュータ及びネットワークの管理',
  '',
  '情報システム管理者は、情報セキュリティポリシ｜に従い、サーバの設定を管理しなければならない。',
  '',
  'サーバー室への入室は記録する。サーバーの保守は委託する。サーバは施錠する。',
  '',
  'SMSでの情報発信は、アカウントの管理者を定めて行う。SMS認証は多要素認証の一つである。',
  '',
  '職員ら及び委託先は、Webサイトの更新手順を守る。',
  '',
  '<!-- guideline-disable-next-line long-vowel-mark -->',
  '意図的な表記：ポリシ｜（図表5の原文どおり）。',
  '',
].join('\n');

function workspace(config: object | string, dictionary?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'guideline-checks-'));
  mkdirSync(join(root, 'dict'));
  writeFileSync(
    join(root, 'guideline.config.json'),
    typeof config === 'string' ? config : JSON.stringify(config, null, 2),
  );
  if (dictionary) writeFileSync(join(root, 'dict/local.yml'), dictionary);
  writeFileSync(join(root, 'guideline.md'), GUIDELINE);
  return root;
}

const DICTIONARY = [
  'version: 1',
  'rules:',
  '  - expected: ウェブサイト',
  '    pattern: Webサイト',
  '    prh: 総務省の表記に合わせる',
  '  - expected: 職員等',
  '    pattern: 職員ら',
  '',
].join('\n');

type Diagnostic = Awaited<ReturnType<TestServer['diagnostics']>>[number];
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> };
}

describe('language server over stdio: notation checks, code actions, project file, dictionaries', () => {
  let server: TestServer;
  let root: string;
  let uri: string;
  before(async () => {
    root = workspace(
      {
        rules: { 'katakana-variant': 'warning' },
        dictionaries: ['dict/local.yml'],
        preferredKatakana: { サーバー: 'サーバ' },
      },
      DICTIONARY,
    );
    uri = fileUri(join(root, 'guideline.md'));
    server = await startServer({ workspace: root });
    await server.open(uri, GUIDELINE);
  });
  after(async () => {
    await server.shutdown();
  });

  test('diagnostics: long vowel, terminology, katakana variant (severity from the project file), prh rules', async () => {
    const diagnostics = await server.diagnostics(uri);
    const summary = diagnostics.map((d) => [d.code, d.range.start.line, d.severity]);
    assert.deepEqual(summary, [
      ['long-vowel-mark', 2, 2],
      ['katakana-variant', 4, 2],
      ['katakana-variant', 4, 2],
      ['terminology', 6, 2],
      ['prh', 8, 2],
      ['prh', 8, 2],
    ]);
    assert.match(
      diagnostics.find((d) => d.code === 'prh' && d.message.includes('ウェブサイト'))!.message,
      /総務省の表記に合わせる/,
    );
  });

  test('quick fix for a diagnostic, preferred and replacing only the mistaken character', async () => {
    const [diagnostic] = (await server.diagnostics(uri)).filter((d) => d.code === 'long-vowel-mark');
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit.changes[uri], [
      { range: { start: { line: 2, character: 22 }, end: { line: 2, character: 23 } }, newText: 'ー' },
    ]);
  });

  test('fix all of a word (katakana variant) and source.fixAll.guideline', async () => {
    const [variant] = (await server.diagnostics(uri)).filter((d) => d.code === 'katakana-variant');
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: variant.range,
      context: { diagnostics: [variant] },
    });
    const word = actions.find((a) => a.title === '「サーバー」をすべて「サーバ」に修正（2件）')!;
    assert.ok(word, actions.map((a) => a.title).join(' / '));
    assert.equal(word.edit.changes[uri].length, 2);
    const fixAll = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.guideline'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, 'source.fixAll.guideline');
    const texts = fixAll[0].edit.changes[uri].map((e) => e.newText).sort();
    // SMS next to 情報発信 and アカウント means social media: safe to fix; SMS認証 is left alone.
    assert.deepEqual(texts, ['ウェブサイト', 'サーバ', 'サーバ', 'ソーシャルメディアサービス', 'ー', '職員等'].sort());
    // The title says what it does (n fixes of m kinds) with rule names, not codes, in a Japanese label.
    assert.match(fixAll[0].title, /^表記の問題をすべて修正（6件・\d種類：/);
    assert.doesNotMatch(fixAll[0].title, /[a-z]+-[a-z]+/);
  });

  test('suppression comments silence the next line', async () => {
    assert.ok(!(await server.diagnostics(uri)).some((d) => d.range.start.line === 11));
  });

  test('a broken project file: diagnostics at line and column in guideline.config.json, defaults kept', async () => {
    const broken = workspace('{\n  "rules": { "long-vowel-mark": "loud" },\n  "colour": true\n}\n');
    const other = await startServer({ workspace: broken });
    try {
      const configUri = fileUri(join(broken, 'guideline.config.json'));
      await other.open(configUri, '', 'json');
      const problems = await other.diagnostics(configUri);
      assert.deepEqual(
        problems.map((p) => [p.code, p.range.start.line, p.range.start.character]),
        [
          ['config-value', 1, 32],
          ['config-unknown-key', 2, 2],
        ],
      );
      const guideline = fileUri(join(broken, 'guideline.md'));
      await other.open(guideline, GUIDELINE);
      assert.ok(
        (await other.diagnostics(guideline)).some((d) => d.code === 'long-vowel-mark'),
        'the server keeps checking',
      );
    } finally {
      await other.shutdown();
    }
  });

  test('a broken dictionary: diagnostics in the dictionary file, the other rules still run', async () => {
    const bad = workspace(
      { dictionaries: ['dict/local.yml'] },
      'version: 1\nrules:\n  - expected: 及び\n    pattern: /(および+)+$/\n  - expected: ウェブサイト\n    pattern: Webサイト\n',
    );
    const other = await startServer({ workspace: bad });
    try {
      const dictUri = fileUri(join(bad, 'dict/local.yml'));
      await other.open(dictUri, '', 'yaml');
      const problems = await other.diagnostics(dictUri);
      assert.equal(problems[0].code, 'prh-unsafe-regex');
      assert.equal(problems[0].range.start.line, 3);
      const guideline = fileUri(join(bad, 'guideline.md'));
      await other.open(guideline, GUIDELINE);
      assert.ok(
        (await other.diagnostics(guideline)).some((d) => d.code === 'prh' && d.message.includes('ウェブサイト')),
      );
    } finally {
      await other.shutdown();
    }
  });

  test('Restricted Mode (untrusted): workspace dictionaries are not loaded, built-in rules run', async () => {
    const other = await startServer({ workspace: root, initializationOptions: { trusted: false } });
    try {
      await other.open(uri, GUIDELINE);
      const codes = (await other.diagnostics(uri)).map((d) => d.code);
      assert.ok(!codes.includes('prh'));
      assert.ok(codes.includes('long-vowel-mark'));
    } finally {
      await other.shutdown();
    }
  });
});
