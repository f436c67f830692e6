/**
 * Security properties checked on the sources and on the built bundles: no code evaluation, the
 * analysis core and host open no process, socket or HTTP connection, and what the bundles hold of
 * child_process and net comes only from the LSP libraries, in code paths we do not call.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_MODULES =
  /\b(?:from|import|require)\s*\(?\s*['"](?:node:)?(child_process|net|http|https|http2|tls|dgram|vm|worker_threads|cluster)['"]/;
const EVALUATION = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/;

/** Sections of an esbuild (non-minified) bundle: the module each line comes from. */
function bundleSections(text: string): Array<{ module: string; body: string }> {
  const sections: Array<{ module: string; body: string }> = [];
  let current = { module: '(bundle prelude)', body: '' };
  for (const line of text.split('\n')) {
    const marker = /^\/\/ ((?:node_modules|server|client|package\.json)\S*)$/.exec(line);
    if (marker) {
      sections.push(current);
      current = { module: marker[1], body: '' };
    } else current.body += `${line}\n`;
  }
  sections.push(current);
  return sections;
}

describe('security: sources', () => {
  const coreAndHost = [...sources(join(REPO_ROOT, 'server/src/core')), ...sources(join(REPO_ROOT, 'server/src/host'))];
  const ours = [...sources(join(REPO_ROOT, 'server/src')), ...sources(join(REPO_ROOT, 'client/src'))];

  // The one process the host may start: `git show` for a version at a git revision (issue 15).
  const GIT_READER = 'server/src/host/revisions/read-version.ts';

  test('the core and the host import no child_process, net, http(s), tls, vm or workers (but the git reader)', () => {
    assert.ok(coreAndHost.length > 50);
    const offenders = coreAndHost
      .filter((path) => FORBIDDEN_MODULES.test(readFileSync(path, 'utf8')))
      .map((p) => relative(REPO_ROOT, p))
      .filter((p) => p !== GIT_READER && p !== BUNDLE_LOADER);
    assert.deepEqual(offenders, []);
  });

  // The other exception: node:vm compiles our own bundles with V8's code cache (host/lazy/load-bundle.ts),
  // only the two next to the entry, never a path from input.
  const BUNDLE_LOADER = 'server/src/host/lazy/load-bundle.ts';
  test('vm only in the bundle loader, which the entry calls with dist/server.js or dist/commands.js alone', () => {
    const loader = readFileSync(join(REPO_ROOT, BUNDLE_LOADER), 'utf8');
    assert.match(loader, /import \{ Script \} from 'node:vm';/);
    assert.doesNotMatch(loader, /runInNewContext|compileFunction|\beval\(/);
    const users = ours
      .filter((path) => /loadBundle\b/.test(readFileSync(path, 'utf8')))
      .map((p) => relative(REPO_ROOT, p));
    assert.deepEqual(users.sort(), ['server/src/cli/entry.ts', BUNDLE_LOADER]);
    const calls = readFileSync(join(REPO_ROOT, 'server/src/cli/entry.ts'), 'utf8').match(/loadBundle<[^>]+>\([^)]*\)/g);
    assert.deepEqual(calls, [
      "loadBundle<typeof Lsp>(join(__dirname, 'server.js')",
      "loadBundle<typeof Commands>(join(__dirname, 'commands.js')",
    ]);
  });

  test('the git reader runs git only: execFile without a shell, no exec or spawn, no other module', () => {
    const text = readFileSync(join(REPO_ROOT, GIT_READER), 'utf8');
    // Imported where it runs: node:child_process costs every other command ~7 ms to load.
    assert.match(text, /const \{ execFile \} = await import\('node:child_process'\);/);
    assert.doesNotMatch(text, /\b(?:exec|execSync|spawn|spawnSync|fork)\s*\(/);
    assert.match(text, /execFile\(\s*'git',/);
    assert.match(text, /shell: false/);
    const forbidden = text.replace("import('node:child_process')", '');
    assert.doesNotMatch(forbidden, FORBIDDEN_MODULES);
  });

  test('no eval or new Function anywhere in our code; the client starts the server as a Node module over IPC, not a shell', () => {
    const offenders = ours
      .filter((path) => EVALUATION.test(readFileSync(path, 'utf8')))
      .map((p) => relative(REPO_ROOT, p));
    assert.deepEqual(offenders, []);
    const client = sources(join(REPO_ROOT, 'client/src'))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    assert.doesNotMatch(client, /\bshell\s*:|child_process|\bexecutable\s*:/);
    assert.match(client, /module: serverModule[^}]*transport: TransportKind\.ipc/);
  });
});

describe('security: bundles (dist/*.js, dist/lazy/*.js)', () => {
  // The lazily loaded libraries (scripts/build.mjs) are checked as the main bundles are: pdf.js lives there now.
  const lazy = ['unpdf', 'docx', 'fflate', 'iconv-lite', 'kuromoji', 'yaml', 'regexpp'].map(
    (library) => `lazy/${library}.js`,
  );
  // The commands and the server: the bundles dist/cli.js loads, where our code runs.
  const program = ['commands.js', 'server.js'];
  for (const name of ['cli.js', ...program, 'extension.js', ...lazy]) {
    const path = join(REPO_ROOT, 'dist', name);
    test(
      `${name}: no eval or new Function; child_process and net only inside the LSP libraries`,
      { skip: !existsSync(path) && 'not built' },
      () => {
        const text = readFileSync(path, 'utf8');
        const sections = bundleSections(text);
        // Vendored code that mentions Function but does not evaluate anything of ours or of a file:
        // pdf.js probes `new Function("")` and compiles PostScript functions only when
        // isEvalSupported, which host/pdf turns off; setimmediate (through jszip) wraps a
        // non-function callback, and jszip only passes functions.
        const vendored = /^node_modules\/(?:unpdf\/dist\/pdfjs\.mjs|setimmediate\/setImmediate\.js)$/;
        const evaluating = sections.filter((s) => !vendored.test(s.module) && EVALUATION.test(s.body));
        assert.deepEqual(
          evaluating.map((s) => s.module),
          [],
          'no code evaluation in the bundle',
        );
        if (sections.some((s) => /unpdf/.test(s.module)))
          assert.match(
            readFileSync(join(REPO_ROOT, 'server/src/host/pdf/read-pdf-text.ts'), 'utf8'),
            /isEvalSupported: false/,
          );
        assert.ok(
          sections.length > (name.startsWith('lazy/') || name === 'cli.js' ? 0 : 20),
          'a non-minified build (node scripts/build.mjs) marks its modules',
        );
        const users = (pattern: RegExp) => sections.filter((s) => pattern.test(s.body)).map((s) => s.module);
        // esbuild writes node: imports as require("node:child_process").
        const spawners = users(/require\("(?:node:)?child_process"\)/);
        const sockets = users(/require\("(?:net|http|https|tls|http2)"\)/);
        // cli.js: vscode-languageserver's Files.resolve* (global module lookup via npm/yarn) and
        // vscode-jsonrpc's socket/pipe transports; extension.js: vscode-languageclient forking the
        // server module and the same jsonrpc transports.
        const allowed =
          /^node_modules\/(?:[^/]+\/node_modules\/)?vscode-(?:languageserver|languageclient|languageserver-protocol|jsonrpc)\//;
        // Ours: the one git reader (checked above: execFile, no shell), in cli.js only.
        const gitReader = 'server/src/host/revisions/read-version.ts';
        for (const module of sockets) assert.match(module, allowed, `${module} may open sockets`);
        for (const module of spawners)
          assert.ok(allowed.test(module) || (program.includes(name) && module === gitReader), `${module} may spawn`);
        assert.ok(
          !sections.some(
            (s) =>
              !allowed.test(s.module) &&
              s.module !== gitReader &&
              /\bspawn(?:Sync)?\(|\bexec(?:Sync|File)?\(|\bfork\(/.test(s.body) &&
              /child_process/.test(s.body),
          ),
          'no other module spawns',
        );
        if (program.includes(name)) {
          // The server never calls the library's module resolution that spawns npm/yarn.
          const ownCode = sections
            .filter((s) => /^(?:server|client)\//.test(s.module))
            .map((s) => s.body)
            .join('\n');
          assert.doesNotMatch(ownCode, /\bFiles\.|resolveModulePath|resolveGlobalNodePath|resolveGlobalYarnPath/);
          const others = spawners.filter((m) => m !== gitReader);
          assert.ok(
            others.length <= 1 && others.every((m) => m.endsWith('vscode-languageserver/lib/node/files.js')),
            `child_process only in files.js and the git reader: ${spawners}`,
          );
        }
      },
    );
  }
});
