// Public comments in a real VS Code: the code lens on a commented section and its quick pick, the
// comments view and the outline (the last two as screenshots for humans).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GUIDELINE, showCommentsView, showWorkspaceFile } from './documents';
import { settle, waitFor } from './poll';
import { takeScreenshot } from './screenshot';

const SECTION_361 = '#### 3.6.1 コンピュータ及びネットワークの管理';
const LENS_TITLE = /意見 \d+件|\d+ comments/;

/** Gives the workbench a moment to paint before a screenshot; never used for an assertion. */

/** Whether `promise` has settled, without waiting for it. */
function tracked<T>(promise: Thenable<T>): { done: () => boolean; result: Promise<T> } {
  let settled = false;
  const result = Promise.resolve(promise).finally(() => (settled = true));
  return { done: () => settled, result };
}

async function lensOnSection361(): Promise<{ lens: vscode.CodeLens; document: vscode.TextDocument }> {
  const { document } = await showWorkspaceFile(GUIDELINE);
  const line = document.getText().split(/\r?\n/).indexOf(SECTION_361);
  assert.ok(line >= 0, `${GUIDELINE} has the heading ${SECTION_361}`);
  let seen: string[] = [];
  const lens = await waitFor(
    async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
      );
      seen = lenses.map((l) => `${l.range.start.line}: ${l.command?.title ?? '(unresolved)'}`);
      return lenses.find((l) => l.range.start.line === line && l.command && LENS_TITLE.test(l.command.title));
    },
    { what: `a comments code lens on line ${line} (${SECTION_361})`, lastSeen: () => seen.join(' | ') || '(none)' },
  );
  return { lens, document };
}

suite('public comments in VS Code', () => {
  test('the code lens on 3.6.1 counts its comments and opens them in a quick pick', async () => {
    const { lens } = await lensOnSection361();
    const command = lens.command!;
    assert.equal(command.command, 'guideline.showComments');

    // Accepting the first entry of the quick pick opens the comment in its comment document.
    const run = tracked(vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])));
    const opened = await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const uri = vscode.window.activeTextEditor?.document.uri;
        // The workspace's comments folder: the checkout's own path may hold a /comments/ too.
        return uri && /\/examples\/comments\/[^/]+$/.test(uri.path) ? uri : undefined;
      },
      {
        what: 'the quick pick to open a comment document',
        lastSeen: () => vscode.window.activeTextEditor?.document.uri.toString() ?? '(no editor)',
      },
    );
    await run.result;
    assert.match(opened.path, /\/examples\/comments\/[^/]+$/);
  });

  test('the quick pick of the code lens closes with workbench.action.closeQuickOpen', async () => {
    const { lens } = await lensOnSection361();
    const command = lens.command!;
    const run = tracked(vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])));
    await settle();
    await takeScreenshot('comments-quick-pick');
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return run.done() ? true : undefined;
      },
      { what: 'guideline.showComments to return once its quick pick is closed' },
    );
    assert.equal(await run.result, undefined);
    // Cancelled, nothing is opened: the guideline stays the active editor.
    const active = vscode.window.activeTextEditor?.document.uri.path ?? '(no editor)';
    assert.ok(active.endsWith(GUIDELINE), `active editor after cancelling: ${active}`);
  });

  test('the comments view and the outline open (screenshots comments-view and outline)', async () => {
    await showCommentsView();
    await takeScreenshot('comments-view');

    // With "Follow Cursor" on (off by default), moving the cursor reveals 3.6.2 in the outline.
    const { document } = await showWorkspaceFile(GUIDELINE);
    await vscode.commands.executeCommand('outline.focus');
    await vscode.commands.executeCommand('outline.followCursor');
    await settle();
    const editor = await vscode.window.showTextDocument(document);
    const at = document.positionAt(document.getText().indexOf('#### 3.6.2 アクセス制御'));
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    await settle(1500);
    await takeScreenshot('outline');
  });
});
