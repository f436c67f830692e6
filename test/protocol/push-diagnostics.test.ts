import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES } from '../support/paths';
import { fileUri, startServer, type TestServer } from './lsp-client';

/** Waits (without a time assertion) until the server has pushed diagnostics for `uri` that satisfy `ok`. */
async function pushed(
  server: TestServer,
  uri: string,
  ok: (d: Array<{ code: string; message: string }>) => boolean,
  from = 0,
): Promise<Array<{ code: string; message: string }>> {
  for (let i = 0; i < 1500; i++) {
    const hit = server.published.slice(from).filter((p) => p.uri === uri);
    const last = hit[hit.length - 1];
    if (last && ok(last.diagnostics)) return last.diagnostics;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`no matching diagnostics pushed for ${uri}: ${JSON.stringify(server.published.map((p) => p.uri))}`);
}

describe('push diagnostics for clients without pull support (Neovim 0.7, eglot …)', () => {
  let dir: string;
  let server: TestServer;
  let guidelineUri: string;
  let text: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guideline-push-'));
    cpSync(EXAMPLES, dir, { recursive: true });
    const path = join(dir, 'guideline/security-policy-guideline.md');
    guidelineUri = fileUri(path);
    text = readFileSync(path, 'utf8');
    server = await startServer({ workspace: dir, pullDiagnostics: false });
  });
  after(async () => {
    assert.equal(await server.shutdown(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  test('opening a guideline pushes its findings, comment diagnostics included', async () => {
    await server.open(guidelineUri, text);
    const diagnostics = await pushed(server, guidelineUri, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => d.code === 'comment-accepted'));
    assert.ok(diagnostics.some((d) => d.code === 'xref-title-mismatch' || d.code.startsWith('numbering-')));
  });

  test('an edit is pushed again (debounced), for the new text', async () => {
    const from = server.published.length;
    await server.change(guidelineUri, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'ポリシ｜を定める。\n\n' },
    ]);
    const diagnostics = await pushed(server, guidelineUri, (d) => d.some((x) => x.code === 'long-vowel-mark'), from);
    assert.ok(diagnostics.some((d) => d.code === 'long-vowel-mark'));
  });

  test('a comment document opened: the guideline is pushed again with its comment', async () => {
    const from = server.published.length;
    const yamlUri = fileUri(join(dir, 'comments/extra.yaml'));
    await server.open(
      yamlUri,
      'title: 追加の意見\ncomments:\n  - number: 1\n    location: "3.4.1 【例文】（1）"\n    submitter: 個人\n    opinion: 耐震対策について明記してほしい。\n    response: ご指摘を踏まえ、耐震対策について追記いたします。\n',
      'yaml',
    );
    await pushed(
      server,
      guidelineUri,
      (d) => d.some((x) => x.message.includes('耐震対策について追記いたします')),
      from,
    );
  });

  test('a settings change pushes the open documents again', async () => {
    const from = server.published.length;
    server.settings = { comments: { diagnostics: 'off' } };
    await server.notify('workspace/didChangeConfiguration', { settings: null });
    await pushed(server, guidelineUri, (d) => d.length > 0 && !d.some((x) => x.code.startsWith('comment-')), from);
    server.settings = {};
  });

  test('closing a document clears its pushed diagnostics', async () => {
    const from = server.published.length;
    await server.close(guidelineUri);
    await pushed(server, guidelineUri, (d) => d.length === 0, from);
  });
});

describe('clients that pull get no pushes', () => {
  test('VS Code-like client: nothing published', async () => {
    const server = await startServer({ workspace: EXAMPLES });
    const uri = fileUri(join(EXAMPLES, 'guideline/security-policy-guideline.md'));
    await server.open(uri, readFileSync(join(EXAMPLES, 'guideline/security-policy-guideline.md'), 'utf8'));
    const items = await server.diagnostics(uri);
    assert.ok(items.length > 0);
    // A pull answered after the open: a push would have been scheduled by now (same queue, shorter pause).
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(server.published, []);
    assert.equal(await server.shutdown(), 0);
  });
});
