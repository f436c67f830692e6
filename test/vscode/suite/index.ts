// Entry point of the extension-host test suite: VS Code (desktop via @vscode/test-electron, or
// code-server via test/vscode/run.mjs) loads this module and awaits `run()`. Mocha stays external to
// the bundle (see scripts/build.mjs) so that its reporters and `require`-based file loading work.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Passes with their own test files (`name.<pass>.test.js`); the default pass runs the others. */
const PASSES = ['ja', 'revisions', 'coverage-versions'];

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    // The output is relayed as plain log lines; escape codes would only garble it.
    color: false,
    // Generous: the language server starts asynchronously in a cold extension host.
    timeout: 60_000,
  });
  // The test files are bundled next to this one by scripts/build.mjs.
  // GUIDELINE_VSCODE_SUITE=ja (set by the runner with --locale ja): the Japanese files only.
  // GUIDELINE_VSCODE_SUITE=revisions (--suite revisions): the *.revisions.test.js files only; the
  // same for coverage-versions.
  const pass = process.env.GUIDELINE_VSCODE_SUITE;
  const suffix = pass && PASSES.includes(pass) ? `.${pass}.test.js` : null;
  const files = readdirSync(__dirname)
    .filter((name) =>
      suffix ? name.endsWith(suffix) : name.endsWith('.test.js') && !PASSES.some((p) => name.endsWith(`.${p}.test.js`)),
    )
    .sort();
  for (const name of files) mocha.addFile(join(__dirname, name));

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
