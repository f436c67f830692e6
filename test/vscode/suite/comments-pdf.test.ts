// A comment result published as PDF (examples/comments/pubcomment-2025-groups.pdf) in a real VS Code:
// the server finds it, the hover on a commented note lists its record with the group-restarted id
// and a link to the PDF, and the code lens counts it with the text round.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GUIDELINE, waitForHoverText, workspaceFile } from './documents';
import { waitFor } from './poll';

const PDF = 'comments/pubcomment-2025-groups.pdf';

suite('a comment result read from its PDF', () => {
  test('hover on （注7） lists 意見Ⅰ-1 of the PDF round, its group and a link to the PDF', async () => {
    const uri = workspaceFile(GUIDELINE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('（注7）') + 1);
    const text = await waitForHoverText(
      uri,
      position,
      /意見Ⅰ-1\*\*|Comment Ⅰ-1\*\*/,
      'a hover listing comment Ⅰ-1 of the PDF round',
    );
    assert.match(text, /Ⅰ．当該意見を踏まえて内容を修正するもの/);
    assert.match(text, /第三者による認証等の確認をもって代えることができる/);
    assert.ok(text.includes(`${workspaceFile(PDF).path.split('/').pop()})`), 'the record links to the PDF file');
  });

  test('the code lens on 3.8.1 counts the PDF round with the text round', async () => {
    const uri = workspaceFile(GUIDELINE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const line = document.getText().split(/\r?\n/).indexOf('#### 3.8.1 外部委託');
    assert.ok(line >= 0);
    let seen = '';
    const title = await waitFor(
      async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        seen = lenses.map((l) => `${l.range.start.line}: ${l.command?.title ?? ''}`).join(' | ');
        return lenses.find((l) => l.range.start.line === line && l.command)?.command?.title;
      },
      { what: 'a comments code lens on 3.8.1', lastSeen: () => seen },
    );
    // The 2015 text round has comments on 3.8.1; the PDF round adds Ⅰ-1 (accepted).
    assert.match(title, /意見 \d+件（修正 \d+(・未着手 \d+)?）|\d+ comments \(\d+ accepted(, \d+ not started)?\)/);
  });

  test('opening the PDF record does not try to show the PDF as text', async () => {
    const pdf = workspaceFile(PDF);
    await vscode.commands.executeCommand('guideline.openComment', {
      roundUri: pdf.toString(),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    // No text editor shows the PDF's bytes.
    const active = vscode.window.activeTextEditor?.document.uri.path ?? '';
    assert.ok(!active.endsWith('.pdf'), `active text editor: ${active}`);
  });
});
