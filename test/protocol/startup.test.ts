import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';

// The example workspace: a guideline, two text comment rounds and one published as PDF.
const workspace = mkdtempSync(join(tmpdir(), 'guideline-startup-'));
cpSync(EXAMPLES, workspace, { recursive: true });
const guidelinePath = join(workspace, 'guideline/security-policy-guideline.md');
const guidelineUri = fileUri(guidelinePath);
const guidelineText = readFileSync(guidelinePath, 'utf8');

interface Progress {
  kind: 'begin' | 'report' | 'end';
  title?: string;
  message?: string;
}

describe('start-up: comment results in PDF are read after the first diagnostics, with progress', () => {
  let server: TestServer;
  const progress: Progress[] = [];
  let allRead: Promise<void>;
  before(async () => {
    server = await startServer({ workspace, workDoneProgress: true });
    allRead = new Promise((resolve) =>
      server.connection.onNotification('$/progress', (params: { value: Progress }) => {
        progress.push(params.value);
        if (params.value.kind === 'end') resolve();
      }),
    );
    await server.open(guidelineUri, guidelineText);
  });
  after(async () => {
    await server.shutdown();
  });

  test('the first diagnostics come; the PDF is read under a progress in Japanese; then its comments are there', async () => {
    const first = await server.diagnostics(guidelineUri);
    assert.ok(first.length > 0);
    await allRead;
    assert.deepEqual(
      progress.map((p) => p.kind),
      ['begin', 'report', 'end'],
    );
    assert.equal(progress[0].title, '意見募集の結果（PDF・Excel・Word）を読み込んでいます');
    assert.equal(progress[1].message, 'pubcomment-2025-groups.pdf');
    // Requests other than diagnostics waited for the whole workspace: the PDF round's comment is in the hover.
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position: positionOf(guidelineText, '（注7）', 1),
    });
    assert.match(hover.contents.value, /意見Ⅰ-1/);
    // And the diagnostics were refreshed once the results were read.
    assert.ok(server.refreshes >= 1);
  });
});
