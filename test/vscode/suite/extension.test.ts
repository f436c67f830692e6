// End-to-end checks of the guideline-tools extension in a real VS Code (code-server or desktop):
// activation on Markdown, the language server's outline and a diagnostic. The workspace folder is
// examples/ (see test/vscode/run.mjs).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  diagnosticCode,
  EXTENSION_ID,
  GUIDELINE,
  waitForDiagnostic,
  waitForHoverText,
  withScratch,
  workspaceFile,
} from './documents';
import { waitFor } from './poll';
import { takeScreenshot } from './screenshot';
import { type AnySymbol, describeSymbols, findSymbol } from './symbols';

/** A heading whose 「ー」 is mistyped as a full-width vertical bar 「｜」. */
const LONG_VOWEL_SAMPLE = '# 3 テスト\n\n## 3.1 セキュリティポリシ｜の遵守\n\n本文。\n';

const waitForLongVowelDiagnostic = (uri: vscode.Uri) => waitForDiagnostic(uri, 'long-vowel-mark');

/** The mistyped 「｜」 in LONG_VOWEL_SAMPLE: line 2, right after 「## 3.1 セキュリティポリシ」. */
function assertOnMistypedBar(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): void {
  const barOffset = LONG_VOWEL_SAMPLE.indexOf('｜');
  const bar = document.positionAt(barOffset);
  assert.ok(
    diagnostic.range.contains(bar),
    `diagnostic range ${JSON.stringify(diagnostic.range)} covers the 「｜」 at ${bar.line}:${bar.character}`,
  );
}

suite('guideline-tools in VS Code', () => {
  // Leaves the guideline in view for the runner's final screenshot (test-artifacts/vscode-final.png).
  suiteTeardown(async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(GUIDELINE)));
  });

  test('activates when a Markdown document is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    const document = await vscode.workspace.openTextDocument(workspaceFile(GUIDELINE));
    assert.equal(document.languageId, 'markdown');
    await vscode.window.showTextDocument(document);
    await waitFor(() => (extension.isActive ? true : undefined), { what: `${EXTENSION_ID} to activate` });
    assert.equal(extension.isActive, true);
  });

  test('outlines the guideline hierarchically: 第3章 contains 3.6.2 アクセス制御', async () => {
    const uri = workspaceFile(GUIDELINE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    let last: AnySymbol[] | undefined;
    const section = await waitFor(
      async () => {
        last = await vscode.commands.executeCommand<AnySymbol[] | undefined>(
          'vscode.executeDocumentSymbolProvider',
          uri,
        );
        const chapter = findSymbol(last ?? [], (s) => s.name.startsWith('第3章'));
        if (!chapter || !('children' in chapter)) return undefined;
        return findSymbol(chapter.children, (s) => s.name.startsWith('3.6.2') && s.name.includes('アクセス制御'));
      },
      { what: 'a 第3章 symbol containing 3.6.2 アクセス制御', lastSeen: () => describeSymbols(last) },
    );
    assert.ok(section.name.startsWith('3.6.2'));
  });

  test('reports long-vowel-mark on an untitled Markdown document', async () => {
    await withScratch(LONG_VOWEL_SAMPLE, async ({ document }) => {
      const diagnostic = await waitForLongVowelDiagnostic(document.uri);
      assertOnMistypedBar(document, diagnostic);
      await takeScreenshot('long-vowel-untitled');
    });
  });

  test('reports long-vowel-mark on a Markdown file on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-vscode-test-'));
    try {
      const path = join(dir, 'long-vowel.md');
      writeFileSync(path, LONG_VOWEL_SAMPLE, 'utf8');
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
      await vscode.window.showTextDocument(document);
      const diagnostic = await waitForLongVowelDiagnostic(document.uri);
      assertOnMistypedBar(document, diagnostic);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('diagnostics on the example guideline: a wrong cross-reference title and an accepted public comment', async () => {
    const uri = workspaceFile(GUIDELINE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const codes = () =>
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'guideline')
        .map((d) => String(diagnosticCode(d)));
    await waitFor(
      () => (codes().includes('xref-title-mismatch') && codes().includes('comment-accepted') ? true : undefined),
      {
        what: 'xref-title-mismatch and comment-accepted on the guideline',
        lastSeen: () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
      },
    );
  });

  test('hover on a commented note shows the public comments about it', async () => {
    const uri = workspaceFile(GUIDELINE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf('（注7）') + 1);
    const text = await waitForHoverText(
      uri,
      position,
      /意見1\*\*|Comment 1\*\*/,
      'a hover listing comment 1 on （注7）',
    );
    assert.match(text, /データセンター/);
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await takeScreenshot('hover-comments');
  });

  test('go to definition from a cross reference opens the section', async () => {
    const uri = workspaceFile(GUIDELINE);
    const document = await vscode.workspace.openTextDocument(uri);
    const position = document.positionAt(document.getText().indexOf('「3.6.1 アクセス制御」') + 2);
    const locations = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
          'vscode.executeDefinitionProvider',
          uri,
          position,
        );
        return found.length > 0 ? found : undefined;
      },
      { what: 'a definition for 「3.6.1 アクセス制御」' },
    );
    const target = locations[0];
    const range = 'targetRange' in target ? target.targetRange : target.range;
    assert.equal(document.lineAt(range.start.line).text, '#### 3.6.1 コンピュータ及びネットワークの管理');
  });

  test('a cross reference is a document link to its section', async () => {
    const uri = workspaceFile(GUIDELINE);
    const document = await vscode.workspace.openTextDocument(uri);
    const start = document.positionAt(document.getText().indexOf('「3.6.1 アクセス制御」') + 1);
    const link = await waitFor(
      async () => {
        const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
        return links.find((l) => l.range.start.isEqual(start) && l.target?.fragment.startsWith('L'));
      },
      { what: 'a document link on 「3.6.1 アクセス制御」' },
    );
    assert.equal(link.target!.path, uri.path);
    const line = Number(/^L(\d+),\d+$/.exec(link.target!.fragment)![1]) - 1;
    assert.equal(document.lineAt(line).text, '#### 3.6.1 コンピュータ及びネットワークの管理');
    // Following the link (what a click does) puts the cursor on the section heading.
    await vscode.commands.executeCommand('vscode.open', link.target);
    const editor = await waitFor(
      async () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.path === uri.path && active.selection.active.line === line ? active : undefined;
      },
      { what: 'the editor at the linked section' },
    );
    assert.equal(editor.selection.active.character, Number(/,(\d+)$/.exec(link.target!.fragment)![1]) - 1);
  });
});
