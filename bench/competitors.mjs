/**
 * What users would otherwise run, measured in this process (no process start-up):
 * - one whole-document remark parse, what a naive server pays per keystroke;
 * - textlint 15 + textlint-rule-prh with bench/textlint/prh.yml, the built-in checks as prh rules,
 *   warm (the trials after a warm-up) and for its first lint in a fresh process;
 * - both command lines as a user or a CI job runs them, whole process (start-up included).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

/** textlint's first lint in a fresh process (bench/textlint-first.mjs); returns milliseconds. */
export function textlintFirstTrial({ file, dictionary, configDir, nodeModules }, seen) {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'textlint-first.mjs');
  return async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [script, file, dictionary, configDir, nodeModules], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const { ms, cpuMs, messages } = JSON.parse(stdout.trim().split('\n').pop());
    seen.messages = messages;
    seen.cpuMs = cpuMs;
    return ms;
  };
}

/**
 * Wall time of one whole command (node start-up, loading, reading the file, the work, the output);
 * exit status 1 means "findings" for both linters and counts as a run.
 */
export function commandTrial(args, { cwd }) {
  return async () => {
    const t0 = performance.now();
    try {
      await promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      if (error.code !== 1) throw error;
    }
    return performance.now() - t0;
  };
}
