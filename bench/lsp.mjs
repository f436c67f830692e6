/**
 * Drives the built server (`dist/cli.js lsp --stdio`) over JSON-RPC as an editor does (the same
 * handshake as test/protocol/lsp-client.ts) and times requests as the client sees them.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const fileUri = (path) => pathToFileURL(path).href;

/** The node flags the extension starts the server with (server/src/protocol/launch.ts). */
export const SERVER_NODE_FLAGS = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'protocol', 'server-node-flags.json'),
    'utf8',
  ),
);

/**
 * A private copy of the built server (its bundles, source maps, lazy libraries and dictionary): other work on
 * the machine may rebuild dist/ in the middle of a run, which would kill or change the server.
 */
export function snapshotCli(root, tmp) {
  const dir = join(tmp, 'server');
  mkdirSync(dir, { recursive: true });
  for (let attempt = 1; ; attempt++) {
    try {
      // The entry and the bundles it loads (server.js, commands.js), with their source maps.
      for (const name of ['cli', 'server', 'commands'])
        for (const suffix of ['.js', '.js.map'])
          copyFileSync(join(root, 'dist', name + suffix), join(dir, name + suffix));
      // The lazily loaded libraries and the dictionary, next to the bundle as in dist/.
      cpSync(join(root, 'dist', 'lazy'), join(dir, 'lazy'), { recursive: true });
      cpSync(join(root, 'dist', 'dict'), join(dir, 'dict'), { recursive: true });
      return join(dir, 'cli.js');
    } catch (error) {
      // dist/ is being rebuilt by someone else: it is back within seconds.
      if (error.code !== 'ENOENT' || attempt >= 30) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
}

/** Resident set size of a process in MB (VmRSS), or the peak (VmHWM). */
export function residentMB(pid, field = 'VmRSS') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * Spawns and initializes a server for `workspace`, with the extension's node flags; `nodeArgs` go
 * to node as well (e.g. --cpu-prof).
 * Resolves once `initialized` is sent; `startupMs` is spawn → initialize answered.
 */
export async function startServer({ cli, workspace, nodeArgs = [] }) {
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, cli, 'lsp', '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const logs = [];
  child.stderr.on('data', (chunk) => logs.push(String(chunk)));
  let stopping = false;
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      // A crash must fail the pending requests, not leave the benchmark waiting forever.
      if (!stopping) {
        console.error(`server exited unexpectedly (code ${code}, signal ${signal}):\n${logs.join('').slice(-4000)}`);
        connection.dispose();
      }
      resolve(code);
    }),
  );
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onNotification('window/logMessage', (params) => logs.push(params.message));
  connection.onNotification('window/showMessage', (params) => logs.push(params.message));
  connection.listen();

  const workspaceFolders = [{ uri: fileUri(workspace), name: 'bench' }];
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceFolders[0].uri,
    workspaceFolders,
    locale: 'ja',
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
  });
  const startupMs = performance.now() - started;
  await connection.sendNotification('initialized', {});

  return {
    pid: child.pid,
    logs,
    startupMs,
    open: (uri, text, version = 1) =>
      connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version, text },
      }),
    close: (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } }),
    /** An incremental change: insert `text` at `position`. */
    insert: (uri, version, position, text) =>
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text }],
      }),
    /** The diagnostic pull; `token` cancels it as VS Code does when a newer edit arrives. */
    pull: (uri, token) =>
      token
        ? connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, token)
        : connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }),
    hover: (uri, position) => connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
    cancellation: () => new CancellationTokenSource(),
    async shutdown() {
      stopping = true;
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

/** Milliseconds from calling `start` to its promise settling. */
export async function timed(start) {
  const t0 = performance.now();
  const value = await start();
  return { ms: performance.now() - t0, value };
}
