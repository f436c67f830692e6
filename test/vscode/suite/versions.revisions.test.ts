// Earlier versions in the real VS Code, on test/fixtures/revisions (run with --suite revisions): the
// promised-fix diagnostics, the code lens 前版から変更, the side-by-side diff of the previous version's
// section, and the 新旧対照表 command writing a DOCX.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, guidelineDiagnostics, showWorkspaceFile } from './documents';
import { waitFor } from './poll';
import { takeScreenshot } from './screenshot';

const REVISED = 'revised.md';

function lineOf(document: vscode.TextDocument, needle: string): number {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, needle);
  return document.positionAt(offset).line;
}

suite('earlier versions (revisions fixture)', () => {
  test('comment-not-applied and comment-applied replace comment-accepted', async () => {
    const editor = await showWorkspaceFile(REVISED);
    const uri = editor.document.uri;
    const found = await waitFor(
      () => {
        const codes = guidelineDiagnostics(uri).map(diagnosticCode);
        return codes.includes('comment-not-applied') ? codes : undefined;
      },
      {
        what: 'comment-not-applied on revised.md',
        timeoutMs: 60_000,
        lastSeen: () => describeDiagnostics(guidelineDiagnostics(uri)),
      },
    );
    assert.ok(found.includes('comment-applied'));
    assert.ok(!found.includes('comment-accepted'));
  });

  test('code lens 前版から変更 on the renumbered, edited 3.9.3', async () => {
    const editor = await showWorkspaceFile(REVISED);
    const line = lineOf(editor.document, '#### 3.9.3');
    const lens = await waitFor(
      async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
          'vscode.executeCodeLensProvider',
          editor.document.uri,
        );
        return lenses.find(
          (l) => l.range.start.line === line && l.command?.command === 'guideline.showPreviousVersion',
        );
      },
      { what: 'the 前版から変更 lens on 3.9.3', timeoutMs: 30_000 },
    );
    assert.match(lens.command!.title, /前版から変更（3箇所）|Changed since the previous version \(3\)/);
  });

  test('the lens command opens the 2015 draft’s 3.8.3 beside today’s 3.9.3 in the diff editor', async () => {
    const editor = await showWorkspaceFile(REVISED);
    const line = lineOf(editor.document, '#### 3.9.3');
    await vscode.commands.executeCommand('guideline.showPreviousVersion', editor.document.uri.toString(), {
      line,
      character: 6,
    });
    const tab = await waitFor(
      () => {
        const active = vscode.window.tabGroups.activeTabGroup.activeTab;
        return active?.input instanceof vscode.TabInputTextDiff ? active : undefined;
      },
      { what: 'a diff editor tab', timeoutMs: 20_000 },
    );
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'guideline-version');
    const original = await vscode.workspace.openTextDocument(input.original);
    assert.match(original.getText(), /3\.8\.3 ソーシャルメディアサービスの利用[\s\S]*SMSを利用する/);
    assert.match(tab.label, /2015年3月 意見募集案/);
    await takeScreenshot('revisions-previous-version');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the 新旧対照表 command writes a Word file with the table', async () => {
    await showWorkspaceFile(REVISED);
    const target = join(mkdtempSync(join(tmpdir(), 'guideline-table-')), '新旧対照表.docx');
    await vscode.commands.executeCommand('guideline.revisionTable', {
      format: 'docx',
      version: '2015年3月 意見募集案',
      target: vscode.Uri.file(target).toString(),
    });
    await waitFor(() => (existsSync(target) ? true : undefined), { what: target, timeoutMs: 30_000 });
    const bytes = readFileSync(target);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip (DOCX) file');
  });
});
