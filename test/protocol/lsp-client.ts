/**
 * Drives the built server (`dist/cli.js lsp --stdio`) over JSON-RPC the way an editor does.
 * Used by every protocol test.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export { REPO_ROOT, EXAMPLES } from '../support/paths';
import { REPO_ROOT } from '../support/paths';
export const CLI = resolve(REPO_ROOT, 'dist/cli.js');

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  /** Settings the server reads through workspace/configuration. */
  settings: Record<string, unknown>;
  /** Count of workspace/diagnostic/refresh requests received. */
  refreshes: number;
  readonly logs: string[];
  /** Diagnostics the server pushed (`textDocument/publishDiagnostics`), latest per URI, in arrival order. */
  readonly published: Array<{ uri: string; diagnostics: Array<{ code: string; message: string }> }>;
  /** The server's answer to `initialize`. */
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } } | null;
  request<R>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: unknown[]): Promise<void>;
  close(uri: string): Promise<void>;
  diagnostics(uri: string): Promise<
    Array<{
      code: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      severity: number;
      source: string;
      relatedInformation?: Array<{
        location: { uri: string; range: { start: { line: number; character: number } } };
        message: string;
      }>;
    }>
  >;
  shutdown(): Promise<number | null>;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The LSP position `delta` characters after the first `needle` in `text`; the needle must be there. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} in text`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export async function startServer(
  options: {
    workspace?: string;
    locale?: string;
    settings?: Record<string, unknown>;
    initializationOptions?: unknown;
    /** Declare pull diagnostics (LSP 3.17), as VS Code does; false: an editor that only takes pushes. */
    pullDiagnostics?: boolean;
    /** Declare server-initiated progress (window/workDoneProgress), as VS Code does. */
    workDoneProgress?: boolean;
  } = {},
): Promise<TestServer> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const logs: string[] = [];
  child.stderr.on('data', (chunk) => logs.push(String(chunk)));
  const server: TestServer = {
    connection,
    process: child,
    settings: options.settings ?? {},
    refreshes: 0,
    logs,
    published: [],
    initializeResult: null,
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    open: (uri, text, languageId = 'markdown', version = 1) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } }),
    change: (uri, version, changes) =>
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: changes,
      }),
    close: (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    async diagnostics(uri) {
      const report = await connection.sendRequest<{ kind: string; items: never[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      return report.items;
    },
    async shutdown() {
      const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((item) => (item.section === 'guideline' ? server.settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => {
    server.refreshes++;
    return null;
  });
  connection.onNotification(
    'textDocument/publishDiagnostics',
    (params: { uri: string; diagnostics: Array<{ code: string; message: string }> }) => {
      server.published.push(params);
    },
  );
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.listen();

  const workspaceFolders = options.workspace ? [{ uri: fileUri(options.workspace), name: 'workspace' }] : null;
  server.initializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceFolders?.[0].uri ?? null,
    workspaceFolders,
    locale: options.locale ?? 'ja',
    initializationOptions: options.initializationOptions ?? {},
    capabilities: {
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...(options.pullDiagnostics === false
          ? { publishDiagnostics: { relatedInformation: true } }
          : { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  return server;
}
