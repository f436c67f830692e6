// Shared helpers of the suite: the extension under test, the example guideline in the workspace
// folder (examples/), scratch documents and the guideline's diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { settle, waitFor } from './poll';

export const EXTENSION_ID = 'guideline-tools.guideline-tools';
/** The example guideline, relative to the workspace folder. */
export const GUIDELINE = 'guideline/security-policy-guideline.md';
/** `source` of the language server's diagnostics. */
export const SOURCE = 'guideline';

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open (examples/)');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function showWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(relativePath)));
}

/** The guideline open and the comments view focused, its first round's first section expanded: ready for a screenshot. */
export async function showCommentsView(): Promise<void> {
  await showWorkspaceFile(GUIDELINE);
  // Folders collapsed so that the comments view below them has room in the screenshot.
  await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
  await vscode.commands.executeCommand('guideline.focusComments');
  // Expands the first section of the first round once the tree has loaded, so comments show.
  await settle(2000);
  await vscode.commands.executeCommand('list.focusFirst');
  await vscode.commands.executeCommand('list.focusDown');
  await vscode.commands.executeCommand('list.expand');
  await settle();
}

/**
 * The text of every hover at a position, joined, once it contains `expected`: the server may still be
 * reading the workspace, so the hover is asked again until then (the timeout message shows what came).
 */
export async function waitForHoverText(
  uri: vscode.Uri,
  position: vscode.Position,
  expected: RegExp | string,
  what: string,
): Promise<string> {
  let last = '';
  return waitFor(
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      last = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) ? last : undefined;
    },
    { what, lastSeen: () => last.slice(0, 400) },
  );
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | number | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' && code !== null ? code.value : code;
}

export function guidelineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) =>
        `${d.source ?? '?'}/${String(diagnosticCode(d))} at ${d.range.start.line}:${d.range.start.character}: ${d.message}`,
    )
    .join('; ');
}

/** Waits for a guideline diagnostic with `code` on `uri` that satisfies `where` (default: any). */
export async function waitForDiagnostic(
  uri: vscode.Uri,
  code: string,
  where: (diagnostic: vscode.Diagnostic) => boolean = () => true,
  what = `a ${SOURCE}/${code} diagnostic on ${uri.toString()}`,
): Promise<vscode.Diagnostic> {
  return waitFor(() => guidelineDiagnostics(uri).find((d) => diagnosticCode(d) === code && where(d)), {
    what,
    lastSeen: () => describeDiagnostics(vscode.languages.getDiagnostics(uri)),
  });
}

/** Opens an untitled Markdown document in an editor. Close it with `closeScratch`. */
export async function openScratch(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  assert.equal(document.uri.scheme, 'untitled');
  return vscode.window.showTextDocument(document);
}

/** Reverted before closing: closing a dirty untitled editor would wait on a save dialog. */
export async function closeScratch(document: vscode.TextDocument): Promise<void> {
  if (document.isClosed) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Runs `body` on an untitled Markdown document that is closed afterwards, passed or failed. */
export async function withScratch<T>(content: string, body: (editor: vscode.TextEditor) => Promise<T>): Promise<T> {
  const editor = await openScratch(content);
  try {
    return await body(editor);
  } finally {
    await closeScratch(editor.document);
  }
}

/** The text of `line` in `document`, or `undefined` past its end. */
export function lineText(document: vscode.TextDocument, line: number): string | undefined {
  return line < document.lineCount ? document.lineAt(line).text : undefined;
}
