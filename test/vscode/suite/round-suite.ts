// The round workflow in a real VS Code, in the English and the Japanese UI: 新しい回を作成 from a
// received table, drafting with completion and the live view, the duplicate-round warning,
// numbering-width and its fix, 項番へ移動 on guideline documents only and the fix-all summary.
// Screenshots in test-artifacts/ (vscode-round-*.png, -ja in the Japanese pass).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  diagnosticCode,
  EXTENSION_ID,
  GUIDELINE,
  guidelineDiagnostics,
  showWorkspaceFile,
  waitForDiagnostic,
  withScratch,
  workspaceFile,
} from './documents';
import { settle, waitFor } from './poll';
import { takeScreenshot } from './screenshot';

const ROUND_2014 = 'comments/pubcomment-2014-draft.yaml';
/** A received table outside the workspace: the 総務省-style result with groups (Ⅰ-1, Ⅱ-1 …) and answers. */
const RECEIVED = 'test/fixtures/comments/layouts/soumu-groups-restart.xlsx';
/** Where 新しい回を作成 proposes to save it: beside the guideline the round names. */
const CREATED = 'guideline/soumu-groups-restart-round.yaml';
/** The standard phrase the draft is answered with (a promise: 修正あり). */
const RECEIVED_RESPONSE = 'ご指摘の趣旨を踏まえ、次のとおり修正いたします。';

/** Runs a command without waiting for it (it waits on quick inputs the test answers). */
function start(command: string, ...args: unknown[]): Promise<unknown> {
  return Promise.resolve(vscode.commands.executeCommand(command, ...args));
}

/** 2014 comment 5's promise (3.6.1 【例文】（6）): one of its own, not merged with a newer round's on the same place. */
const PROMISE_2014_5 = (d: vscode.Diagnostic) =>
  diagnosticCode(d) === 'comment-accepted' && /^(意見5（2014|The response to comment 5 \(2014)/.test(d.message);

/** 新しい回を作成 on the received table, answering: empty responses, the save dialog's default. */
async function createRoundFromReceived(suffix: string): Promise<vscode.Uri> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const received = vscode.Uri.joinPath(extension.extensionUri, RECEIVED);
  const expected = workspaceFile(CREATED);
  const run = start('guideline.newCommentRound', received);
  await settle(3000);
  await takeScreenshot(`round-new-responses${suffix}`);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // empty responses
  await settle(2000);
  await takeScreenshot(`round-new-save${suffix}`);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the default place
  await run;
  await waitFor(
    () => (vscode.window.activeTextEditor?.document.uri.toString() === expected.toString() ? true : undefined),
    { what: `the new round opened: ${CREATED}`, lastSeen: () => String(vscode.window.activeTextEditor?.document.uri) },
  );
  await settle(800);
  await takeScreenshot(`round-new-created${suffix}`);
  return expected;
}

/**
 * Discards the unsaved edits of a file's editor and closes it, without a save prompt: focus the
 * editor first (after focusing a view, "the active editor" commands would act on nothing and a
 * later close-all would offer to save).
 */
async function discardAndClose(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === document.uri.toString());
  await vscode.window.tabGroups.close(tabs);
}

/** The 2014 store open with its first promise typed over (原案のとおり), not saved. */
async function editUnsaved(): Promise<vscode.TextEditor> {
  // Beside the guideline, which stays visible (a preview tab would be replaced, and closed).
  const editor = await vscode.window.showTextDocument(
    await vscode.workspace.openTextDocument(workspaceFile(ROUND_2014)),
    { viewColumn: vscode.ViewColumn.Beside, preview: false },
  );
  const text = editor.document.getText();
  const promise = 'ご指摘の趣旨を踏まえ、取得したログを定期的に点検又は分析する旨を追記いたします。';
  const at = text.indexOf(promise);
  assert.ok(at >= 0);
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + promise.length));
  await editor.edit((b) => b.replace(range, '原案のとおりとさせていただきます。'));
  return editor;
}

/** The 2015 round converted to YAML and saved beside the published text, for the body's time. */
async function withDuplicateOf2015(body: (seed: vscode.Uri, copy: vscode.Uri) => Promise<void>): Promise<void> {
  const seed = workspaceFile('comments/pubcomment-2015.txt');
  const copy = workspaceFile('comments/pubcomment-2015-copy.yaml');
  await vscode.commands.executeCommand('guideline.convertCommentsToYaml', seed);
  const converted = await waitFor(
    () => (vscode.window.activeTextEditor?.document.languageId === 'yaml' ? vscode.window.activeTextEditor : undefined),
    { what: 'the YAML conversion in an untitled editor' },
  );
  const yaml = converted.document.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(yaml));
  try {
    await showWorkspaceFile('comments/pubcomment-2015.txt');
    await body(seed, copy);
  } finally {
    await vscode.workspace.fs.delete(copy);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}

