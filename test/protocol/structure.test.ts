import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXAMPLES, FIXTURES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';

const GUIDELINE = resolve(EXAMPLES, 'guideline/security-policy-guideline.md');
const guidelineUri = fileUri(GUIDELINE);
const guidelineText = readFileSync(GUIDELINE, 'utf8');

interface Symbol {
  name: string;
  kind: number;
  range: { start: { line: number } };
  selectionRange: { start: { line: number; character: number } };
  children?: Symbol[];
}

function findSymbol(symbols: Symbol[], prefix: string): Symbol | undefined {
  for (const symbol of symbols) {
    if (symbol.name.startsWith(prefix)) return symbol;
    const inner = findSymbol(symbol.children ?? [], prefix);
    if (inner) return inner;
  }
  return undefined;
}

describe('language server over stdio: structure', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspace: EXAMPLES });
    await server.open(guidelineUri, guidelineText);
  });
  after(async () => {
    assert.equal(await server.shutdown(), 0);
  });

  test('initialize announces incremental sync, pull diagnostics and the features', () => {
    const result = server.initializeResult!;
    assert.equal(result.serverInfo?.name, 'guideline-language-server');
    const caps = result.capabilities as Record<string, Record<string, unknown>>;
    assert.equal(caps.textDocumentSync.change, 2);
    assert.deepEqual(caps.diagnosticProvider, {
      identifier: 'guideline',
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
    for (const name of [
      'documentSymbolProvider',
      'foldingRangeProvider',
      'selectionRangeProvider',
      'workspaceSymbolProvider',
      'definitionProvider',
      'referencesProvider',
      'hoverProvider',
    ]) {
      assert.ok(caps[name], name);
    }
  });

  test('document symbols: hierarchical outline with chapters, sections, parts, items', async () => {
    const symbols = await server.request<Symbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: guidelineUri },
    });
    const chapter3 = findSymbol(symbols, '第3章')!;
    assert.ok(chapter3, 'chapter 3');
    const section = findSymbol(chapter3.children!, '3.6.2')!;
    assert.equal(section.name, '3.6.2 アクセス制御');
    const part = findSymbol(section.children!, '【例文】')!;
    assert.ok(findSymbol(part.children!, '(2)'));
    assert.equal(findSymbol(symbols, '3.8.1')!.name, '3.8.1 外部委託');
  });

  test('folding ranges cover sections and parts', async () => {
    const ranges = await server.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', {
      textDocument: { uri: guidelineUri },
    });
    const heading = positionOf(guidelineText, '#### 3.6.2 アクセス制御').line;
    const fold = ranges.find((r) => r.startLine === heading);
    assert.ok(fold && fold.endLine > heading + 10);
  });

  test('selection ranges expand from an item to its part, section and chapter', async () => {
    const position = positionOf(guidelineText, '#### 3.6.2 アクセス制御', 10);
    const [range] = await server.request<Array<{ range: unknown; parent?: unknown }>>('textDocument/selectionRange', {
      textDocument: { uri: guidelineUri },
      positions: [position],
    });
    let depth = 0;
    for (let r: { parent?: unknown } | undefined = range; r; r = r.parent as { parent?: unknown } | undefined) depth++;
    assert.ok(depth >= 3, `depth ${depth}`);
  });

  test('workspace symbols by number and by title', async () => {
    const byNumber = await server.request<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', {
      query: '3.6.2',
    });
    assert.equal(byNumber[0].name, '3.6.2 アクセス制御');
    assert.equal(byNumber[0].location.uri, guidelineUri);
    const byTitle = await server.request<Array<{ name: string }>>('workspace/symbol', { query: 'アクセス制御' });
    assert.ok(byTitle.some((s) => s.name === '3.6.2 アクセス制御'));
  });

  test('go to definition from a cross reference', async () => {
    const position = positionOf(guidelineText, '「3.6.1 アクセス制御」', 2);
    const locations = await server.request<Array<{ uri: string; range: { start: { line: number } } }>>(
      'textDocument/definition',
      { textDocument: { uri: guidelineUri }, position },
    );
    assert.equal(locations[0].uri, guidelineUri);
    assert.equal(locations[0].range.start.line, positionOf(guidelineText, '#### 3.6.1 ').line);
  });

  test('document links: resolved cross references link to their section; unknown sections get none', async () => {
    const links = await server.request<
      Array<{ range: { start: { line: number; character: number } }; target: string }>
    >('textDocument/documentLink', { textDocument: { uri: guidelineUri } });
    const start = positionOf(guidelineText, '「3.6.1 アクセス制御」', 1);
    const quoted = links.find((l) => l.range.start.line === start.line && l.range.start.character === start.character);
    assert.ok(quoted, 'a link on 「3.6.1 アクセス制御」');
    assert.equal(quoted.target, `${guidelineUri}#L${positionOf(guidelineText, '#### 3.6.1 ').line + 1},6`);
    assert.ok(links.length >= 5, `links: ${links.length}`);
    const uri = 'untitled:links-unknown';
    const text = '### 1.1 目的\n\n「9.9.9 存在しない節」を参照し、「1.1 目的」も参照する。\n';
    await server.open(uri, text);
    const own = await server.request<Array<{ target: string }>>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      own.map((l) => l.target),
      [`${uri}#L1,5`],
    );
  });

  test('hover on a cross reference shows the target title and first lines', async () => {
    const position = positionOf(guidelineText, '「3.6.1 アクセス制御」', 2);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position,
    });
    assert.match(hover.contents.value, /\*\*3\.6\.1 コンピュータ及びネットワークの管理\*\*/);
  });

  test('definition and hover on 同項 in articles-style rules go to the paragraph the line named before', async () => {
    const uri = 'untitled:rules-same-paragraph';
    const text = [
      '第3条（アクセス制御）',
      '',
      '権限を設定しなければならない。',
      '',
      '2 異動の際に権限を変更しなければならない。',
      '',
      '第4条（記録）',
      '',
      '第3条第2項の変更は、同項の規定により記録する。',
      '',
    ].join('\n');
    await server.open(uri, text);
    const position = positionOf(text, '同項', 1);
    const locations = await server.request<Array<{ uri: string; range: { start: { line: number } } }>>(
      'textDocument/definition',
      { textDocument: { uri }, position },
    );
    assert.equal(locations[0].uri, uri);
    assert.equal(locations[0].range.start.line, positionOf(text, '2 異動').line);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position,
    });
    assert.match(hover.contents.value, /\*\*同項\*\* → 2 異動の際に/);
  });

  test('find references from a section heading', async () => {
    const position = positionOf(guidelineText, '#### 3.6.1 ', 6);
    const locations = await server.request<Array<{ uri: string; range: { start: { line: number } } }>>(
      'textDocument/references',
      { textDocument: { uri: guidelineUri }, position, context: { includeDeclaration: true } },
    );
    assert.ok(locations.length >= 2);
    assert.ok(locations.some((l) => l.range.start.line === positionOf(guidelineText, '「3.6.1 アクセス制御」').line));
  });

  test('pull diagnostics: cross references and numbering, with codes and related information', async () => {
    const diagnostics = await server.diagnostics(guidelineUri);
    const codes = diagnostics.map((d) => d.code).sort();
    for (const code of ['numbering-gap', 'xref-title-mismatch', 'xref-unknown-section'])
      assert.ok(codes.includes(code), code);
    for (const d of diagnostics) assert.equal(d.source, 'guideline');
    assert.ok(diagnostics.find((d) => d.code === 'numbering-gap')!.relatedInformation!.length > 0);
  });

  test('didChange (incremental) updates the model and diagnostics', async () => {
    const uri = fileUri(resolve(FIXTURES, 'model/unsaved.md'));
    await server.open(uri, '### 3.1 組織体制\n\n(1) 一\n\n(2) 二\n');
    assert.deepEqual(await server.diagnostics(uri), []);
    await server.change(uri, 2, [
      { range: { start: { line: 4, character: 1 }, end: { line: 4, character: 2 } }, text: '3' },
    ]);
    const after = await server.diagnostics(uri);
    assert.deepEqual(
      after.map((d) => d.code),
      ['numbering-gap'],
    );
    const symbols = await server.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].children![1].name, '(3) 二');
    await server.close(uri);
  });

  test('a series of incremental edits gives the same outline and diagnostics as opening the final text', async () => {
    const uri = fileUri(resolve(FIXTURES, 'model/edited.md'));
    let text = guidelineText;
    await server.open(uri, text);
    const edits = [
      { needle: '#### 3.6.2 アクセス制御', insert: '#### 3.6.9 追加した節\n\n本文。\n\n' },
      { needle: '(2) 職員等による外部からのアクセス等の制限', insert: '```\n' },
      { needle: '#### 3.8.1 外部委託', insert: '```\n\n' },
      { needle: '「3.6.1 アクセス制御」', insert: 'セキュリティポリシ｜' },
    ];
    let version = 1;
    for (const edit of edits) {
      const offset = text.indexOf(edit.needle);
      const before = text.slice(0, offset).split('\n');
      const position = { line: before.length - 1, character: before[before.length - 1].length };
      text = text.slice(0, offset) + edit.insert + text.slice(offset);
      await server.change(uri, ++version, [{ range: { start: position, end: position }, text: edit.insert }]);
      await server.diagnostics(uri);
    }
    const incremental = [
      await server.request('textDocument/documentSymbol', { textDocument: { uri } }),
      await server.diagnostics(uri),
    ];
    await server.close(uri);
    const freshUri = fileUri(resolve(FIXTURES, 'model/edited-fresh.md'));
    await server.open(freshUri, text);
    const fresh = [
      await server.request('textDocument/documentSymbol', { textDocument: { uri: freshUri } }),
      await server.diagnostics(freshUri),
    ];
    assert.deepEqual(
      JSON.parse(JSON.stringify(incremental).replaceAll('edited.md', 'X')),
      JSON.parse(JSON.stringify(fresh).replaceAll('edited-fresh.md', 'X')),
    );
    await server.close(freshUri);
  });

  test('a pull overtaken by an edit is never answered for the old text (cancelled, or computed on the new one)', async () => {
    const uri = fileUri(resolve(FIXTURES, 'model/overtaken.md'));
    await server.open(uri, '### 3.1 組織体制\n\n本文。\n');
    const frame = (message: object): string => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    };
    for (let round = 0; round < 5; round++) {
      const version = 2 + round * 2;
      await server.change(uri, version, [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'あ' },
      ]);
      // What VS Code sends when the user types while a pull is out: the pull, the edit (one more
      // half-width katakana) and the pull's cancellation, arriving together.
      const id = `overtaken-${round}`;
      const answer = new Promise<{ result?: { items: unknown[] }; error?: { code: number } }>((resolveAnswer) => {
        let buffered = '';
        const listen = (chunk: Buffer): void => {
          buffered += chunk.toString('utf8');
          const at = buffered.indexOf(`"id":"${id}"`);
          if (at < 0) return;
          const start = buffered.lastIndexOf('{"jsonrpc"', at);
          for (let end = buffered.indexOf('}', at); end > 0; end = buffered.indexOf('}', end + 1)) {
            try {
              const message = JSON.parse(buffered.slice(start, end + 1));
              server.process.stdout.off('data', listen);
              resolveAnswer(message);
              return;
            } catch {
              // not the end of the message yet
            }
          }
        };
        server.process.stdout.on('data', listen);
      });
      server.process.stdin.write(
        frame({ id, method: 'textDocument/diagnostic', params: { textDocument: { uri } } }) +
          frame({
            method: 'textDocument/didChange',
            params: {
              textDocument: { uri, version: version + 1 },
              contentChanges: [
                { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'ｶ' },
              ],
            },
          }) +
          frame({ method: '$/cancelRequest', params: { id } }),
      );
      const earlier = await answer;
      const second = await server.diagnostics(uri);
      assert.equal(second.filter((d) => d.code === 'halfwidth-katakana').length, round + 1);
      if (earlier.result) assert.deepEqual(earlier.result.items, second, 'the first pull saw the edit');
      else assert.ok(earlier.error, 'cancelled');
    }
    await server.close(uri);
  });

  test('settings from workspace/configuration: a rule turned off or re-graded', async () => {
    server.settings = { rules: { 'numbering-gap': 'off', 'xref-unknown-section': 'error' } };
    await server.notify('workspace/didChangeConfiguration', { settings: null });
    // The server re-reads its settings and asks the client to pull again.
    for (let i = 0; i < 50 && server.refreshes < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const diagnostics = await server.diagnostics(guidelineUri);
    assert.ok(!diagnostics.some((d) => d.code === 'numbering-gap'));
    assert.equal(diagnostics.find((d) => d.code === 'xref-unknown-section')!.severity, 1);
    server.settings = {};
  });

  test('English messages when the client locale is English', async () => {
    const english = await startServer({ workspace: EXAMPLES, locale: 'en-US' });
    try {
      await english.open(guidelineUri, guidelineText);
      const diagnostics = await english.diagnostics(guidelineUri);
      assert.match(
        diagnostics.find((d) => d.code === 'xref-unknown-section')!.message,
        /^Section 3\.10\.2 does not exist\./,
      );
    } finally {
      await english.shutdown();
    }
  });

  test('completion: section references after 「 from the workspace, the next item number, roles', async () => {
    const uri = fileUri(resolve(FIXTURES, 'model/completion.md'));
    const text =
      '### 3.1 組織体制\n\n**【例文】**\n\n(1) 最高情報セキュリティ責任者\n\n(2) 統括情報セキュリティ責任者\n\n\n詳細は「3.6.\n\n統括\n';
    await server.open(uri, text);
    type Item = { label: string; textEdit: { newText: string; range: { start: { character: number } } } };
    const list = (line: number, character: number) =>
      server.request<{ isIncomplete: boolean; items: Item[] }>('textDocument/completion', {
        textDocument: { uri },
        position: { line, character },
        context: { triggerKind: 1 },
      });
    const sections = await list(9, 9);
    assert.deepEqual(
      sections.items.map((i) => i.label),
      [
        '3.6.1 コンピュータ及びネットワークの管理',
        '3.6.2 アクセス制御',
        '3.6.3 システム開発、導入、保守等',
        '3.6.4 不正プログラム対策',
        '3.6.5 不正アクセス対策',
      ],
    );
    assert.equal(sections.items[1].textEdit.newText, '3.6.2 アクセス制御」');
    const next = await list(8, 0);
    assert.equal(next.items[0].textEdit.newText, '(3) ');
    const roles = await list(11, 2);
    assert.ok(
      roles.items.some((i) => i.label === '統括情報セキュリティ責任者' && i.textEdit.range.start.character === 0),
    );
    await server.close(uri);
  });

  test('requests for unknown documents answer null or empty, and the server stays up', async () => {
    const uri = 'file:///nowhere/missing.md';
    assert.equal(await server.request('textDocument/documentSymbol', { textDocument: { uri } }), null);
    assert.deepEqual(await server.diagnostics(uri), []);
    assert.equal(
      await server.request('textDocument/hover', {
        textDocument: { uri: guidelineUri },
        position: { line: 99999, character: 5 },
      }),
      null,
    );
    const symbols = await server.request<Symbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: guidelineUri },
    });
    assert.ok(symbols.length > 0);
  });
});
