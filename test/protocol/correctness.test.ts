import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { startServer, type TestServer } from './lsp-client';

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

interface DocumentSymbol {
  name: string;
  children?: DocumentSymbol[];
}

function names(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
}

describe('correctness on real documents, over the protocol', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    assert.equal(await server.shutdown(), 0);
  });

  test('PDF-wrapped guideline: no diagnostic on a wrapped word, fix-all proposes no edit', async () => {
    const uri = 'untitled:wrapped-guideline.md';
    const text = readFileSync(join(FIXTURES, 'checks/wrapped/pdf-wrapped-guideline.md'), 'utf8');
    await server.open(uri, text);
    const diagnostics = await server.diagnostics(uri);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'katakana-variant'),
      [],
    );
    const fixAll = await server.request<Array<{ edit?: { changes: Record<string, Edit[]> } }>>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.guideline'] },
      },
    );
    const edits = fixAll.flatMap((a) => a.edit?.changes[uri] ?? []);
    assert.deepEqual(edits, []);
    await server.close(uri);
  });

  test('a wrapped variant: the quick fix keeps the line break and is not preferred', async () => {
    const uri = 'untitled:wrapped-variant.md';
    const text = 'サーバを置く。サーバを使う。サーバの管理。サーバ\nーの設定。\n';
    await server.open(uri, text);
    const [variant] = (await server.diagnostics(uri)).filter((d) => d.code === 'katakana-variant');
    assert.ok(variant);
    const actions = await server.request<
      Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, Edit[]> } }>
    >('textDocument/codeAction', { textDocument: { uri }, range: variant.range, context: { diagnostics: [variant] } });
    const quick = actions.find((a) => a.title.includes('「サーバ」に置き換える'));
    assert.ok(quick, actions.map((a) => a.title).join(' / '));
    assert.notEqual(quick.isPreferred, true);
    // Deletes only the ー on the next line: the line break stays.
    assert.deepEqual(quick.edit.changes[uri], [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: '' },
    ]);
    await server.close(uri);
  });

  test('numbering: a preface numbered twice, then 1 — duplicates, no order error', async () => {
    const uri = 'untitled:preface.md';
    await server.open(
      uri,
      '### 0.1 背景\n\n本文。\n\n### 0.2 要点\n\n本文。\n\n### 0.1 一般\n\n本文。\n\n### 0.2 構成\n\n本文。\n\n## 1 総則\n\n本文。\n',
    );
    const codes = (await server.diagnostics(uri)).map((d) => d.code).filter((c) => c.startsWith('numbering-'));
    assert.deepEqual(codes, ['numbering-duplicate', 'numbering-duplicate']);
    await server.close(uri);
  });

  test('outline: a sentence beginning with 図表2 is not a figure', async () => {
    const uri = 'untitled:figure.md';
    await server.open(uri, '## 3.1 情報資産の分類\n\n図表2に示す情報資産とする。\n\n図表2 情報資産の例\n');
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const figures = names(symbols).filter((n) => n.startsWith('図表'));
    assert.deepEqual(figures, ['図表2 情報資産の例']);
    await server.close(uri);
  });
});
