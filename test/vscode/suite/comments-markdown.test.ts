// A comment round kept as a Markdown table (examples/comments/team-review-2026.md) in a real VS Code:
// the server takes it as a round, not as a guideline, so the hover on the section it is about lists
// its record with a link to the Markdown file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GUIDELINE, waitForHoverText, workspaceFile } from './documents';

const ROUND = 'comments/team-review-2026.md';

suite('a comment round kept as a Markdown table', () => {
  test('hover on 3.5.2 lists the Markdown round’s record and links to the file', async () => {
    const uri = workspaceFile(GUIDELINE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('#### 3.5.2 ') + 6);
    const text = await waitForHoverText(
      uri,
      position,
      '研修の受講状況を記録し',
      'a hover listing the Markdown round’s comment on 3.5.2',
    );
    assert.ok(text.includes(`${workspaceFile(ROUND).path.split('/').pop()}`), 'the record links to the Markdown file');
  });
});
