// Writing a guideline in a real VS Code: the reibun snippets, completion of cross references and
// the notation quick fixes, each through the same commands a user's keys run.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  diagnosticCode,
  EXTENSION_ID,
  GUIDELINE,
  guidelineDiagnostics,
  lineText,
  waitForDiagnostic,
  withScratch,
  workspaceFile,
} from './documents';
import { waitFor } from './poll';

/** Codes of the notation rules: a snippet must not trip any of them. */
const NOTATION_CODES = new Set([
  'long-vowel-mark',
  'terminology',
  'katakana-variant',
  'halfwidth-katakana',
  'mixed-width-number',
  'bracket-mismatch',
  'prh',
]);

/** Name (the key in snippets/reibun.code-snippets) of the snippet with `prefix`. */
function snippetName(prefix: string): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  const snippets = JSON.parse(
    readFileSync(join(extension.extensionPath, 'snippets/reibun.code-snippets'), 'utf8'),
  ) as Record<string, { prefix: string }>;
  const name = Object.keys(snippets).find((key) => snippets[key].prefix === prefix);
  assert.ok(name, `a snippet with prefix ${prefix} in snippets/reibun.code-snippets`);
  return name;
}

/** Headings of the example guideline as 「number title」 → their line, e.g. 「3.6.1 コンピュータ及びネットワークの管理」. */
function guidelineSections(): Map<string, number> {
  const lines = readFileSync(workspaceFile(GUIDELINE).fsPath, 'utf8').split(/\r?\n/);
  const sections = new Map<string, number>();
  lines.forEach((line, index) => {
    const heading = /^#{1,6}\s+(\d+(?:\.\d+)+\s+\S.*?)\s*$/.exec(line);
    if (heading) sections.set(heading[1], index);
  });
  return sections;
}

