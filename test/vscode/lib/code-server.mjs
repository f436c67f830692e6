// Shared pieces of the code-server tiers (test/vscode/run.mjs runs the extension-host suite,
// test/vscode/vsix-smoke.mjs drives an installed .vsix through the UI): provisioning, a throwaway
// code-server on a free port, headless Chromium, screenshots and a clean shutdown.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const artifactsDir = join(repoRoot, 'test-artifacts');

/** Runs scripts/provision-code-server.sh (idempotent) and returns code-server's install folder. */
export function provision() {
  const script = join(repoRoot, 'scripts/provision-code-server.sh');
  const res = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${script} exited with ${res.status ?? res.signal}`);
  const dir = /^CODE_SERVER_DIR=(.+)$/m.exec(res.stdout)?.[1];
  if (!dir) throw new Error(`${script} did not print CODE_SERVER_DIR`);
  return dir.trim();
}

/** code-server's own entry point: the server, and also its CLI (e.g. --install-extension). */
export function codeServerEntry(codeServerDir) {
  return join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function which(cmd) {
  const res = spawnSync('bash', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : undefined;
}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? which('chromium');
}

// Settings that keep first-run UI (welcome page, tips, update checks) from covering the editor.
export const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  // The repo around examples/ would otherwise raise a notification over the editor.
  'git.openRepositoryInParentFolders': 'never',
  'editor.fontFamily': "'Noto Sans Mono CJK JP', 'Noto Sans CJK JP', monospace",
};

/**
 * Starts code-server on `workspace` with a throwaway user-data folder under `tmp` (user settings:
 * `userSettings` plus `settings`) and the given extensions folder (default: an empty one under
 * `tmp`). Output goes to `tmp/code-server.log`.
 */
export function startCodeServer({
  codeServerDir,
  port,
  tmp,
  workspace,
  extensionsDir,
  settings = {},
  env = {},
  extraArgs = [],
}) {
  const userDataDir = join(tmp, 'user-data');
  const extensions = extensionsDir ?? join(tmp, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...userSettings, ...settings }, null, 2));
  const args = [
    codeServerEntry(codeServerDir),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensions,
    ...extraArgs,
    workspace,
  ];
  const logPath = join(tmp, 'code-server.log');
  const log = createWriteStream(logPath);
  // Own process group, so that the extension host and the language server die with it.
  const child = spawn(process.execPath, args, {
    cwd: tmp,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return { child, logPath };
}

export const isRunning = (child) => child.exitCode === null && child.signalCode === null;

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Kills the process group at once: for `process.on('exit')`, where nothing can be awaited. */
export function killCodeServerNow(child) {
  if (isRunning(child)) signalGroup(child, 'SIGKILL');
}

// SIGTERM first so code-server can stop its extension host; the whole group is killed regardless.
export async function stopCodeServer(child) {
  if (isRunning(child)) {
    signalGroup(child, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (isRunning(child) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }
  signalGroup(child, 'SIGKILL');
}

export async function waitForHealthy(port, child, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeout / 1000}s`);
}

export async function launchBrowser(executablePath) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a screenshot of `page` under a temporary name first, so a poller never sees half a file. */
export async function saveScreenshot(page, path) {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial.png`;
  await page.screenshot({ path: partial, timeout: 15_000 });
  renameSync(partial, path);
}