const suffix = vscode.env.language.startsWith('ja') ? '-ja' : '';

/** The suite, run in the English UI (workflow-round.test.ts) and the Japanese UI (workflow-round.ja.test.ts). */
export function roundWorkflowSuite(): void {
  suite(`the round workflow in VS Code (${vscode.env.language})`, () => {
    test('新しい回を作成: a received table becomes a YAML round beside the guideline, drafted with completion', async () => {
      const created = await createRoundFromReceived(suffix);
      try {
        const editor = vscode.window.activeTextEditor!;
        assert.equal(editor.document.uri.toString(), created.toString());
        assert.match(editor.document.lineAt(editor.selection.active.line).text, /^\s*response:$/);
        // Every response is empty: an information finding each, live from the open document.
        const missing = await waitForDiagnostic(created, 'comment-missing-response');
        assert.equal(missing.severity, vscode.DiagnosticSeverity.Information);
        const position = editor.selection.active;
        const list = await waitFor(
          async () => {
            const result = await vscode.commands.executeCommand<vscode.CompletionList>(
              'vscode.executeCompletionItemProvider',
              created,
              position,
            );
            return result.items.some((i) => i.label === RECEIVED_RESPONSE) ? result : undefined;
          },
          { what: 'the standard phrases as completion on response:' },
        );
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await settle(1500);
        await takeScreenshot(`round-new-completion${suffix}`);
        await vscode.commands.executeCommand('hideSuggestWidget');
        const phrase = list.items.find((i) => i.label === RECEIVED_RESPONSE)!;
        const edit = phrase.textEdit ?? null;
        const inserted = edit ? edit.newText : String(phrase.insertText);
        const before = guidelineDiagnostics(created).filter((d) => diagnosticCode(d) === 'comment-missing-response');
        await editor.edit((b) => b.insert(position, inserted));
        // The first comment is answered: one finding fewer, before saving.
        await waitFor(
          () =>
            guidelineDiagnostics(created).filter((d) => diagnosticCode(d) === 'comment-missing-response').length <
            before.length
              ? true
              : undefined,
          { what: 'the answered comment to lose its missing-response finding' },
        );
        assert.ok(editor.document.isDirty);
        await vscode.commands.executeCommand('guideline.focusComments');
        await settle(1500);
        await takeScreenshot(`round-new-drafted${suffix}`);
      } finally {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === created.toString());
        if (open) await discardAndClose(open);
        await vscode.workspace.fs.delete(created);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });

    test('live refresh: an unsaved edit of a round moves the guideline diagnostics and the view', async () => {
      const guideline = workspaceFile(GUIDELINE);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(guideline), { preview: false });
      await waitFor(() => guidelineDiagnostics(guideline).find(PROMISE_2014_5), {
        what: 'the comment-accepted diagnostic of 2014 comment 5',
      });
      const store = workspaceFile(ROUND_2014);
      const original = await vscode.workspace.fs.readFile(store);
      const editor = await editUnsaved();
      try {
        await waitFor(() => (guidelineDiagnostics(guideline).some(PROMISE_2014_5) ? undefined : true), {
          what: 'the promise of 2014 comment 5 to go while the edit is unsaved',
        });
        assert.ok(editor.document.isDirty);
        await vscode.commands.executeCommand('guideline.focusComments');
        await settle(1500);
        await takeScreenshot(`round-live-refresh${suffix}`);
      } finally {
        // The text typed back as it was (a change the server sees), saved unchanged, then closed.
        const document = editor.document;
        const shown = await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        await shown.edit((b) => b.replace(whole, new TextDecoder().decode(original)));
        await document.save();
        await discardAndClose(document);
      }
      await waitFor(() => guidelineDiagnostics(guideline).find(PROMISE_2014_5), {
        what: 'the promise back once the edit is reverted',
      });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('the same round from two files is counted once, with a warning naming both', async () => {
      await withDuplicateOf2015(async (seed, copy) => {
        const warning = await waitForDiagnostic(seed, 'comment-duplicate-round');
        assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
        const name = copy.path.slice(copy.path.lastIndexOf('/') + 1);
        assert.ok(warning.message.includes('pubcomment-2015.txt') && warning.message.includes(name), warning.message);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await settle(1000);
        await takeScreenshot(`round-duplicate-warning${suffix}`);
        await vscode.commands.executeCommand('workbench.action.closePanel');
      });
    });

    test('a list mixing widths is a numbering-width finding; its fix writes the list width', async () => {
      const content =
        '### 3.8 クラウドサービス等の利用\n\n【例文】\n\n(1) 利用の許可\n\n(2) 一覧の管理\n\n（3） 契約の確認\n';
      await withScratch(content, async ({ document }) => {
        const finding = await waitForDiagnostic(document.uri, 'numbering-width');
        assert.equal(finding.range.start.line, 8);
        await vscode.window.activeTextEditor!.revealRange(finding.range);
        vscode.window.activeTextEditor!.selection = new vscode.Selection(finding.range.start, finding.range.start);
        await vscode.commands.executeCommand('editor.action.showHover');
        await settle(1200);
        await takeScreenshot(`round-numbering-width${suffix}`);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          finding.range,
        );
        const fix = actions.find((a) => /^(「\(3\)」に揃える|Write "\(3\)")$/.test(a.title) && a.edit);
        assert.ok(fix, actions.map((a) => a.title).join(' | '));
        assert.ok(await vscode.workspace.applyEdit(fix.edit!));
        assert.equal(document.getText(), content.replace('（3）', '(3)'));
        await waitFor(
          () =>
            guidelineDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'numbering-width') ? undefined : true,
          { what: 'numbering-width to go after its fix' },
        );
      });
    });

    test('項番へ移動 offers the guideline documents only: the first entry is a section of the guideline', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const run = start('guideline.goToSection');
      await settle(1500);
      await takeScreenshot(`round-go-to-section${suffix}`);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await run;
      const editor = await waitFor(() => vscode.window.activeTextEditor, { what: 'the chosen section opened' });
      assert.ok(editor.document.uri.path.endsWith(`/${GUIDELINE}`), editor.document.uri.path);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('fix-all says what it did: n fixes of m kinds, by rule name', async () => {
      const content = '# 3 テスト\n\n## 3.1 概要\n\nセキュリティポリシ｜を守る。\n\nサ｜バを管理する。\n';
      await withScratch(content, async ({ document }) => {
        await waitFor(
          () =>
            guidelineDiagnostics(document.uri).filter((d) => diagnosticCode(d) === 'long-vowel-mark').length >= 2
              ? true
              : undefined,
          { what: 'two long-vowel-mark diagnostics' },
        );
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          whole,
          'source.fixAll.guideline',
        );
        const title = actions.find((a) => a.kind?.value === 'source.fixAll.guideline')?.title ?? '';
        assert.match(title, /^(表記の問題をすべて修正（2件・1種類：|Fix all notation problems \(2 fixes of 1 kind: )/);
        assert.doesNotMatch(title, /long-vowel-mark/, 'no rule code in the label');
        await vscode.commands.executeCommand('guideline.fixAll');
        await waitFor(() => (document.getText().includes('｜') ? undefined : true), { what: 'the fixes applied' });
        await settle(800);
        await takeScreenshot(`round-fix-all-message${suffix}`);
        await vscode.commands.executeCommand('notifications.clearAll');
      });
    });

    test('a click on a comment in the view goes to its place in the guideline', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('guideline.focusComments');
      await settle(1500);
      // The newest round (expanded) › its first section › its first comment.
      await vscode.commands.executeCommand('list.focusFirst');
      await vscode.commands.executeCommand('list.focusDown');
      await vscode.commands.executeCommand('list.expand');
      await settle(500);
      await vscode.commands.executeCommand('list.focusDown');
      await vscode.commands.executeCommand('list.select');
      const editor = await waitFor(
        () =>
          vscode.window.activeTextEditor?.document.uri.path.endsWith(`/${GUIDELINE}`)
            ? vscode.window.activeTextEditor
            : undefined,
        {
          what: "the guideline opened at the comment's place",
          lastSeen: () => String(vscode.window.activeTextEditor?.document.uri),
        },
      );
      // Not the top of the file: the place (section, part or item) the comment is about.
      assert.ok(editor.selection.start.line > 0);
      await settle(800);
      await takeScreenshot(`round-click-goes-to-place${suffix}`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('a Word export saved beside its round is marked and never read back', async () => {
      const guideline = workspaceFile(GUIDELINE);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(guideline), { preview: false });
      const promises = () => guidelineDiagnostics(guideline).filter((d) => diagnosticCode(d) === 'comment-accepted');
      await waitFor(() => (promises().length > 0 ? true : undefined), { what: 'the promises on the guideline' });
      const before = promises().length;
      const store = workspaceFile(ROUND_2014);
      const run = start('guideline.exportCommentTable', store);
      await settle(1500);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // Word, the first format
      await settle(1500);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // beside the round
      const written = workspaceFile('comments/pubcomment-2014-draft-table.docx');
      try {
        const bytes = await waitFor(
          async () => {
            try {
              return await vscode.workspace.fs.readFile(written);
            } catch {
              return undefined;
            }
          },
          { what: 'the Word table beside the round' },
        );
        assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'PK');
        await settle(1000);
        await takeScreenshot(`round-export-word${suffix}`);
        await vscode.commands.executeCommand('notifications.clearAll');
        await run;
        // The watcher has read the new file: still the same promises, none doubled.
        await settle(2500);
        assert.equal(promises().length, before);
      } finally {
        await vscode.workspace.fs.delete(written).then(undefined, () => undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });
  });
}
