// The comment workflow in Japanese: the promise state in hovers and the code lens, the fix-all
// summary with rule names (no codes), the new commands' titles.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, GUIDELINE, showWorkspaceFile, waitForHoverText } from './documents';
import { waitFor } from './poll';
import { takeScreenshot } from './screenshot';

suite('the comment workflow in Japanese', () => {
  test('command titles of the workflow are Japanese', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    type Text = string | { value: string; original: string };
    const text = (t: Text): string => (typeof t === 'string' ? t : t.value);
    const commands = extension.packageJSON.contributes.commands as Array<{ command: string; title: Text }>;
    const title = (id: string) => text(commands.find((c) => c.command === id)!.title);
    assert.equal(title('guideline.setCommentStatus'), '約束した修正の対応状況を設定…');
    assert.equal(title('guideline.clearCommentFilter'), '意見の絞り込みを解除');
    assert.equal(title('guideline.copyCommentResponse'), '考え方をコピー');
  });

  test('code lens and hover show the state of promises: 未着手', async () => {
    const editor = await showWorkspaceFile(GUIDELINE);
    const lens = await waitFor(
      async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          editor.document.uri,
        );
        return lenses.find((l) => /未着手 \d+）$/.test(l.command?.title ?? ''));
      },
      { what: 'a code lens 「意見 N件（修正 M・未着手 K）」' },
    );
    assert.match(lens.command!.title, /^意見 \d+件（修正 \d+・未着手 \d+）$/);
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('（注7）') + 1);
    const value = await waitForHoverText(editor.document.uri, at, /考え方（共通）/, 'the hover on （注7）');
    assert.match(value, /意見1・12・19への考え方（共通）/);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await new Promise((r) => setTimeout(r, 1500));
    await takeScreenshot('workflow-hover-shared-ja');
  });
});
