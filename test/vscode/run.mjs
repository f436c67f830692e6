// Runs the extension-host test suite (out/test/vscode/suite/index.js) inside a real VS Code.
//
// Default: code-server (VS Code for the web, provisioned offline by scripts/provision-code-server.sh)
// driven by playwright-core and Debian's Chromium. The workbench loads the extension from the repo
// root as a development extension and runs the suite; it reports back through two functions that
// VS Code's web test automation calls on `window`: codeAutomationLog and codeAutomationExit.
// With VSCODE_TEST_ELECTRON=1 the same suite runs in a desktop VS Code via @vscode/test-electron
// (VSCODE_EXECUTABLE_PATH points at an installed one; otherwise test-electron downloads one).
//
// Env overrides (mainly to exercise the runner itself with a throwaway extension):
//   GUIDELINE_VSCODE_EXTENSION_PATH, GUIDELINE_VSCODE_TESTS_PATH, GUIDELINE_VSCODE_WORKSPACE,
//   GUIDELINE_VSCODE_TIMEOUT_MS (default 6 minutes, not counting provisioning), GUIDELINE_VSCODE_VERBOSE=1 (workbench logs).
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const extensionPath = resolve(env.GUIDELINE_VSCODE_EXTENSION_PATH ?? repoRoot);
const testsPath = resolve(env.GUIDELINE_VSCODE_TESTS_PATH ?? join(repoRoot, 'out/test/vscode/suite/index.js'));
const workspace = resolve(env.GUIDELINE_VSCODE_WORKSPACE ?? join(repoRoot, 'examples'));
const artifacts = join(repoRoot, 'test-artifacts');
const timeoutMs = Number(env.GUIDELINE_VSCODE_TIMEOUT_MS ?? 6 * 60_000);
const verbose = env.GUIDELINE_VSCODE_VERBOSE === '1';
// The suite asks for a screenshot by logging this prefix and a name (see suite/screenshot.ts).
const SCREENSHOT_REQUEST = '@@guideline-screenshot ';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[vscode-test ${elapsed()}] ${msg}`);

function fail(msg) {
  console.error(`[vscode-test ${elapsed()}] FAILED: ${msg}`);
  return 1;
}

function checkInputs() {
  for (const [what, path] of [
    ['test suite', testsPath],
    ['extension manifest', join(extensionPath, 'package.json')],
    ['workspace folder', workspace],
  ]) {
    if (!existsSync(path)) {
      return `${what} not found: ${path} (build first: node scripts/build.mjs --tests)`;
    }
  }
  return undefined;
}

async function runWithTestElectron() {
  const { runTests } = await import('@vscode/test-electron');
  say('running the suite with @vscode/test-electron');
  try {
    await runTests({
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', '--skip-welcome'],
      ...(env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: env.VSCODE_EXECUTABLE_PATH } : {}),
    });
    return 0;
  } catch (err) {
    return fail(`@vscode/test-electron: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function provision() {
  const script = join(repoRoot, 'scripts/provision-code-server.sh');
  const res = spawnSync('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${script} exited with ${res.status ?? res.signal}`);
  const dir = /^CODE_SERVER_DIR=(.+)$/m.exec(res.stdout)?.[1];
  if (!dir) throw new Error(`${script} did not print CODE_SERVER_DIR`);
  return dir.trim();
}

function freePort() {
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

// Settings that keep first-run UI (welcome page, tips, update checks) from covering the editor.
const userSettings = {
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

function startCodeServer(codeServerDir, port, tmp) {
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(userSettings, null, 2));
  const entry = join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const logPath = join(tmp, 'code-server.log');
  const log = createWriteStream(logPath);
  // Own process group, so that the extension host and the language server die with it.
  const child = spawn(process.execPath, args, {
    cwd: tmp,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, GUIDELINE_VSCODE_ARTIFACTS: artifacts, GUIDELINE_VSCODE_RUNNER: 'code-server' },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return { child, logPath };
}

const isRunning = (child) => child.exitCode === null && child.signalCode === null;

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

// SIGTERM first so code-server can stop its extension host; the whole group is killed regardless.
async function stopCodeServer(child) {
  if (isRunning(child)) {
    signalGroup(child, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (isRunning(child) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }
  signalGroup(child, 'SIGKILL');
}

async function waitForHealthy(port, child, timeout) {
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

function workbenchUrl(port) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ];
  return (
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}

// Log lines from the workbench are mostly its own chatter; the suite's output is kept, the rest is
// shown with GUIDELINE_VSCODE_VERBOSE=1 (and always saved to test-artifacts on failure).
const NOISE = [
  /open-vsx\.org/,
  /^Resolv(?:ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
];

async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `vscode-${name.replace(/[^\w.-]+/g, '_')}.png`);
  try {
    // Written to a temp name first: the suite polls for the final name.
    const partial = `${path}.partial.png`;
    await page.screenshot({ path: partial, timeout: 15_000 });
    renameSync(partial, path);
    say(`screenshot: ${path}`);
  } catch (err) {
    say(`screenshot ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function runWithCodeServer() {
  let codeServerDir;
  try {
    codeServerDir = provision();
  } catch (err) {
    return fail(`provisioning: ${err.message}`);
  }
  const chromiumPath = env.CHROMIUM_PATH ?? which('chromium');
  if (!chromiumPath) return fail('chromium not found (Debian package chromium)');
  const { chromium } = await import('playwright-core');

  // Artefacts of an earlier run would be mistaken for this run's.
  for (const name of existsSync(artifacts) ? readdirSync(artifacts) : []) {
    if (name.startsWith('vscode-')) rmSync(join(artifacts, name), { force: true });
  }
  // The time limit covers the run, not a first provisioning, which takes minutes on its own.
  const runStarted = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'guideline-vscode-'));
  const port = await freePort();
  const { child, logPath } = startCodeServer(codeServerDir, port, tmp);
  // Last resort on abrupt exits; the normal path stops code-server in `finally` below.
  process.on('exit', () => {
    if (isRunning(child)) signalGroup(child, 'SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

  let browser;
  let page;
  let timer;
  let finished = false;
  const workbenchLog = [];
  const pending = [];
  let code;
  try {
    await waitForHealthy(port, child, 60_000);
    say(`code-server ${codeServerDir.split('/').pop()} on 127.0.0.1:${port}; workspace ${workspace}`);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let settle;
    const exitCode = new Promise((r) => (settle = r));
    await page.exposeFunction('codeAutomationExit', (c) => settle(Number(c) || 0));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host forwards console arguments unformatted (Mocha logs '%d passing (%s)', n, t).
      const text = Array.isArray(args) ? format(...args) : String(args);
      workbenchLog.push(`[${type}] ${text}`);
      const request = text.indexOf(SCREENSHOT_REQUEST);
      if (request >= 0) {
        pending.push(screenshot(page, text.slice(request + SCREENSHOT_REQUEST.length).trim()));
        return;
      }
      if (!verbose && NOISE.some((re) => re.test(text))) return;
      console.log(text);
    });
    page.on('pageerror', (err) => workbenchLog.push(`[pageerror] ${err.message}`));
    page.on('crash', () => settle(fail('the workbench page crashed')));
    child.on('exit', (c) => {
      if (!finished) settle(fail(`code-server exited during the run (${c})`));
    });
    const timeout = new Promise((r) => {
      timer = setTimeout(
        () => r(fail(`timed out after ${timeoutMs / 1000}s (set GUIDELINE_VSCODE_TIMEOUT_MS to change)`)),
        Math.max(0, timeoutMs - (Date.now() - runStarted)),
      );
    });

    await page.goto(workbenchUrl(port));
    say('workbench opened; running the suite in the extension host');
    code = await Promise.race([exitCode, timeout]);
    finished = true;
    await Promise.all(pending);
    await screenshot(page, 'final');
  } catch (err) {
    code = fail(err instanceof Error ? err.message : String(err));
  } finally {
    finished = true;
    clearTimeout(timer);
    if (code !== 0) {
      if (page) await screenshot(page, 'failure');
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, 'vscode-workbench.log'), workbenchLog.join('\n') + '\n');
      if (existsSync(logPath)) writeFileSync(join(artifacts, 'vscode-code-server.log'), readFileSync(logPath));
      say(`logs saved: test-artifacts/vscode-workbench.log, test-artifacts/vscode-code-server.log`);
    }
    await browser?.close().catch(() => {});
    await stopCodeServer(child);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
  say(code === 0 ? 'suite passed' : `suite failed (exit code ${code})`);
  return code;
}

async function main() {
  const problem = checkInputs();
  if (problem) return fail(problem);
  return env.VSCODE_TEST_ELECTRON === '1' ? runWithTestElectron() : runWithCodeServer();
}

process.exitCode = await main();
