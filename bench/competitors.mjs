/**
 * What users would otherwise run, measured in this process (no process start-up):
 * - one whole-document remark parse, what a naive server pays per keystroke;
 * - textlint 15 + textlint-rule-prh with bench/textlint/prh.yml, the built-in checks as prh rules.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { createLinter, loadTextlintrc } from 'textlint';

/** One whole-document parse; returns milliseconds. */
export function remarkWholeTrial(text) {
  return async () => {
    const t0 = performance.now();
    unified().use(remarkParse).parse(text);
    return performance.now() - t0;
  };
}

/**
 * A textlint linter configured like a project would: a .textlintrc.json naming the prh rule and
 * its dictionary. Block quotes and emphasis are checked too, as the built-in checks do.
 */
export async function createTextlint({ dictionary, configDir, nodeModules }) {
  mkdirSync(configDir, { recursive: true });
  const configFilePath = join(configDir, '.textlintrc.json');
  const config = { rules: { prh: { rulePaths: [dictionary], checkBlockQuote: true, checkEmphasis: true } } };
  writeFileSync(configFilePath, JSON.stringify(config, null, 2));
  const descriptor = await loadTextlintrc({ configFilePath, node_modulesDir: nodeModules });
  return createLinter({ descriptor });
}

/** Lints one file; returns milliseconds and records the message count of the last run. */
export function textlintTrial(linter, file, seen) {
  return async () => {
    const t0 = performance.now();
    const [result] = await linter.lintFiles([file]);
    const ms = performance.now() - t0;
    seen.messages = result?.messages.length ?? 0;
    return ms;
  };
}
