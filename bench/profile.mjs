/**
 * CPU profile of the server on a generated workspace, for when a target is missed:
 *
 *   node bench/profile.mjs --scale 16 --what edit [--edits 40] [--top 25]
 *   node bench/profile.mjs --scale 1 --what cold
 *   node bench/profile.mjs --scale 1 --what open    (a new document in a server warmed on others)
 *   node bench/profile.mjs --scale 16 --what edit --callers buildTree   (who calls it, and how often)
 *   node bench/profile.mjs --scale 1 --what cold --interval 100        (sample every 100 µs)
 *
 * Spawns `node --cpu-prof dist/cli.js lsp --stdio`, does the operation, shuts the server down (the
 * profile is written at exit) and prints the functions with the most self time, mapped from the
 * bundle back to source files through dist/server.js.map (the server's bundle, which dist/cli.js loads). Only samples taken during the operation
 * count: for `cold` from didOpen on (not the process start-up), for `edit` the edits alone.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileUri, snapshotCli, startServer } from './lsp.mjs';
import { prepareWorkspace, warmupDocuments } from './workspace.mjs';
import { warmUp } from './server-measures.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const CLI = snapshotCli(ROOT, join(BENCH, 'tmp'));
/** The language server's bundle: its frames are the ones mapped back to sources. */
const SERVER_BUNDLE = join(dirname(CLI), 'server.js');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/**
 * Self time per function (ms) from a .cpuprofile, only samples at or after `fromMicros`. Samples
 * are counted and weighted by the median sampling interval: on a busy machine one interval can
 * span a long preemption, which would pin that wait on whatever function happened to be running.
 */
export function selfTimes(profile, fromMicros = -Infinity) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const intervals = [...profile.timeDeltas].sort((a, b) => a - b);
  const interval = (intervals[intervals.length >> 1] ?? 1000) / 1000;
  const self = new Map();
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i];
    if (time < fromMicros) continue;
    const node = byId.get(profile.samples[i]);
    self.set(node, (self.get(node) ?? 0) + interval);
  }
  return self;
}

/** `file:line` in the source for a call frame of the bundle; other scripts as they are. */
function sourceLocation(frame, map) {
  if (!frame.url) return frame.functionName || '(native)';
  if (map && (frame.url === pathToFileURL(SERVER_BUNDLE).href || frame.url === SERVER_BUNDLE)) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource.replace(/^.*?(?=(server|client|node_modules)\/)/, '');
      return `${source}:${entry.originalLine + 1}`;
    }
  }
  const script = frame.url.startsWith('file:') ? relative(ROOT, fileURLToPath(frame.url)) : frame.url;
  return `${script}:${frame.lineNumber + 1}`;
}

/** The call paths (innermost first) that lead to samples in functions named `name`. */
export function callers(profile, fromMicros, name, map, depth = 8) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const paths = new Map();
  let total = 0;
  for (const [node, ms] of selfTimes(profile, fromMicros)) {
    // Samples in `name` itself or anywhere below it.
    let at = node;
    while (at && at.callFrame.functionName !== name) at = parent.get(at.id);
    if (!at) continue;
    total += ms;
    const frames = [];
    for (let up = at; up && frames.length < depth; up = parent.get(up.id))
      frames.push(`${up.callFrame.functionName || '(anonymous)'} ${sourceLocation(up.callFrame, map)}`);
    const key = frames.join('\n      ← ');
    paths.set(key, (paths.get(key) ?? 0) + ms);
  }
  return [...paths]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(0).padStart(3)}%  ${key}`);
}

export function summarize(profile, fromMicros, top) {
  const map = new SourceMap(JSON.parse(readFileSync(`${SERVER_BUNDLE}.map`, 'utf8')));
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  for (const [node, ms] of selfTimes(profile, fromMicros)) {
    total += ms;
    const location = sourceLocation(node.callFrame, map);
    const key = `${node.callFrame.functionName || '(anonymous)'}  ${location}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    const file = location.replace(/:\d+$/, '').replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\/.*$/, '$1');
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
  return { total, functions: rows(byFunction), files: rows(byFile) };
}

async function main() {
  const scale = Number(option('scale', '16'));
  const what = option('what', 'edit');
  const edits = Number(option('edits', '40'));
  const top = Number(option('top', '25'));
  // Microseconds between samples; node's default of 1000 is coarse for a 50 ms operation.
  const interval = Number(option('interval', '1000'));
  const dir = join(BENCH, 'tmp', 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ws = prepareWorkspace(join(BENCH, 'tmp'), `profile-${scale}`, scale);
  // `open` measures a guideline the server has not read at start-up (see prepareWorkspace).
  const uri = fileUri(what === 'open' ? ws.coldFile : ws.file);
  const server = await startServer({
    cli: CLI,
    workspace: what === 'open' ? ws.coldWorkspace : ws.workspace,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${interval}`],
  });
  if (what === 'open') {
    await warmUp(server, warmupDocuments(join(BENCH, 'tmp'), 3));
  }
  // Only samples from here on count: not the process start-up and `initialize`.
  let windowStart = performance.now();
  server.open(uri, ws.text);
  await server.pull(uri);
  console.log(
    `${scale}× ${(ws.bytes / 1024).toFixed(0)} KB: cold open + pull ${(performance.now() - windowStart).toFixed(0)} ms`,
  );
  if (what === 'edit') {
    const lines = ws.text.split('\n');
    windowStart = performance.now();
    for (let i = 0; i < edits; i++) {
      const unit = ws.units[Math.floor(((i + 0.5) * ws.units.length) / edits)];
      const line = unit.bodyLines[0];
      const character = Math.floor(lines[line].length / 2);
      lines[line] = `${lines[line].slice(0, character)}あ${lines[line].slice(character)}`;
      server.insert(uri, i + 2, { line, character }, 'あ');
      await server.pull(uri);
    }
    console.log(`${edits} edits + pulls: ${(performance.now() - windowStart).toFixed(0)} ms`);
  }
  await server.shutdown();
  const windowMs = performance.now() - windowStart;
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const from = profile.endTime - windowMs * 1000;
  const summary = summarize(profile, from, top);
  console.log(
    `\nprofile ${join(dir, file)}; ${summary.total.toFixed(0)} ms sampled during the ${what === 'edit' ? 'edits' : what === 'open' ? 'open of a new document' : 'cold open'}\n\nself time by function:`,
  );
  console.log(summary.functions.join('\n'));
  console.log('\nself time by file:');
  console.log(summary.files.join('\n'));
  const name = option('callers', null);
  if (name) {
    const map = new SourceMap(JSON.parse(readFileSync(`${SERVER_BUNDLE}.map`, 'utf8')));
    console.log(`\ncall paths into ${name} (total time, itself and below):`);
    console.log(callers(profile, from, name, map).join('\n'));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error?.stack ?? error);
    process.exitCode = 1;
  });
}
