// The language server dies (killed, as a crash would end it): the client starts it again and the
// guideline keeps its diagnostics. Runs last (files run in name order): it replaces the server.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { waitFor } from './poll';
import { takeScreenshot } from './screenshot';
import { diagnosticCode, GUIDELINE, guidelineDiagnostics, workspaceFile } from './documents';
import { SERVER_NODE_FLAGS } from '../../../server/src/protocol/launch';

/** The command line of a process, or null when it has ended. */
function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

/** Processes of this extension host's language server: children running `cli.js lsp`. */
function languageServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = commandLine(Number(entry)) ?? [];
      if (parent === process.pid && command.some((a) => a.endsWith('dist/cli.js')) && command.includes('lsp'))
        pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

suite('language server restart', () => {
  test("the server runs with the extension's node flags; a killed one is started again (same flags) and answers", async function () {
    if (process.platform !== 'linux') this.skip();
    const [pid] = await waitFor(
      () => {
        const found = languageServerPids();
        return found.length > 0 ? found : undefined;
      },
      { what: 'the language server process' },
    );
    // Started with the node flags of server/src/protocol/launch.ts (the young-generation size), before and after the restart.
    for (const flag of SERVER_NODE_FLAGS)
      assert.ok(commandLine(pid)?.includes(flag), `${flag} in ${commandLine(pid)?.join(' ')}`);
    process.kill(pid, 'SIGKILL');
    const [restarted] = await waitFor(
      () => {
        const found = languageServerPids().filter((p) => p !== pid);
        return found.length > 0 ? found : undefined;
      },
      { what: 'a new language server process', timeoutMs: 30_000 },
    );
    for (const flag of SERVER_NODE_FLAGS)
      assert.ok(
        commandLine(restarted)?.includes(flag),
        `${flag} in ${commandLine(restarted)?.join(' ')} after the restart`,
      );
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '### 3.1 組織\n\nセキュリティポリシ｜を定める。\n',
    });
    await vscode.window.showTextDocument(document);
    const found = await waitFor(
      () => guidelineDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'long-vowel-mark'),
      {
        what: 'a long-vowel-mark diagnostic from the restarted server',
        timeoutMs: 30_000,
      },
    );
    assert.equal(found.range.start.line, 2);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // The open guideline gets its diagnostics and its outline from the new server too.
    const guideline = workspaceFile(GUIDELINE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(guideline));
    await waitFor(
      () => (guidelineDiagnostics(guideline).some((d) => diagnosticCode(d) === 'comment-accepted') ? true : undefined),
      {
        what: 'the guideline diagnostics (comment-accepted included) after the restart',
        timeoutMs: 30_000,
      },
    );
    // This extension's symbols (VS Code's own Markdown outline names them with their #'s).
    await waitFor(
      async () => {
        const symbols =
          (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
            'vscode.executeDocumentSymbolProvider',
            guideline,
          )) ?? [];
        const all: vscode.DocumentSymbol[] = [];
        const flatten = (list: readonly vscode.DocumentSymbol[]): void =>
          list.forEach((s) => (all.push(s), flatten(s.children ?? [])));
        flatten(symbols);
        return all.find((s) => s.name === '3.6.2 アクセス制御');
      },
      { what: 'the outline of the new server (3.6.2 アクセス制御)' },
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await takeScreenshot('after-restart');
  });
});
