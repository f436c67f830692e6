// 「Word／PDF からガイドラインを取り込む」 in the real workbench: the command (given the file, as the
// open dialog would) asks the server to convert it under a progress notification and opens the
// Markdown as a new unsaved editor, which the language server then analyses like any guideline.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './documents';
import { waitFor } from './poll';
import { describeSymbols, findSymbol, type AnySymbol } from './symbols';
import { takeScreenshot } from './screenshot';

interface ImportCommandResult {
  uri: string;
  notes: string[];
}

suite('import from Word and PDF', () => {
  const fixture = (name: string) => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    return vscode.Uri.file(join(extension.extensionPath, 'test/fixtures/import', name));
  };

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a Word file opens as a new Markdown guideline whose outline the server builds', async () => {
    const result = await vscode.commands.executeCommand<ImportCommandResult>(
      'guideline.importDocument',
      fixture('guideline-word.docx'),
    );
    assert.ok(result, 'the command returns what it opened');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), result.uri);
    assert.equal(editor.document.uri.scheme, 'untitled', 'a new, unsaved editor: nothing on disk is written');
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /^# 情報セキュリティポリシーに関するガイドライン（例）\n/);
    assert.match(editor.document.getText(), /\n### 3\.1 組織体制\n/);
    assert.equal(result.notes.length, 2, result.notes.join('\n'));
    let last: AnySymbol[] | undefined;
    const section = await waitFor(
      async () => {
        last = await vscode.commands.executeCommand<AnySymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          editor.document.uri,
        );
        return findSymbol(last ?? [], (s) => s.name.startsWith('3.2.1'));
      },
      { what: 'section 3.2.1 in the outline of the imported guideline', lastSeen: () => describeSymbols(last) },
    );
    assert.match(section.name, /情報資産の分類/);
    await takeScreenshot('import-word');
  });

  test('a PDF with a page without text reports it', async () => {
    const result = await vscode.commands.executeCommand<ImportCommandResult>(
      'guideline.importDocument',
      fixture('municipal-two-column.pdf'),
    );
    assert.ok(result);
    assert.ok(
      result.notes.some((n) => /^(2ページ|page 2): /.test(n)),
      result.notes.join('\n'),
    );
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /#### ２―６―１ アクセス制御/);
  });
});
