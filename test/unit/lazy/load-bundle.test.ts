import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir, fnv1a64, isPrivateFolder, loadBundle } from '../../../server/src/host/lazy/load-bundle';

/** A bundle as esbuild writes one: CommonJS, a shebang, a require of a file next to it. */
function bundleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-bundle-'));
  writeFileSync(join(dir, 'dep.js'), "module.exports = { label: '例文' };\n");
  writeFileSync(
    join(dir, 'main.js'),
    [
      '#!/usr/bin/env node',
      "const dep = require('./dep.js');",
      'exports.label = dep.label;',
      'exports.dirname = __dirname;',
      'exports.isMain = require.main === module;',
      "exports.path = require('node:path').basename(__filename);",
    ].join('\n'),
  );
  return dir;
}

describe('loadBundle (host/lazy/load-bundle.ts)', () => {
  test('runs a bundle as require would: its exports, require next to it, __dirname, require.main', () => {
    const dir = bundleFolder();
    const { exports, cache } = loadBundle<Record<string, unknown>>(join(dir, 'main.js'), null);
    assert.deepEqual(exports, { label: '例文', dirname: dir, isMain: true, path: 'main.js' });
    assert.deepEqual(cache, { file: null, accepted: false });
  });

  test('names a cache file outside the bundle folder; nothing cached is nothing accepted', () => {
    const dir = bundleFolder();
    const cacheDir = mkdtempSync(join(tmpdir(), 'guideline-cache-'));
    const { cache } = loadBundle(join(dir, 'main.js'), cacheDir);
    assert.equal(cache.accepted, false);
    assert.ok(cache.file?.startsWith(join(cacheDir, 'main-')));
  });

  test('a rebuilt bundle (another size) gets another cache file: V8 checks only the length, not the text', () => {
    const dir = bundleFolder();
    const cacheDir = mkdtempSync(join(tmpdir(), 'guideline-cache-'));
    const before = loadBundle(join(dir, 'main.js'), cacheDir).cache.file;
    writeFileSync(join(dir, 'main.js'), "exports.label = '解説';\n");
    const after = loadBundle<Record<string, unknown>>(join(dir, 'main.js'), cacheDir);
    assert.notEqual(after.cache.file, before);
    assert.equal(after.exports.label, '解説');
  });

  test('the cache key is FNV-1a 64 (the published test vectors)', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  test('GUIDELINE_COMPILE_CACHE=0 turns the cache off', () => {
    const saved = process.env.GUIDELINE_COMPILE_CACHE;
    process.env.GUIDELINE_COMPILE_CACHE = '0';
    try {
      assert.equal(defaultCacheDir(), null);
    } finally {
      if (saved === undefined) delete process.env.GUIDELINE_COMPILE_CACHE;
      else process.env.GUIDELINE_COMPILE_CACHE = saved;
    }
    assert.ok(defaultCacheDir()?.startsWith(tmpdir()));
  });
});

describe('the heavy libraries (dist/lazy/) go through loadBundle too', () => {
  test('loaded once, with the program as require.main, and its own requires next to it', () => {
    const dir = bundleFolder();
    mkdirSync(join(dir, 'lazy'));
    writeFileSync(join(dir, 'lazy', 'helper.js'), "exports.word = '解説';\n");
    writeFileSync(
      join(dir, 'lazy', 'pdf.js'),
      "globalThis.__lazyLoads = (globalThis.__lazyLoads ?? 0) + 1; exports.main = require.main; exports.word = require('./helper.js').word;\n",
    );
    writeFileSync(
      join(dir, 'program.js'),
      "const a = require('./lazy/pdf.js'); const b = require('./lazy/pdf.js');\n" +
        'exports.same = a === b; exports.loads = globalThis.__lazyLoads; exports.mainIsProgram = a.main === module; exports.word = a.word;\n',
    );
    const cacheDir = mkdtempSync(join(tmpdir(), 'guideline-cache-'));
    const { exports } = loadBundle<Record<string, unknown>>(join(dir, 'program.js'), cacheDir);
    assert.deepEqual(exports, { same: true, loads: 1, mainIsProgram: true, word: '解説' });
  });
});

describe('the cache folder must be private', () => {
  test("a folder others can write is not used (V8 would run a planted cache); the user's own 0700 folder is", () => {
    const dir = bundleFolder();
    const shared = mkdtempSync(join(tmpdir(), 'guideline-cache-'));
    chmodSync(shared, 0o777);
    assert.equal(isPrivateFolder(shared), false);
    assert.equal(loadBundle(join(dir, 'main.js'), shared).cache.file, null);
    chmodSync(shared, 0o700);
    assert.equal(isPrivateFolder(shared), true);
    const fresh = join(shared, 'new');
    assert.equal(isPrivateFolder(fresh), true);
    assert.equal(statSync(fresh).mode & 0o777, 0o700);
  });
});
