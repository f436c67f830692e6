// The comment workflow in a real VS Code: setting a promise's state from the command (quick pick and
// input box) writes it into the YAML store and the promise's diagnostic goes; an export from a
// guideline tab picks the round, writes a marked file through the save dialog and is not read back;
// 例文 completion continues the list; the comments view with states and the filter (screenshots in
// test-artifacts/, -ja in the Japanese pass). Run by workflow-steps.test.ts and workflow-steps.ja.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  diagnosticCode,
  GUIDELINE,
  guidelineDiagnostics,
  openScratch,
  showCommentsView,
  showWorkspaceFile,
  waitForHoverText,
  workspaceFile,
} from './documents';
import { settle, waitFor } from './poll';
import { takeScreenshot } from './screenshot';

const ROUND_2014 = 'comments/pubcomment-2014-draft.yaml';
/** The heading of a response shared by several comments, in either UI language. */
const SHARED = /意見1・12・19への考え方（共通）|Response to comments 1[^\n]*12[^\n]*19 \(shared\)/;
const suffix = vscode.env.language.startsWith('ja') ? '-ja' : '';

/** Runs a command without waiting for it (it waits on quick inputs the test answers). */
function start(command: string, ...args: unknown[]): Promise<unknown> {
  return Promise.resolve(vscode.commands.executeCommand(command, ...args));
}

// Comment 5 (3.6.1 【例文】（6）): 2014 comment 1's promise on 図表5 shares its diagnostic with 2015 comment 9's.
const promiseOf2014Comment5 = (d: vscode.Diagnostic) =>
  diagnosticCode(d) === 'comment-accepted' && /^(意見5（2014|The response to comment 5 \(2014)/.test(d.message);

export function commentWorkflowSuite(): void {
  suite(`the comment workflow in VS Code (${vscode.env.language})`, () => {
    test('set the state of a promise: 対応済み is written to the YAML store and its diagnostic goes', async () => {
      const store = workspaceFile(ROUND_2014);
      const original = await vscode.workspace.fs.readFile(store);
      const guideline = workspaceFile(GUIDELINE);
      await showWorkspaceFile(GUIDELINE);
      await waitFor(() => guidelineDiagnostics(guideline).find(promiseOf2014Comment5), {
        what: 'the comment-accepted diagnostic of 2014 comment 5 on 3.6.1',
      });
      try {
        const item = {
          roundUri: store.toString(),
          roundLabel: '2014',
          number: 5,
          submitter: '法人',
          disposition: 'accepted',
          dispositionLabel: '修正あり',
          location: '3.6.1 【例文】（6）',
          opinion: '',
          response: '',
          range: { start: { line: 41, character: 2 }, end: { line: 49, character: 0 } },
          section: '3.6.1',
          sectionTitle: null,
          target: null,
          promise: { status: 'open', label: '未着手', assignee: null, notes: null, source: 'default' },
          editable: true,
        };
        const run = start('guideline.setCommentStatus', item);
        // The states: 未着手 (current), 対応済み, 確認済み: choose the second.
        await settle(1000);
        await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
        await takeScreenshot(`workflow-set-status${suffix}`);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await settle(800);
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // assignee: empty
        await run;
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(store));
        assert.match(text, /取得したログを定期的に点検又は分析する旨を追記いたします。\n\s+status: 対応済み\n/);
        await waitFor(() => (guidelineDiagnostics(guideline).some(promiseOf2014Comment5) ? undefined : true), {
          what: 'the promise of 2014 comment 5 to raise no diagnostic once done',
        });
      } finally {
        await vscode.workspace.fs.writeFile(store, original);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });

    test('export from a guideline tab: pick the round and the format, save, Open / Reveal; not read back', async () => {
      await showWorkspaceFile(GUIDELINE);
      const guideline = workspaceFile(GUIDELINE);
      const before = guidelineDiagnostics(guideline).filter((d) => diagnosticCode(d) === 'comment-accepted').length;
      const run = start('guideline.exportCommentTable');
      await settle(1500);
      await takeScreenshot(`workflow-export-round${suffix}`);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the newest round
      await settle(800);
      // Formats: Word, Excel, CSV (UTF-8 BOM), CSV (Shift_JIS), Markdown: the Markdown table.
      for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await takeScreenshot(`workflow-export-format${suffix}`);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await settle(1500);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the save dialog's default
      const written = await waitFor(
        async () => {
          const files = await vscode.workspace.findFiles('comments/*-table.md');
          return files[0];
        },
        { what: 'the exported table next to the round' },
      );
      try {
        await settle(1000);
        await takeScreenshot(`workflow-export-done${suffix}`);
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(written));
        assert.ok(text.startsWith('<!-- guideline-tools:export '));
        await vscode.commands.executeCommand('notifications.clearAll');
        await run;
        // Open it: a Markdown file without guideline diagnostics, and nothing doubled in the guideline.
        await vscode.window.showTextDocument(written);
        await settle(2000);
        assert.deepEqual(guidelineDiagnostics(written), []);
        const after = guidelineDiagnostics(guideline).filter((d) => diagnosticCode(d) === 'comment-accepted').length;
        assert.equal(after, before);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(written);
      }
    });

    test('例文 completion in a 【例文】 continues the list: (4) after (1)–(3)', async () => {
      const editor = await openScratch(
        '### 3.8 クラウドサービス等の利用\n\n【例文】\n\n(1) 利用の許可\n\n(2) 一覧の管理\n\n(3) 契約の確認\n\n例文',
      );
      const position = new vscode.Position(10, 2);
      const list = await waitFor(
        async () => {
          const result = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            editor.document.uri,
            position,
            '文',
          );
          return result.items.some((i) =>
            String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('reibun-cloud'),
          )
            ? result
            : undefined;
        },
        { what: 'reibun-cloud among the completions after typing 例文' },
      );
      const cloud = list.items.find((i) =>
        String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('reibun-cloud'),
      )!;
      const insert =
        cloud.insertText instanceof vscode.SnippetString ? cloud.insertText.value : String(cloud.insertText);
      assert.ok(insert.startsWith('(4)クラウドサービスの利用'), insert.slice(0, 20));
      editor.selection = new vscode.Selection(position, position);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await settle(1500);
      await takeScreenshot(`workflow-reibun-completion${suffix}`);
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('a response shared by comments 1, 12 and 19 shows once in the hover, marked as shared', async () => {
      const editor = await showWorkspaceFile(GUIDELINE);
      const at = editor.document.positionAt(editor.document.getText().indexOf('（注7）') + 1);
      const value = await waitForHoverText(
        editor.document.uri,
        at,
        SHARED,
        'the shared response of comments 1, 12 and 19 in the hover on （注7）',
      );
      assert.equal(value.match(new RegExp(SHARED.source, 'g'))?.length, 1);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.showHover');
      await settle(1500);
      await takeScreenshot(`workflow-hover-shared-response${suffix}`);
      await vscode.commands.executeCommand('editor.action.hideHover');
    });

    test('the comments view shows the promise states; a filter shows in its title (screenshot)', async () => {
      await showCommentsView();
      await takeScreenshot(`workflow-comments-view${suffix}`);
      const run = start('guideline.filterComments');
      await settle(1000);
      await takeScreenshot(`workflow-filter-menu${suffix}`);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await run;
    });
  });
}