function isCodeAction(action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction {
  return 'kind' in action || 'edit' in action || 'diagnostics' in action;
}

function describeAction(action: vscode.CodeAction | vscode.Command): string {
  if (!isCodeAction(action)) return `command ${action.title}`;
  const about = (action.diagnostics ?? []).map((d) => String(diagnosticCode(d))).join(',');
  return `${action.title} [${action.kind?.value ?? '?'}${action.isPreferred ? ', preferred' : ''}${about ? `, for ${about}` : ''}]`;
}

function completionText(item: vscode.CompletionItem): string {
  if (item.textEdit instanceof vscode.TextEdit) return item.textEdit.newText;
  if (item.insertText instanceof vscode.SnippetString) return item.insertText.value;
  return item.insertText ?? (typeof item.label === 'string' ? item.label : item.label.label);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('authoring in VS Code', () => {
  test('the reibun-section snippet inserts 【趣旨】【例文】（解説） without notation findings', async () => {
    // A mistyped line after the insertion point: its diagnostic, once it has moved below the
    // snippet, shows that the server has checked the text with the snippet in it.
    const sentinel = '本文のセキュリティポリシ｜を守る。';
    await withScratch(`\n${sentinel}\n`, async (editor) => {
      const { document } = editor;
      await waitForDiagnostic(
        document.uri,
        'long-vowel-mark',
        (d) => d.range.start.line === 1,
        'the sentinel long-vowel-mark before the snippet',
      );
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('editor.action.insertSnippet', {
        langId: 'markdown',
        name: snippetName('reibun-section'),
      });

      const text = await waitFor(() => (document.getText().includes('【趣旨】') ? document.getText() : undefined), {
        what: 'the snippet in the document',
        lastSeen: () => JSON.stringify(document.getText()),
      });
      for (const marker of ['【趣旨】', '【例文】', '（解説）'])
        assert.ok(text.includes(marker), `the snippet contains ${marker}:\n${text}`);
      assert.match(text, /^### 3\.6\.2 アクセス制御$/m, 'the heading placeholder');
      assert.match(
        text,
        /^① 統括情報セキュリティ責任者は、対策の内容を行わなければならない。$/m,
        'the first choice of the role',
      );

      const sentinelLine = document.positionAt(text.indexOf(sentinel)).line;
      assert.ok(sentinelLine > 10, `the sentinel moved below the snippet (line ${sentinelLine})`);
      await waitForDiagnostic(
        document.uri,
        'long-vowel-mark',
        (d) => d.range.start.line === sentinelLine,
        `the sentinel long-vowel-mark on line ${sentinelLine}`,
      );
      const inSnippet = guidelineDiagnostics(document.uri).filter(
        (d) => d.range.start.line < sentinelLine && NOTATION_CODES.has(String(diagnosticCode(d))),
      );
      assert.deepEqual(inSnippet, [], `notation findings in the snippet: ${describeDiagnostics(inSnippet)}`);
    });
  });

  test('completion after 「3.6. offers the sections of the guideline, and accepting one closes the reference', async () => {
    const sections = guidelineSections();
    assert.ok(sections.has('3.6.1 コンピュータ及びネットワークの管理'), 'the example guideline has 3.6.1');
    const typed = '詳細は「3.6.';
    await withScratch('', async (editor) => {
      const { document } = editor;
      // Typed like a user: the trigger characters 「 and . go through the editor.
      await vscode.commands.executeCommand('type', { text: typed });
      const afterTyping = lineText(document, 0) ?? '';
      assert.ok(afterTyping.startsWith(typed), `typed text: ${afterTyping}`);
      await vscode.commands.executeCommand('hideSuggestWidget');
      const end = new vscode.Position(0, typed.length);
      editor.selection = new vscode.Selection(end, end);

      // The content: every 3.6.x section, with its title and the closing 」.
      let labels: string[] = [];
      const items = await waitFor(
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            document.uri,
            end,
            '.',
          );
          labels = list.items.map(labelOf);
          const found = list.items.filter((i) => /^3\.6\.\d/.test(labelOf(i)));
          return found.length > 0 ? found : undefined;
        },
        { what: 'completion items for 3.6.x sections', lastSeen: () => labels.join(' | ') || '(none)' },
      );
      for (const section of [...sections.keys()].filter((s) => s.startsWith('3.6.'))) {
        const item = items.find((i) => completionText(i).startsWith(section));
        assert.ok(item, `a completion for ${section}; got ${items.map((i) => completionText(i)).join(' | ')}`);
        assert.ok(completionText(item).endsWith('」'), `${completionText(item)} closes the reference`);
      }

      // The real flow: open the suggest widget and accept what it selects.
      let attempts = 0;
      const accepted = await waitFor(
        async () => {
          if (attempts++ % 8 === 0) await vscode.commands.executeCommand('editor.action.triggerSuggest');
          await vscode.commands.executeCommand('acceptSelectedSuggestion');
          const line = lineText(document, 0) ?? '';
          return line !== afterTyping ? line : undefined;
        },
        { what: 'the suggest widget to accept a suggestion', lastSeen: () => lineText(document, 0) ?? '' },
      );
      const match = /^詳細は「(\d+(?:\.\d+)+ [^」]+)」$/.exec(accepted);
      assert.ok(match, `the accepted line is a closed reference: ${accepted}`);
      assert.ok(sections.has(match[1]), `「${match[1]}」 is a section of ${GUIDELINE} with its title`);
      assert.ok(match[1].startsWith('3.6.'), `the accepted section continues what was typed: ${match[1]}`);
    });
  });

  test('the preferred quick fix for long-vowel-mark turns 「ポリシ｜」 into 「ポリシー」', async () => {
    await withScratch('# 3 テスト\n\n## 3.1 概要\n\nセキュリティポリシ｜を守る。\n', async ({ document }) => {
      const diagnostic = await waitForDiagnostic(document.uri, 'long-vowel-mark');
      let seen: string[] = [];
      const preferred = await waitFor(
        async () => {
          const all = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
            'vscode.executeCodeActionProvider',
            document.uri,
            diagnostic.range,
          );
          seen = all.map(describeAction);
          // The API command does not hand back an action's diagnostics: quick fixes are told by kind.
          return all
            .filter(isCodeAction)
            .find((a) => a.isPreferred && a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
        },
        { what: 'a preferred quick fix for long-vowel-mark', lastSeen: () => seen.join(' | ') || '(none)' },
      );
      assert.ok(preferred.edit, `the preferred fix ${preferred.title} has an edit`);
      assert.match(preferred.title, /ー/, `the fix names the long-vowel mark: ${preferred.title}`);
      assert.equal(await vscode.workspace.applyEdit(preferred.edit), true);
      assert.equal(lineText(document, 4), 'セキュリティポリシーを守る。');
      await waitFor(
        () =>
          guidelineDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'long-vowel-mark') ? undefined : true,
        {
          what: 'the long-vowel-mark diagnostic to go away after the fix',
          lastSeen: () => describeDiagnostics(guidelineDiagnostics(document.uri)),
        },
      );
    });
  });

  test('guideline.fixAll fixes every mistyped long vowel in the file', async () => {
    const content = '# 3 テスト\n\n## 3.1 概要\n\nセキュリティポリシ｜を守る。\n\nサ｜バを管理する。\n';
    await withScratch(content, async ({ document }) => {
      await waitFor(
        () =>
          guidelineDiagnostics(document.uri).filter((d) => diagnosticCode(d) === 'long-vowel-mark').length >= 2
            ? true
            : undefined,
        {
          what: 'two long-vowel-mark diagnostics',
          lastSeen: () => describeDiagnostics(guidelineDiagnostics(document.uri)),
        },
      );
      await vscode.commands.executeCommand('guideline.fixAll');
      const text = await waitFor(() => (document.getText().includes('｜') ? undefined : document.getText()), {
        what: 'guideline.fixAll to replace every 「｜」',
        lastSeen: () => JSON.stringify(document.getText()),
      });
      assert.equal(text, content.replace(/｜/g, 'ー'));
    });
  });
});
