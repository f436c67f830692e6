// One esbuild step for everything that runs: the extension bundle, the CLI/server bundle and the
// test bundles. unified and remark are ESM-only; bundling them into CommonJS keeps the extension
// and the CLI loadable by VS Code's extension host and by plain `node` alike.
import { build, context } from 'esbuild';
import { readdirSync, statSync, rmSync, chmodSync, cpSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
// --watch: rebuild the two bundles on every change (npm run watch runs tsc --watch beside it).
const watch = args.has('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  // kuromoji's loader needs only map and parallel of `async`, whose bundle evaluates code: kuromoji (and
  // only kuromoji; exceljs's archiver uses more of async) gets host/morph/async-shim.ts instead.
  plugins: [
    {
      name: 'kuromoji-async-shim',
      setup(b) {
        b.onResolve({ filter: /^async$/ }, (args) =>
          /[\\/]kuromoji[\\/]/.test(args.importer)
            ? { path: join(root, 'server/src/host/morph/async-shim.ts') }
            : undefined,
        );
      },
    },
  ],
  absWorkingDir: root,
};

function filesUnder(dir, predicate) {
  const out = [];
  const abs = join(root, dir);
  let entries;
  try {
    entries = readdirSync(abs);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(relative(root, path), predicate));
    else if (predicate(name)) out.push(relative(root, path));
  }
  return out;
}

// The heavy libraries (server/src/host/lazy/libraries.ts, the only module that imports them): each is a
// bundle of its own, dist/lazy/<name>.js, which the CLI/server bundle requires on first use, so a run
// parses only what it uses (`guideline check` never parses pdf.js or the Word writer).
const LAZY_LIBRARIES = ['unpdf', 'docx', 'fflate', 'iconv-lite', 'kuromoji'];
// What libraries.ts imports for each, and the entry of its bundle: the package itself, but for kuromoji a module
// that exports the package with its dictionary loader (one copy of both, host/morph/kuromoji-library.ts).
const LAZY_SPECIFIERS = { '../morph/kuromoji-library': 'kuromoji' };
const LAZY_ENTRIES = { kuromoji: 'server/src/host/morph/kuromoji-library.ts' };
const LAZY_LOADER = /[\\/]server[\\/]src[\\/]host[\\/]lazy[\\/]libraries\.ts$/;
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !LAZY_LOADER.test(args.importer)) return undefined;
      const name = LAZY_SPECIFIERS[args.path] ?? args.path;
      return LAZY_LIBRARIES.includes(name) ? { path: `./lazy/${name}.js`, external: true } : undefined;
    });
  },
};

