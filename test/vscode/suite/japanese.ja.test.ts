// VS Code in Japanese (code-server --locale ja with the stub language pack): the extension's own
// texts come out in Japanese: command titles, the server's diagnostics and the client's strings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './poll';
import { diagnosticCode, EXTENSION_ID, GUIDELINE, guidelineDiagnostics, workspaceFile } from './documents';
import { takeScreenshot } from './screenshot';

suite('guideline-tools in Japanese', () => {
  test('VS Code runs in Japanese', () => {
    assert.equal(vscode.env.language, 'ja');
  });

  test('command titles, category and view name are the Japanese ones', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    // Localized manifest values come as { value, original } (original: the English text).
    type Text = string | { value: string; original: string };
    const text = (t: Text): string => (typeof t === 'string' ? t : t.value);
    const commands = extension.packageJSON.contributes.commands as Array<{
      command: string;
      title: Text;
      category: Text;
    }>;
    const show = commands.find((c) => c.command === 'guideline.showComments')!;
    assert.equal(text(show.title), 'この節への意見を表示');
    assert.equal(text(show.category), 'ガイドライン');
    assert.equal(text(commands.find((c) => c.command === 'guideline.goToSection')!.title), '項番へ移動…');
    assert.equal(text(extension.packageJSON.contributes.views.explorer[0].name), 'パブリックコメント');
  });

  test('the language server speaks Japanese: diagnostics of the example guideline', async () => {
    const uri = workspaceFile(GUIDELINE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const mismatch = await waitFor(
      () => guidelineDiagnostics(uri).find((d) => diagnosticCode(d) === 'xref-title-mismatch'),
      { what: 'xref-title-mismatch' },
    );
    assert.match(mismatch.message, /^「3\.6\.1」の見出しは「コンピュータ及びネットワークの管理」です/);
    await vscode.commands.executeCommand('guideline.focusComments');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await takeScreenshot('japanese-ui');
  });
});
