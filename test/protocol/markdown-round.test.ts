/**
 * A comment round kept as a Markdown table (test/fixtures/workspaces/markdown-round): the server
 * discovers it as a round (hover, diagnostics on the guideline, the comments view), does not check
 * it as a guideline, never takes the guideline (which has a table of its own) for a round, and
 * skips a table this tool exported (core/comments/markdown-role.ts).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';
import { CommentStatusRequest, CommentTreeRequest } from '../../server/src/protocol/protocol';

const workspace = join(FIXTURES, 'workspaces/markdown-round');
const guidelinePath = join(workspace, 'guideline.md');
const guidelineUri = fileUri(guidelinePath);
const guidelineText = readFileSync(guidelinePath, 'utf8');
const roundPath = join(workspace, 'comments/team-round.md');
const roundUri = fileUri(roundPath);

describe('language server: a comment round kept as a Markdown table', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspace });
    await server.open(guidelineUri, guidelineText);
  });
  after(async () => {
    await server.shutdown();
  });

  test('hover on the guideline shows the Markdown round’s comment', async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position: positionOf(guidelineText, '#### 3.8.1 ', 6),
    });
    assert.match(hover.contents.value, /委託先の従業員に対する教育の実施状況/);
    assert.ok(hover.contents.value.includes('team-round.md'), hover.contents.value);
  });

  test('the promise in the round is a diagnostic on the guideline', async () => {
    const diagnostics = await server.diagnostics(guidelineUri);
    const accepted = diagnostics.filter((d) => d.code === 'comment-accepted');
    assert.ok(
      accepted.some((d) => d.message.includes('教育の実施状況の確認を追記しました')),
      JSON.stringify(diagnostics.map((d) => d.message)),
    );
  });

  test('the round file is a comment document, not a guideline; the export is neither', async () => {
    const roundText = readFileSync(roundPath, 'utf8');
    await server.open(roundUri, roundText);
    const status = await server.connection.sendRequest(CommentStatusRequest, { textDocument: { uri: roundUri } });
    assert.equal(status.kind, 'comments');
    const guideline = await server.connection.sendRequest(CommentStatusRequest, {
      textDocument: { uri: guidelineUri },
    });
    assert.equal(guideline.kind, 'guideline');
    // No guideline check runs on the submitters' text (e.g. notation rules on 「してほしい」).
    const diagnostics = await server.diagnostics(roundUri);
    assert.ok(
      diagnostics.every((d) => String(d.code).startsWith('comment')),
      JSON.stringify(diagnostics.map((d) => d.code)),
    );
    const tree = await server.connection.sendRequest(CommentTreeRequest, {});
    const files = tree.rounds.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1));
    assert.deepEqual(files, ['team-round.md']);
    assert.equal(tree.rounds[0].items.length, 2);
  });
});
