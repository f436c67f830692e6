// Smoke test of the packaged extension (`npm run test:vsix`, after `npm run package`): installs
// guideline-tools.vsix with code-server's own CLI into a fresh extensions folder, starts code-server
// on examples/ WITHOUT a development extension, and drives the workbench through Chromium like a
// user: quick open the example guideline, open the Outline view, and find 第3章 › 3.6.2 アクセス制御
// there as symbols of this extension's language server (its provider group 「ガイドライン」).
// Saves test-artifacts/vsix-outline.png (and vsix-failure.png + logs on failure). Exit 0 or 1.
//
// Usage: node test/vscode/vsix-smoke.mjs [path/to.vsix]   (default: guideline-tools.vsix in the repo root)
// Env: GUIDELINE_VSIX_TIMEOUT_MS (default 180000, not counting a first provisioning), CHROMIUM_PATH.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  artifactsDir,
  chromiumPath as findChromium,
  codeServerEntry,
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

const EXTENSION_ID = 'guideline-tools.guideline-tools';
const GUIDELINE_FILE = 'security-policy-guideline.md';
/** The language server's document-symbol provider label (server/src/lsp/server.ts). */
const PROVIDER_GROUP = 'ガイドライン';
const SECTION = '3.6.2 アクセス制御';
const CHAPTER = '第3章';

