#!/usr/bin/env node
/**
 * Proves that an editor nobody here wrote gets diagnostics, a hover and a definition from the
 * language server: Debian's Neovim (0.7 on Debian 12), headless, with init.lua, on a copy of the
 * example workspace whose guideline is named `ガイドライン (案).md`. Needs `npm run build` first
 * (dist/cli.js) and `nvim` on PATH. Exits non-zero on any failure; prints what Neovim received.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const cli = join(root, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run npm run build first`);
  process.exit(2);
}
const nvim = process.env.NVIM_BIN ?? 'nvim';
const version = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  console.error(`${nvim} not found (apt-get install -y neovim)`);
  process.exit(2);
}
console.log(version.stdout.split('\n')[0]);

const workspace = mkdtempSync(join(tmpdir(), 'guideline-neovim-'));
try {
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const file = join(workspace, 'guideline', 'ガイドライン (案).md');
  renameSync(join(workspace, 'guideline', 'security-policy-guideline.md'), file);
  const text = readFileSync(file, 'utf8');
  // A cross reference: hover and definition both answer it.
  const needle = '「3.6.1 アクセス制御」';
  const offset = text.indexOf(needle) + 2;
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line].length; // UTF-16 code units, as LSP counts
  const headingLine = text.split('\n').findIndex((l) => /^#+ 3\.6\.1 /.test(l));
  const out = join(workspace, 'result.json');

  const run = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', join(here, 'init.lua')], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      ...process.env,
      GUIDELINE_CLI: cli,
      GUIDELINE_FILE: file,
      GUIDELINE_ROOT: workspace,
      GUIDELINE_OUT: out,
      GUIDELINE_LINE: String(line),
      GUIDELINE_CHARACTER: String(character),
      XDG_CONFIG_HOME: join(workspace, '.config'),
      XDG_DATA_HOME: join(workspace, '.data'),
      XDG_STATE_HOME: join(workspace, '.state'),
      XDG_CACHE_HOME: join(workspace, '.cache'),
    },
  });
  if (!existsSync(out)) {
    console.error(run.stdout, run.stderr, run.error ?? '', `status ${run.status} signal ${run.signal}`);
    throw new Error('Neovim wrote no result');
  }
  const result = JSON.parse(readFileSync(out, 'utf8'));
  console.log(
    JSON.stringify(
      {
        version: result.version,
        uri: result.uri,
        diagnostics: result.diagnostics?.length,
        codes: [...new Set((result.diagnostics ?? []).map((d) => d.code))],
        hover: typeof result.hover === 'object' ? JSON.stringify(result.hover).slice(0, 160) : result.hover,
        definition: result.definition,
        errors: result.errors,
      },
      null,
      2,
    ),
  );
  assert.deepEqual(result.errors, []);
  assert.ok(result.diagnostics.length > 0, 'diagnostics reached Neovim (pushed)');
  assert.ok(
    result.diagnostics.every((d) => d.source === 'guideline'),
    'every diagnostic is the server’s',
  );
  const codes = new Set(result.diagnostics.map((d) => d.code));
  assert.ok(codes.has('comment-accepted'), `comment diagnostics: ${[...codes]}`);
  assert.ok(codes.has('xref-title-mismatch'), `cross-reference diagnostics: ${[...codes]}`);
  const hover = JSON.stringify(result.hover);
  assert.match(hover, /3\.6\.1/, 'the hover names the section');
  const definitions = Array.isArray(result.definition) ? result.definition : [result.definition];
  const target = definitions[0];
  assert.ok(target, 'a definition');
  const targetUri = target.uri ?? target.targetUri;
  const targetRange = target.range ?? target.targetSelectionRange;
  assert.equal(decodeURIComponent(targetUri), decodeURIComponent(result.uri), 'the definition is in the same file');
  assert.equal(targetRange.start.line, headingLine, 'the definition is the 3.6.1 heading');
  console.log('neovim: ok');
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