// Libraries the core calls synchronously (YAML comment files and the YAML/JSON readers with positions; the
// regex checker of prh dictionaries) but a plain `guideline check` or the first open of a guideline never
// does: each is a bundle of its own, dist/lazy/<name>.js, and the program holds a stand-in whose exports are
// getters that require that bundle on first use. Their code (a third of dist/commands.js) is then neither
// deserialised nor run at start-up. The sources keep their static, typed imports; the test bundles inline them.
const SYNC_LAZY_LIBRARIES = { yaml: 'yaml', '@eslint-community/regexpp': 'regexpp' };
const require = createRequire(import.meta.url);
const syncLazyLibraries = {
  name: 'sync-lazy-libraries',
  setup(b) {
    const specifiers = Object.keys(SYNC_LAZY_LIBRARIES).map((s) => s.replace(/[/@-]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${specifiers.join('|')})$`) }, (args) => ({
      path: args.path,
      namespace: 'sync-lazy',
    }));
    b.onLoad({ filter: /.*/, namespace: 'sync-lazy' }, (args) => {
      const bundle = `./lazy/${SYNC_LAZY_LIBRARIES[args.path]}.js`;
      const names = Object.keys(require(args.path)).filter((name) => name !== 'default' && name !== '__esModule');
      return {
        contents: [
          `let library;`,
          `const load = () => (library ??= require(${JSON.stringify(bundle)}));`,
          `for (const name of ${JSON.stringify(names)})`,
          `  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n'),
        loader: 'js',
        resolveDir: root,
      };
    });
    b.onResolve({ filter: /^\.\/lazy\/[\w.-]+\.js$/, namespace: 'sync-lazy' }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

// dist/cli.js is a small entry (server/src/cli/entry.ts) that loads, with V8's code cache, the one bundle a
// run needs: dist/server.js (the language server) or dist/commands.js (every other command).
const program = {
  ...common,
  outdir: 'dist',
  plugins: [...common.plugins, lazyLibraries, syncLazyLibraries],
  // import() of a lazy library becomes require(): the bundles run through vm.Script (host/lazy/load-bundle.ts),
  // which has no dynamic-import hook.
  supported: { 'dynamic-import': false },
  metafile: true,
};
const bundles = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    entryPoints: { cli: 'server/src/cli/entry.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    metafile: true,
  },
  { ...program, entryPoints: { commands: 'server/src/cli/main.ts' } },
  { ...program, entryPoints: { server: 'server/src/cli/lsp-command.ts' } },
  {
    ...common,
    entryPoints: {
      ...Object.fromEntries(LAZY_LIBRARIES.map((name) => [`lazy/${name}`, LAZY_ENTRIES[name] ?? name])),
      ...Object.fromEntries(
        Object.entries(SYNC_LAZY_LIBRARIES).map(([specifier, name]) => [`lazy/${name}`, specifier]),
      ),
    },
    outdir: 'dist',
  },
];

/**
 * Fails the build when a bundle holds what it must load lazily: a heavy library anywhere but its own
 * bundle (a static import of it), the language server's library in the commands, the core in the entry.
 */
function checkLayout([, entry, commands, server]) {
  const heavy = `(^|/)node_modules/(${[...LAZY_LIBRARIES, ...Object.keys(SYNC_LAZY_LIBRARIES)].join('|')})/`;
  const forbidden = [
    ['dist/cli.js', entry, /(^|\/)node_modules\/|server\/src\/(lsp|core\/(?!i18n\/))/],
    ['dist/commands.js', commands, new RegExp(`${heavy}|(^|/)node_modules/vscode-languageserver`)],
    ['dist/server.js', server, new RegExp(heavy)],
  ];
  for (const [name, result, pattern] of forbidden) {
    const inlined = Object.keys(result.metafile?.inputs ?? {}).find((path) => pattern.test(path));
    if (inlined)
      throw new Error(
        `${name} bundles ${inlined}: load it lazily (heavy libraries only through server/src/host/lazy/libraries.ts)`,
      );
  }
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
if (watch) {
  for (const options of bundles) await (await context({ ...options, logLevel: 'info' })).watch();
  // esbuild keeps the process alive while it watches.
} else {
  const results = await Promise.all(bundles.map((options) => build(options)));
  checkLayout(results);
}
if (!watch) chmodSync(join(root, 'dist/cli.js'), 0o755);
// The dictionary of the morphological tier (host/morph/kuromoji.ts), shipped next to the bundle.
cpSync(join(root, 'node_modules/kuromoji/dict'), join(root, 'dist/dict'), { recursive: true });

if (withTests) {
  rmSync(join(root, 'out/test'), { recursive: true, force: true });
  const nodeTests = [
    ...filesUnder('test/unit', (n) => n.endsWith('.test.ts')),
    ...filesUnder('test/protocol', (n) => n.endsWith('.test.ts')),
    ...filesUnder('test/cli', (n) => n.endsWith('.test.ts')),
  ];
  const vscodeSuite = filesUnder('test/vscode/suite', (n) => n.endsWith('.ts'));
  await Promise.all([
    build({ ...common, entryPoints: nodeTests, outdir: 'out/test', outbase: 'test' }),
    build({
      ...common,
      entryPoints: vscodeSuite,
      outdir: 'out/test/vscode/suite',
      outbase: 'test/vscode/suite',
      external: ['vscode', 'mocha'],
    }),
  ]);
}
