/**
 * Loads one of dist's CommonJS bundles as `require` would, with V8's code cache: the bytecode V8
 * compiled for the bundle in an earlier process (its top level and every function that ran) is
 * written to a cache file when the process exits and handed back to V8 on the next load, which then
 * skips parsing and compiling. What Node ≥ 22.1 does with `module.enableCompileCache()`, for Node 20.
 *
 * Safe by construction: V8 checks the cache against the source and its own version and flags and
 * rejects a mismatch (then the bundle compiles as usual and the cache is rewritten); a cache that
 * cannot be read or written is ignored, and so is a cache folder that is not the user's own and
 * private (V8 does not check a cache's contents: one planted by another user would run as code).
 * The cache lives under the OS's temporary folder, never in a workspace; GUIDELINE_COMPILE_CACHE=0
 * (or NODE_DISABLE_COMPILE_CACHE) turns it off.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface BundleCache {
  /** The cache file of this bundle, or null when caching is off. */
  readonly file: string | null;
  /** Whether V8 took the cached code (false on the first run, after an update, or when it is off). */
  readonly accepted: boolean;
}

/** The folder of the code cache: per user, outside every workspace. */
export function defaultCacheDir(): string | null {
  if (process.env.GUIDELINE_COMPILE_CACHE === '0' || process.env.NODE_DISABLE_COMPILE_CACHE) return null;
  let user = 'user';
  try {
    user = String(userInfo().uid >= 0 ? userInfo().uid : userInfo().username);
  } catch {
    // No user entry (some containers): one shared name is still outside the workspace.
  }
  return join(tmpdir(), `guideline-compile-cache-${user}`);
}

/**
 * Whether `dir` is a folder of this user's that no one else can write: V8 runs what a cache file holds
 * without checking it, so a folder someone else planted in the shared temporary folder must not be used.
 */
export function isPrivateFolder(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return false;
    // Windows has no owners or mode bits here; its temporary folder is the user's own.
    if (process.platform === 'win32') return true;
    return stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * A 64-bit FNV-1a hash, in hex. The key only names a file (the folder's privacy is the security), and
 * node:crypto would cost every run ~7 ms to load.
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/** The cache file for a bundle: named by its path, size and modification time, and the Node version. */
function cacheFileFor(path: string, cacheDir: string): string {
  const stat = statSync(path);
  const key = fnv1a64(`${path}\0${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.arch}`);
  return join(cacheDir, `${basename(path, '.js')}-${key}.cache`);
}

/**
 * A cache file: the CPU milliseconds of the process that wrote it (a float64), then V8's data. A run
 * that costs much more than the writer's compiled more of the bundle (`check` after `--help`), so it
 * writes the cache again: the cache converges on the code the real runs use, then stays.
 */
interface CacheEntry {
  readonly writerCpuMs: number;
  readonly data: Buffer;
}

const HEADER = 8;

function readCache(file: string | null): CacheEntry | undefined {
  if (!file) return undefined;
  try {
    const bytes = readFileSync(file);
    if (bytes.length <= HEADER) return undefined;
    return { writerCpuMs: bytes.readDoubleLE(0), data: bytes.subarray(HEADER) };
  } catch {
    return undefined;
  }
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Written at exit, after the process ran what it came for; atomic, so a concurrent reader sees all or nothing. */
function writeCacheAtExit(script: Script, file: string, unlessCheaperThanMs: number): void {
  process.once('exit', () => {
    const spent = cpuMs();
    if (spent < unlessCheaperThanMs) return;
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const header = Buffer.alloc(HEADER);
      header.writeDoubleLE(spent, 0);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, Buffer.concat([header, script.createCachedData()]), { mode: 0o600 });
      renameSync(temporary, file);
      // The caches of earlier builds of this bundle are of no more use.
      const prefix = `${basename(file).replace(/-[0-9a-f]+\.cache$/, '')}-`;
      for (const name of readdirSync(dirname(file)))
        if (name.startsWith(prefix) && name.endsWith('.cache') && name !== basename(file))
          rmSync(join(dirname(file), name), { force: true });
    } catch {
      // A read-only or full disk: the next run compiles as this one did.
    }
  });
}

/** The heavy libraries' bundles (dist/lazy/, host/lazy/libraries.ts), loaded once per process. */
const LAZY_BUNDLE = /^\.\/lazy\/[\w.-]+\.js$/;
const lazyExports = new Map<string, unknown>();

/**
 * `require` for a bundle: the heavy libraries' bundles go through the code cache too (pdf.js alone is
 * ~70 ms to compile, a third of a short PDF's reading); everything else is Node's `require`.
 */
function bundleRequire(path: string, cacheDir: string | null, main: Module): NodeJS.Require & { main: Module } {
  const plain = createRequire(path);
  const require = ((id: string): unknown => {
    if (!LAZY_BUNDLE.test(id)) return plain(id);
    const target = join(dirname(path), id);
    if (!lazyExports.has(target)) lazyExports.set(target, loadBundle(target, cacheDir, main).exports);
    return lazyExports.get(target);
  }) as NodeJS.Require & { main: Module };
  return Object.assign(require, { resolve: plain.resolve, cache: plain.cache, extensions: plain.extensions, main });
}

/**
 * Loads the CommonJS bundle at `path` (absolute) and returns its exports: `require` relative to it,
 * `__dirname` its folder, `require.main` itself (it is the program) or the program that loads it.
 * Caches its code in `cacheDir`.
 */
export function loadBundle<T>(
  path: string,
  cacheDir: string | null = defaultCacheDir(),
  main?: Module,
): { exports: T; cache: BundleCache } {
  const source = readFileSync(path, 'utf8').replace(/^#!.*/, '');
  let file: string | null;
  try {
    file = cacheDir && isPrivateFolder(cacheDir) ? cacheFileFor(path, cacheDir) : null;
  } catch {
    file = null;
  }
  const cached = readCache(file);
  const script = new Script(Module.wrap(source), { filename: path, cachedData: cached?.data });
  const accepted = cached !== undefined && !script.cachedDataRejected;
  if (file) writeCacheAtExit(script, file, accepted ? cached.writerCpuMs * 1.5 : 0);
  const module = new Module(path);
  module.filename = path;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  const require = bundleRequire(path, cacheDir, main ?? module);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, require, module, path, dirname(path));
  module.loaded = true;
  return { exports: module.exports as T, cache: { file, accepted } };
}
