// A comment round kept as a Markdown table (examples/comments/team-review-2026.md) in a real VS Code:
// the server takes it as a round, not as a guideline, so the hover on the section it is about lists
// its record with a link to the Markdown file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GUIDELINE, workspaceFile } from './documents';
import { waitFor } from './poll';

const ROUND = 'comments/team-review-2026.md';

suite('a comment round kept as a Markdown table', () => {
  test('hover on 3.5.2 lists the Markdown round’s record and links to the file', async () => {
    const uri = workspaceFile(GUIDELINE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('#### 3.5.2 ') + 6);
    let last = '';
    const text = await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          position,
        );
        last = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
        return last.includes('研修の受講状況を記録し') ? last : undefined;
      },
      { what: 'a hover listing the Markdown round’s comment on 3.5.2', lastSeen: () => last.slice(0, 400) },
    );
    assert.ok(text.includes(`${workspaceFile(ROUND).path.split('/').pop()}`), 'the record links to the Markdown file');
  });
});
