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
// `--locale ja` (or GUIDELINE_VSCODE_LOCALE=ja): VS Code in Japanese, running the *.ja.test.js files.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  artifactsDir as artifacts,
  codeServerEntry,
  chromiumPath as findChromium,
  freePort,
  killCodeServerNow,
  launchBrowser,
  provision,
  repoRoot,
  saveScreenshot,
  startCodeServer,
  stopCodeServer,
  waitForHealthy,
} from './lib/code-server.mjs';

const env = process.env;
const extensionPath = resolve(env.GUIDELINE_VSCODE_EXTENSION_PATH ?? repoRoot);
const testsPath = resolve(env.GUIDELINE_VSCODE_TESTS_PATH ?? join(repoRoot, 'out/test/vscode/suite/index.js'));
// --suite revisions: the *.revisions.test.js files on the revisions fixture (a draft, a revised
// guideline, guideline.config.json with versions), which the example workspace does not have.
// --suite coverage-versions: the *.coverage-versions.test.js files on two guideline versions and a policy.
const SUITE_WORKSPACES = {
  revisions: 'test/fixtures/revisions',
  'coverage-versions': 'test/fixtures/coverage-versions',
};
const suiteArg = process.argv.indexOf('--suite');
const suite = suiteArg > 0 ? process.argv[suiteArg + 1] : undefined;
const workspace = resolve(env.GUIDELINE_VSCODE_WORKSPACE ?? join(repoRoot, SUITE_WORKSPACES[suite] ?? 'examples'));
const timeoutMs = Number(env.GUIDELINE_VSCODE_TIMEOUT_MS ?? 6 * 60_000);
const verbose = env.GUIDELINE_VSCODE_VERBOSE === '1';
const localeArg = process.argv.indexOf('--locale');
const locale = localeArg > 0 ? process.argv[localeArg + 1] : env.GUIDELINE_VSCODE_LOCALE;
/** Artefacts of a localized pass carry its locale, so that both passes' screenshots stay. */
const passSuffix = locale ? `-${locale}` : suite ? `-${suite}` : '';
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
  const path = join(artifacts, `vscode-${name.replace(/[^\w.-]+/g, '_')}.png`);
  try {
    await saveScreenshot(page, path);
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
  const chromiumPath = findChromium();
  if (!chromiumPath) return fail('chromium not found (Debian package chromium)');

  // Artefacts of an earlier run would be mistaken for this run's (the localized pass runs after the
  // default one and keeps its artefacts).
  for (const name of existsSync(artifacts) && !locale ? readdirSync(artifacts) : []) {
    if (name.startsWith('vscode-')) rmSync(join(artifacts, name), { force: true });
  }
  // The time limit covers the run, not a first provisioning, which takes minutes on its own.
  const runStarted = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'guideline-vscode-'));
  const port = await freePort();
  // GUIDELINE_VSCODE_LOCALE=ja: VS Code in Japanese, through a stub language pack (see
  // test/vscode/language-pack-ja-stub/README.md); the suite then runs its *.ja.test.js files.
  const extensionsDir = join(tmp, 'extensions');
  if (locale === 'ja') installLanguagePackStub(codeServerDir, tmp, extensionsDir);
  const { child, logPath } = startCodeServer({
    codeServerDir,
    port,
    tmp,
    workspace,
    extensionsDir,
    extraArgs: locale ? ['--locale', locale] : [],
    env: {
      GUIDELINE_VSCODE_ARTIFACTS: artifacts,
      GUIDELINE_VSCODE_RUNNER: 'code-server',
      GUIDELINE_VSCODE_SUITE: suite ?? locale ?? 'default',
    },
  });
  // Last resort on abrupt exits; the normal path stops code-server in `finally` below.
  process.on('exit', () => {
    killCodeServerNow(child);
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
    browser = await launchBrowser(chromiumPath);
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
    await screenshot(page, `final${passSuffix}`);
  } catch (err) {
    code = fail(err instanceof Error ? err.message : String(err));
  } finally {
    finished = true;
    clearTimeout(timer);
    if (code !== 0) {
      if (page) await screenshot(page, `failure${passSuffix}`);
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, `vscode-workbench${passSuffix}.log`), workbenchLog.join('\n') + '\n');
      if (existsSync(logPath))
        writeFileSync(join(artifacts, `vscode-code-server${passSuffix}.log`), readFileSync(logPath));
      say(
        `logs saved: test-artifacts/vscode-workbench${passSuffix}.log, test-artifacts/vscode-code-server${passSuffix}.log`,
      );
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

/** Packages the stub language pack and installs it with code-server's own CLI. */
function installLanguagePackStub(codeServerDir, tmp, extensionsDir) {
  const vsix = join(tmp, 'language-pack-ja-stub.vsix');
  const stub = join(repoRoot, 'test/vscode/language-pack-ja-stub');
  const pack = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '-o', vsix],
    { cwd: stub, encoding: 'utf8' },
  );
  if (pack.status !== 0) throw new Error(`packaging the language pack stub failed:\n${pack.stdout}${pack.stderr}`);
  const install = spawnSync(
    process.execPath,
    [codeServerEntry(codeServerDir), '--install-extension', vsix, '--extensions-dir', extensionsDir],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (install.status !== 0)
    throw new Error(`installing the language pack stub failed:\n${install.stdout}${install.stderr}`);
  // The server learns of language packs from languagepacks.json in its user data, which it writes
  // itself only later than the first window asks for its language: write it now, as it would.
  const { name, publisher, version } = JSON.parse(readFileSync(join(stub, 'package.json'), 'utf8'));
  const id = `${publisher}.${name}`;
  const folder = readdirSync(extensionsDir).find((entry) => entry.startsWith(`${id}-`));
  if (!folder) throw new Error(`the language pack stub is not in ${extensionsDir}`);
  mkdirSync(join(tmp, 'user-data'), { recursive: true });
  const hash = createHash('md5').update(id).update(version).digest('hex');
  const packs = {
    ja: {
      hash,
      extensions: [{ extensionIdentifier: { id }, version }],
      translations: { vscode: join(extensionsDir, folder, 'translations/main.i18n.json') },
      label: '日本語',
    },
  };
  writeFileSync(join(tmp, 'user-data', 'languagepacks.json'), JSON.stringify(packs, null, 2));
}
