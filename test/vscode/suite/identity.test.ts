// One identity per file in a real VS Code: a guideline named `ガイドライン (案).md` (a space and
// parentheses, as drafts are named) is read from disk by the server and opened by VS Code, which
// spells its URI differently from Node (%28…%29). It must have one outline, one set of diagnostics
// and one workspace symbol per section, not two.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, guidelineDiagnostics, workspaceFile } from './documents';
import { waitFor } from './poll';
import { takeScreenshot } from './screenshot';
import { describeSymbols, findSymbol, type AnySymbol } from './symbols';

const NAME = 'guideline/ガイドライン (案).md';
const TEXT = [
  '# 地方公共団体における情報セキュリティポリシーに関するガイドライン（案）',
  '',
  '## 9.1 試験用の節',
  '',
  'サーバを置く。サーバを使う。サーバーの管理者を定める。',
  '',
  '## 9.2 試験用の別の節',
  '',
  'ポリシ｜を定める。',
  '',
].join('\n');

suite('one identity per file: ガイドライン (案).md', () => {
  const uri = workspaceFile(NAME);

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(TEXT, 'utf8'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  test('one outline, one set of diagnostics, one workspace symbol per section', async () => {
    assert.match(uri.toString(), /%20%28/, 'VS Code spells the name with %28');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);

    let symbols: AnySymbol[] | undefined;
    await waitFor(
      async () => {
        symbols = await vscode.commands.executeCommand<AnySymbol[] | undefined>(
          'vscode.executeDocumentSymbolProvider',
          uri,
        );
        return findSymbol(symbols ?? [], (s) => s.name.startsWith('9.2')) ? true : undefined;
      },
      { what: 'the outline of ガイドライン (案).md', lastSeen: () => describeSymbols(symbols) },
    );

    const codes = () => guidelineDiagnostics(uri).map((d) => String(diagnosticCode(d)));
    await waitFor(
      () => (codes().includes('long-vowel-mark') && codes().includes('katakana-variant') ? true : undefined),
      {
        what: 'long-vowel-mark and katakana-variant on ガイドライン (案).md',
        lastSeen: () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
      },
    );
    // One set: each finding once, and no second URI for the same file carries diagnostics.
    assert.equal(
      codes().filter((c) => c === 'long-vowel-mark').length,
      1,
      describeDiagnostics(guidelineDiagnostics(uri)),
    );
    assert.equal(codes().filter((c) => c === 'katakana-variant').length, 1);
    const sameFile = vscode.languages
      .getDiagnostics()
      .filter(
        ([other, diagnostics]) => other.fsPath === uri.fsPath && diagnostics.some((d) => d.source === 'guideline'),
      );
    assert.equal(sameFile.length, 1, sameFile.map(([u]) => u.toString()).join(', '));

    const found = await waitFor(
      async () => {
        const all = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
          'vscode.executeWorkspaceSymbolProvider',
          '9.1',
        );
        const here = all.filter((s) => s.name.startsWith('9.1'));
        return here.length > 0 ? here : undefined;
      },
      { what: 'a workspace symbol 9.1' },
    );
    assert.equal(found.length, 1, found.map((s) => `${s.name} @ ${s.location.uri.toString()}`).join('; '));
    assert.equal(found[0].location.uri.fsPath, uri.fsPath);

    await vscode.commands.executeCommand('outline.focus').then(undefined, () => undefined);
    await takeScreenshot('identity-outline');
  });
});