const vsix = resolve(process.argv[2] ?? join(repoRoot, 'guideline-tools.vsix'));
const workspace = join(repoRoot, 'examples');
const timeoutMs = Number(process.env.GUIDELINE_VSIX_TIMEOUT_MS ?? 180_000);
const outlineShot = join(artifactsDir, 'vsix-outline.png');
const failureShot = join(artifactsDir, 'vsix-failure.png');

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[vsix-smoke ${elapsed()}] ${msg}`);

// A collapsed outline is opened level by level; an expanded one would render 3.6.2 off screen.
const smokeSettings = { 'outline.collapseItems': 'alwaysCollapse' };

/** Installs the .vsix with code-server's CLI and returns the installed extension's folder name. */
function installVsix(codeServerDir, extensionsDir) {
  const res = spawnSync(
    process.execPath,
    [codeServerEntry(codeServerDir), '--install-extension', vsix, '--extensions-dir', extensionsDir],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim();
  if (res.status !== 0) throw new Error(`--install-extension exited with ${res.status ?? res.signal}:\n${output}`);
  const installed = readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(`${EXTENSION_ID}-`));
  if (!installed) throw new Error(`${EXTENSION_ID} is not in ${extensionsDir} after --install-extension:\n${output}`);
  return installed;
}

/** Runs a command by its English title through the command palette (F1). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Texts of the outline rows now rendered, with their symbol icon. */
function outlineRows(page) {
  return page.locator('.outline-pane .monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      text: row.textContent?.trim() ?? '',
      icon: [...row.querySelectorAll('.codicon')]
        .map((i) => [...i.classList].find((c) => c.startsWith('codicon-symbol-')) ?? '')
        .join(' ')
        .trim(),
    })),
  );
}

/** Expands the first outline row whose text matches `label`, waiting for it to be rendered. */
async function expandOutlineRow(pane, label) {
  const row = pane.locator('.monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await pane.locator('.monaco-list-row[aria-expanded="true"]', { hasText: label }).first().waitFor();
}

/** Runs one step of the walk-through; a failure names the step. */
async function step(what, body) {
  try {
    const result = await body();
    say(typeof result === 'string' ? `${what}: ${result}` : what);
  } catch (err) {
    throw new Error(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { cause: err });
  }
}

async function smoke(page, port) {
  await step('workbench loaded', async () => {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: 60_000 });
  });

  await step(`quick open ${GUIDELINE_FILE}`, async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(GUIDELINE_FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: GUIDELINE_FILE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: GUIDELINE_FILE }).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  });

  // Markdown's built-in extension outlines too: the status bar entry shows that this one is active.
  await step("the extension's status bar entry (comments on this file)", async () => {
    const status = page.locator('.statusbar-item', { hasText: /Comments \d+|意見 ?\d+/ }).first();
    await status.waitFor({ timeout: 60_000 });
    return (await status.textContent())?.trim();
  });

  const pane = page.locator('.outline-pane');
  await step(`Outline view with the 「${PROVIDER_GROUP}」 symbols of the language server`, async () => {
    await runCommand(page, 'Explorer: Focus on Outline View');
    await pane.waitFor();
    // The symbols arrive asynchronously from the language server.
    await pane
      .locator('.monaco-list-row', { hasText: new RegExp(`^${PROVIDER_GROUP}$`) })
      .first()
      .waitFor({ timeout: 60_000 });
  });

  await step(`outline expanded to ${CHAPTER} › 3.6 › ${SECTION}`, async () => {
    // Room for the outline: the folders pane above it is collapsed by a click on its header.
    const folders = page.locator('.pane-header', { hasText: /^\s*examples/i }).first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    // Expanded by clicks, top down, as a user opens 第3章 › 3.6 to reach 3.6.2.
    await expandOutlineRow(pane, new RegExp(`^${PROVIDER_GROUP}$`));
    await expandOutlineRow(pane, /^地方公共団体/);
    await expandOutlineRow(pane, new RegExp(`^${CHAPTER}`));
    await expandOutlineRow(pane, /^3\.6 /);
    const section = pane.locator('.monaco-list-row', { hasText: SECTION }).first();
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(page, outlineShot);
    return `screenshot ${outlineShot}`;
  });

  await step("outline rows are this extension's symbols", async () => {
    const rows = await outlineRows(page);
    const chapter = rows.find((r) => r.text.startsWith(CHAPTER));
    const target = rows.find((r) => r.text.includes(SECTION));
    // Markdown's own outline names headings too, but as strings; this server's chapters are modules.
    if (!chapter || chapter.icon !== 'codicon-symbol-module') {
      throw new Error(`expected ${CHAPTER} as a module symbol; rows: ${JSON.stringify(rows)}`);
    }
    if (!target || target.icon === 'codicon-symbol-string') {
      throw new Error(`expected ${SECTION} as a section symbol; rows: ${JSON.stringify(rows)}`);
    }
    return `${chapter.text} (${chapter.icon}) › … › ${target.text} (${target.icon})`;
  });
}

async function main() {
  if (!existsSync(vsix)) {
    console.error(`[vsix-smoke] FAILED: ${vsix} not found: run \`npm run package\` first`);
    return 1;
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error('[vsix-smoke] FAILED: chromium not found (Debian package chromium)');
    return 1;
  }
  let codeServerDir;
  try {
    codeServerDir = provision();
  } catch (err) {
    console.error(`[vsix-smoke] FAILED: provisioning: ${err.message}`);
    return 1;
  }

  // A stale package passes or fails for the wrong reasons: say so (mtime only, so not an error).
  if (statSync(vsix).mtimeMs < statSync(join(repoRoot, 'package.json')).mtimeMs) {
    say(`warning: ${vsix} is older than package.json; run \`npm run package\` to test the current code`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'guideline-vsix-'));
  let child;
  let logPath;
  let browser;
  let page;
  let timer;
  process.on('exit', () => {
    if (child) killCodeServerNow(child);
    rmSync(tmp, { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
  // Artefacts of an earlier run would be mistaken for this run's.
  for (const name of existsSync(artifactsDir) ? readdirSync(artifactsDir) : []) {
    if (name.startsWith('vsix-')) rmSync(join(artifactsDir, name), { force: true });
  }

  let code = 0;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs / 1000}s (GUIDELINE_VSIX_TIMEOUT_MS)`)),
        timeoutMs,
      );
    });
    const run = (async () => {
      const extensionsDir = join(tmp, 'extensions');
      const installed = installVsix(codeServerDir, extensionsDir);
      say(`installed ${vsix} as ${installed}`);
      const port = await freePort();
      ({ child, logPath } = startCodeServer({
        codeServerDir,
        port,
        tmp,
        workspace,
        extensionsDir,
        settings: smokeSettings,
      }));
      await waitForHealthy(port, child, 60_000);
      say(`code-server on 127.0.0.1:${port}; workspace ${workspace}`);
      browser = await launchBrowser(chromium);
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(30_000);
      await smoke(page, port);
    })();
    // After a timeout the run fails as code-server is stopped below; that late error is moot.
    run.catch(() => {});
    await Promise.race([run, timeout]);
    say('PASSED: the installed .vsix outlines the guideline');
  } catch (err) {
    code = 1;
    console.error(`[vsix-smoke ${elapsed()}] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    if (page) {
      await saveScreenshot(page, failureShot).then(
        () => say(`screenshot: ${failureShot}`),
        () => {},
      );
      // The outline's rows as rendered, to see what a failed DOM check was looking at.
      const rows = await page
        .locator('.outline-pane .monaco-list-row')
        .evaluateAll((els) => els.map((e) => e.outerHTML))
        .catch(() => []);
      mkdirSync(artifactsDir, { recursive: true });
      writeFileSync(join(artifactsDir, 'vsix-outline-rows.html'), rows.join('\n') + '\n');
      say(`outline rows: test-artifacts/vsix-outline-rows.html (${rows.length})`);
    }
    if (logPath && existsSync(logPath)) {
      mkdirSync(artifactsDir, { recursive: true });
      writeFileSync(join(artifactsDir, 'vsix-code-server.log'), readFileSync(logPath));
      say('code-server log: test-artifacts/vsix-code-server.log');
    }
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    if (child) await stopCodeServer(child);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
  return code;
}

process.exitCode = await main();
