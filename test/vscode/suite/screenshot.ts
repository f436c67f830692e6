// Screenshots of the real workbench from inside a test. The extension host cannot see the browser,
// so the request goes out as a log line that test/vscode/run.mjs (code-server tier) recognises; the
// runner saves test-artifacts/vscode-<name>.png and this helper waits for that file to appear.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './poll';

/** Must match SCREENSHOT_REQUEST in test/vscode/run.mjs. */
const REQUEST_PREFIX = '@@guideline-screenshot ';

/** File-name-safe form of a screenshot name; run.mjs applies the same rule. */
export function screenshotFileName(name: string): string {
  return `vscode-${name.replace(/[^\w.-]+/g, '_')}.png`;
}

/**
 * Asks the runner for a screenshot of the workbench as it is now and returns the file path, or
 * `undefined` where no runner can take one (e.g. under @vscode/test-electron).
 */
export async function takeScreenshot(name: string, timeoutMs = 20_000): Promise<string | undefined> {
  const dir = process.env.GUIDELINE_VSCODE_ARTIFACTS;
  if (process.env.GUIDELINE_VSCODE_RUNNER !== 'code-server' || !dir) return undefined;
  const path = join(dir, screenshotFileName(name));
  rmSync(path, { force: true });
  console.log(`${REQUEST_PREFIX}${name}`);
  return waitFor(() => (existsSync(path) ? path : undefined), { what: `screenshot ${path}`, timeoutMs });
}
