// Coverage across guideline versions in the real VS Code, on test/fixtures/coverage-versions (run with
// --suite coverage-versions): guideline.config.json lists the 令和4年3月版 as an earlier version of the
// 令和6年10月版 and names it as the city policy's guideline. The policy gets coverage-unreflected-example
// on its sections with 例文 changed since then, the hover on a clause adopted before the change says
// so, and the 「例文との対応」 view shows the group 「令和4年3月版から新設・変更（未反映）」 (screenshot).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  diagnosticCode,
  guidelineDiagnostics,
  showWorkspaceFile,
  waitForHoverText,
} from './documents';
import { settle, waitFor } from './poll';
import { takeScreenshot } from './screenshot';

const POLICY = 'policy-city.md';

function positionOf(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, needle);
  return document.positionAt(offset + 1);
}

/** Layout commands differ between VS Code versions: one that is missing only costs the screenshot. */
async function tryCommand(command: string): Promise<void> {
  try {
    await vscode.commands.executeCommand(command);
  } catch {
    // not available in this version
  }
}

/** Gives the workbench a moment to paint before a screenshot; never used for an assertion. */

suite('coverage of a policy across guideline versions (coverage-versions fixture)', () => {
  test('diagnostics on the sections with unreflected 例文, the hover, and the view’s version group', async () => {
    const editor = await showWorkspaceFile(POLICY);
    const { document } = editor;
    const found = await waitFor(
      () => {
        const list = guidelineDiagnostics(document.uri).filter(
          (d) => diagnosticCode(d) === 'coverage-unreflected-example',
        );
        return list.length >= 6 ? list : undefined;
      },
      {
        what: 'coverage-unreflected-example on policy-city.md',
        timeoutMs: 60_000,
        lastSeen: () => describeDiagnostics(guidelineDiagnostics(document.uri)),
      },
    );
    const onSection = found.find((d) => /3\.5\.1 職員等の遵守事項/.test(d.message));
    assert.ok(onSection, describeDiagnostics(found));
    assert.equal(onSection.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(document.lineAt(onSection.range.start.line).text, '### 2―5―1 職員等の遵守事項');
    // VS Code's display language decides the server's: Japanese, or English in code-server.
    assert.match(
      onSection.message,
      /令和4年3月版から新設・変更された 1 件.*\(1\)③（変更・未反映（旧文のまま））|1 model clause\(s\) of "3\.5\.1 職員等の遵守事項" new or changed since 令和4年3月版 .*\(1\)③ \(changed, not reflected \(old wording\)\)/,
    );
    assert.ok(found.some((d) => /3\.6\.2 \(2\)④/.test(d.message) && /削除|deleted/.test(d.message)));

    const hover = await waitForHoverText(
      document.uri,
      positionOf(document, '支給以外のパソコン'),
      /令和4年3月版/,
      'a hover naming the 令和4年3月版 change',
    );
    assert.match(
      hover,
      /令和4年3月版から変更された例文です（未反映（旧文のまま））|Changed since 令和4年3月版 \(not reflected \(old wording\)\)/,
    );
    assert.match(hover, /\*\*ただし、業務上必要な場合は/);

    // The view follows the active editor: its version group comes first (see the screenshot).
    const others = ['outline', 'timeline', 'guideline.comments'];
    for (const view of others) await tryCommand(`${view}.removeView`);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('guideline.coverage.focus');
    await vscode.commands.executeCommand('guideline.refreshCoverage');
    // Two comparisons of a policy with two guideline versions on a loaded machine: time to paint.
    await settle(4000);
    await takeScreenshot('coverage-versions-view');
    for (const view of others) await tryCommand(`${view}.focus`);
  });
});
