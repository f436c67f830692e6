import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, startServer } from './lsp-client';
import type { CodeAction } from 'vscode-languageserver-protocol';

const TEXT = '# 3.1 組織体制\n\n【例文】\n\n職員または委託先は、すでに定めた手順に従い、予め報告する。\n';

test('公用文 rules in the server: the pattern rules at once, the morphological rule once the dictionary is loaded in the background', async () => {
  const root = mkdtempSync(join(tmpdir(), 'guideline-official-'));
  writeFileSync(join(root, 'guideline.config.json'), '{ "official": { "profile": "explanatory" } }');
  const server = await startServer({ workspace: root, settings: { rules: { 'official-adverb-kanji': 'warning' } } });
  try {
    const uri = fileUri(join(root, 'policy.md'));
    await server.open(uri, TEXT);
    const codes = async () => (await server.diagnostics(uri)).map((d) => `${d.range.start.line}:${d.code}`).sort();
    // 【例文】 is notice whatever the project's profile: または is flagged.
    const first = await codes();
    assert.ok(first.includes('4:official-conjunction-kanji'), first.join(' '));
    assert.ok(first.includes('4:official-joyo-kanji'), first.join(' '));
    // The analyser arrives a second or two later (a hang guard, not a timed assertion).
    let found = first;
    for (let i = 0; i < 200 && !found.includes('4:official-adverb-kanji'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = await codes();
    }
    assert.deepEqual(found, ['4:official-adverb-kanji', '4:official-conjunction-kanji', '4:official-joyo-kanji']);
    assert.ok(server.refreshes > 0, 'the client was asked to pull again once the dictionary was loaded');
  } finally {
    await server.shutdown();
  }
});

test('official-compound-noun in the server: once the dictionary is loaded, a quick fix and fix-all write 申込み and keep the verb', async () => {
  const root = mkdtempSync(join(tmpdir(), 'guideline-official-'));
  writeFileSync(join(root, 'guideline.config.json'), '{ "rules": { "official-compound-noun": "warning" } }');
  const server = await startServer({ workspace: root });
  try {
    const uri = fileUri(join(root, 'policy.md'));
    await server.open(uri, '# 3.1 組織体制\n\n申し込みの受付は、窓口で行う。研修に申し込みます。\n');
    const compound = async () => (await server.diagnostics(uri)).filter((d) => d.code === 'official-compound-noun');
    // The analyser arrives a second or two later (a hang guard, not a timed assertion).
    let found = await compound();
    for (let i = 0; i < 200 && found.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = await compound();
    }
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]),
      [[2, 0, 4]],
    );
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: found[0].range,
      context: { diagnostics: found },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, actions.map((a) => a.title).join(' / '));
    assert.deepEqual(
      fix.edit?.changes?.[uri].map((e) => e.newText),
      ['申込み'],
    );
    const fixAll = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.guideline'] },
    });
    assert.deepEqual(
      fixAll[0].edit?.changes?.[uri].map((e) => e.newText),
      ['申込み'],
    );
  } finally {
    await server.shutdown();
  }
});
