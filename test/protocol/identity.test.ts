import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, startServer, type TestServer } from './lsp-client';

// A name with a space and parentheses, as ministries write drafts: VS Code spells it %20%28…%29,
// Node's pathToFileURL %20(…). Both must name one document.
const NAME = 'ガイドライン (案).md';
const TEXT =
  '# 地方公共団体における情報セキュリティポリシーに関するガイドライン（案）\n\n## 3.1 組織体制\n\n本文。\n\n## 3.2 情報資産の分類と管理\n\nサーバを置く。サーバを使う。サーバーの管理。\n';

function vscodeSpelling(nodeUri: string): string {
  return nodeUri.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

interface WorkspaceSymbol {
  name: string;
  location: { uri: string };
}

describe('one identity per file: a file read from disk and opened by the editor is one document', () => {
  let dir: string;
  let server: TestServer;
  let nodeUri: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guideline-identity-'));
    writeFileSync(join(dir, NAME), TEXT);
    nodeUri = fileUri(join(dir, NAME));
    assert.ok(nodeUri.includes('(')); // the test means something only if the spellings differ
    server = await startServer({ workspace: dir });
  });
  after(async () => {
    assert.equal(await server.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  async function symbols(query: string): Promise<WorkspaceSymbol[]> {
    return server.request<WorkspaceSymbol[]>('workspace/symbol', { query });
  }

  test('opened with VS Code spelling: one workspace symbol, not two', async () => {
    const uri = vscodeSpelling(nodeUri);
    await server.open(uri, TEXT);
    const found = await symbols('3.2');
    assert.equal(found.filter((s) => s.name.startsWith('3.2')).length, 1, JSON.stringify(found));
    assert.equal(found[0].location.uri, uri);
    const diagnostics = await server.diagnostics(uri);
    assert.equal(diagnostics.filter((d) => d.code === 'katakana-variant').length, 1);
    await server.close(uri);
  });

  test("opened with Node's spelling: still one symbol, and its diagnostics", async () => {
    await server.open(nodeUri, TEXT);
    const found = await symbols('3.2');
    assert.equal(found.filter((s) => s.name.startsWith('3.2')).length, 1, JSON.stringify(found));
    assert.equal((await server.diagnostics(nodeUri)).filter((d) => d.code === 'katakana-variant').length, 1);
    await server.close(nodeUri);
  });

  test('deleted on disk (reported in VS Code spelling): no ghost symbol', async () => {
    rmSync(join(dir, NAME));
    await server.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: vscodeSpelling(nodeUri), type: 3 }],
    });
    const found = await symbols('3.2');
    assert.deepEqual(
      found.filter((s) => s.name.startsWith('3.2')),
      [],
    );
  });
});

describe('comments view data: a round about another document is listed as not about any guideline here', () => {
  test('guideline/commentTree gives the reason; its comments have no target', async () => {
    const { FIXTURES } = await import('../support/paths');
    const server = await startServer({ workspace: join(FIXTURES, 'workspaces/other-rounds') });
    try {
      const tree = await server.request<{
        rounds: Array<{ uri: string; unattached?: string | null; items: Array<{ target: unknown }> }>;
      }>('guideline/commentTree', {});
      const other = tree.rounds.find((r) => r.uri.endsWith('education-pubcomment.yaml'));
      assert.ok(other, JSON.stringify(tree.rounds.map((r) => r.uri)));
      assert.match(other.unattached ?? '', /教育情報セキュリティポリシーに関するガイドライン/);
      assert.ok(other.items.every((item) => item.target === null));
      const own = tree.rounds.find((r) => r.uri.endsWith('kokuji-iken.yaml'));
      assert.equal(own?.unattached, null);
      assert.ok(own?.items.every((item) => item.target !== null));
    } finally {
      assert.equal(await server.shutdown(), 0);
    }
  });
});

describe('the server says when a file looks like comment results but cannot be read', () => {
  test('a warning in the log, in Japanese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-unreadable-'));
    try {
      writeFileSync(join(dir, 'guideline.md'), TEXT);
      writeFileSync(join(dir, 'kekka.txt'), '意見募集の結果\n\n意見と考え方は別紙のとおり。\n');
      writeFileSync(join(dir, 'notes.txt'), '打合せのメモ\n');
      const server = await startServer({ workspace: dir });
      try {
        await server.request('workspace/symbol', { query: '3.1' }); // answered after the workspace is read
        const logs = server.logs.join('\n');
        assert.match(logs, /kekka\.txt: 意見募集の結果らしい文書です/);
        assert.doesNotMatch(logs, /notes\.txt/);
      } finally {
        assert.equal(await server.shutdown(), 0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
