// Coverage of a municipal policy in a real VS Code: an untitled policy derived from the example
// guideline (examples/guideline) gets a diagnostic on the section whose 例文 it lacks, a hover with the
// 例文 its clause derives from, go to definition to the 例文, and the 「例文との対応」 view (screenshot).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GUIDELINE, waitForDiagnostic, waitForHoverText, withScratch, workspaceFile } from './documents';
import { settle, waitFor } from './poll';
import { takeScreenshot } from './screenshot';

// 3.2 of the example guideline as a city adopts it: numbered 2―2, (2) changed, (4) and (6) dropped.
const POLICY = [
  '# 〇〇市情報セキュリティ対策基準',
  '',
  '## 2―2 組織体制',
  '',
  '(1) 最高情報セキュリティ責任者',
  '',
  '副市長を、最高情報セキュリティ責任者（CISO）とする。',
  '',
  '(2) 統括情報セキュリティ責任者',
  '',
  '総務部長を、CISO直属の統括情報セキュリティ責任者とする。',
  '',
  '(3) 情報セキュリティ責任者',
  '',
  '各部局の長を、情報セキュリティ責任者とする。',
  '',
  '(4) 情報セキュリティ委員会',
  '',
  '情報セキュリティに関する重要な事項を決定するため、情報セキュリティ委員会を設置する。',
  '',
].join('\n');

/** Gives the workbench a moment to paint before a screenshot; never used for an assertion. */

/** Layout commands differ between VS Code versions: one that is missing only costs the screenshot. */
async function tryCommand(command: string): Promise<void> {
  try {
    await vscode.commands.executeCommand(command);
  } catch {
    // not available in this version
  }
}

function positionOf(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, needle);
  return document.positionAt(offset + 1);
}

suite('coverage of a policy against the guideline’s 例文 in VS Code', () => {
  test('diagnostic, hover, definition and the 例文との対応 view', async () => {
    await withScratch(POLICY, async (editor) => {
      const { document } = editor;
      const diagnostic = await waitForDiagnostic(document.uri, 'coverage-missing-example');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(diagnostic.range.start.line, 2, 'on the heading 2―2 組織体制');
      assert.match(diagnostic.message, /3\.2 組織体制/);
      assert.match(diagnostic.message, /\(4\).*\(6\)/);

      const hover = await waitForHoverText(
        document.uri,
        positionOf(document, '総務部長'),
        /例文との対応|Model clause/,
        'a coverage hover on 総務部長',
      );
      assert.match(hover, /3\.2 組織体制 \(2\)/);
      assert.match(hover, /情報政策担当部長/);

      const guideline = workspaceFile(GUIDELINE);
      const locations = await waitFor(
        async () => {
          const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
            'vscode.executeDefinitionProvider',
            document.uri,
            positionOf(document, '各部局の長'),
          );
          return found.length > 0 ? found : undefined;
        },
        { what: 'a definition from the policy clause to its 例文' },
      );
      const target = locations[0];
      const uri = 'uri' in target ? target.uri : target.targetUri;
      const range = 'range' in target ? target.range : target.targetRange;
      assert.equal(uri.toString(), guideline.toString());
      const guidelineDocument = await vscode.workspace.openTextDocument(guideline);
      assert.match(guidelineDocument.lineAt(range.start.line).text, /各部局の長を、情報セキュリティ責任者とする。/);

      // The view follows the active editor; the open command takes a policy or guideline range.
      await vscode.window.showTextDocument(document);
      // Room for the view in the screenshot: the other explorer views are hidden meanwhile.
      const others = ['outline', 'timeline', 'guideline.comments'];
      for (const view of others) await tryCommand(`${view}.removeView`);
      await vscode.commands.executeCommand('guideline.coverage.focus');
      await vscode.commands.executeCommand('guideline.refreshCoverage');
      await settle(1500);
      await takeScreenshot('coverage-view');
      for (const view of others) await tryCommand(`${view}.focus`);
      await vscode.commands.executeCommand('guideline.openCoverageItem', guideline.toString(), {
        start: { line: range.start.line, character: 0 },
        end: { line: range.start.line, character: 0 },
      });
      const active = await waitFor(
        () =>
          vscode.window.activeTextEditor?.document.uri.toString() === guideline.toString()
            ? vscode.window.activeTextEditor
            : undefined,
        { what: 'guideline.openCoverageItem to open the guideline' },
      );
      assert.equal(active.selection.start.line, range.start.line);
      await vscode.window.showTextDocument(document);
    });
  });
});
