/**
 * `node bench/official.mjs [scale]`: the cost of the 公用文 rules at 1×
 * the generated guideline, in process: a cold check of every chunk with the official rules off, on
 * (pattern tier) and on with the morphological tier (official-adverb-kanji and its kuromoji analyser),
 * the re-check of one edited chunk, and the dictionary load, reported separately. Medians of
 * several runs; a measurement, not a test.
 *
 * Then the same through the language server, as `npm run bench` measures coldMs (a new guideline in a
 * server whose code is warm, didOpen → the diagnostic pull's answer; bench/server-measures.mjs): with
 * the 公用文 rules off (the analysis before issue 17), with the defaults, and with every official rule on,
 * the morphological tier included (its dictionary loaded during the warm-up, reported separately).
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateGuideline } from './generate.mjs';
import { fileUri, snapshotCli, startServer, timed } from './lsp.mjs';
import { warmUp } from './server-measures.mjs';
import { round1, runTrials } from './trials.mjs';
import { prepareWorkspace, warmupDocuments } from './workspace.mjs';

// The core and the host loader, bundled from the sources (bench/official-entry.ts).
const outfile = fileURLToPath(new URL('../out/bench-official.cjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('official-entry.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'error',
});
const require = createRequire(import.meta.url);
const core = require(outfile);
const scale = Number(process.argv[2] ?? 1);
const text = generateGuideline(scale).text;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/**
 * The analyser behind a configuration, wrapped afresh: the rules' sentence cache is kept per
 * analyser object, so a new wrapper is a cold cache. Counts what reaches kuromoji.
 */
const counted = { sentences: 0, chars: 0 };
function freshTokenizer(config) {
  if (!config.tokenizer) return { ...config };
  const inner = config.tokenizer;
  return {
    ...config,
    tokenizer: {
      tokenize(sentence) {
        counted.sentences++;
        counted.chars += sentence.length;
        return inner.tokenize(sentence);
      },
    },
  };
}
function cold(config, runs = 9) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const fresh = freshTokenizer(config); // a new configuration object and analyser: nothing cached is reused
    const t = performance.now();
    core.checkChunks(text, fresh);
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 10) / 10;
}
function edit(config, runs = 20) {
  const times = [];
  const chunks = core.chunkTexts(text);
  for (let i = 0; i < runs; i++) {
    const index = (i * 7919) % chunks.length;
    const changed = chunks[index].replace('。', `。追記${i}。`);
    const t = performance.now();
    core.checkOne(changed, config);
    times.push(performance.now() - t);
  }
  return Math.round(median(times) * 100) / 100;
}

const off = core.config('off');
const on = core.config('on');
const t0 = performance.now();
const tokenizer = await core.loadTokenizer();
const loadMs = Math.round(performance.now() - t0);
const morph = core.config('morph', tokenizer);
// Warm-up: every configuration once, so that no measure pays for compiling the code or the patterns.
for (const c of [off, on, morph]) cold(c, 2);
counted.sentences = counted.chars = 0;
core.checkChunks(text, freshTokenizer(morph));
const reachedKuromoji = { ...counted, ofChars: text.length };

/** The dictionary's memory, in a child process of its own (RSS, V8 heap, external buffers; after a full GC). */
function dictionaryMemory() {
  const script = `
    const core = require(${JSON.stringify(outfile)});
    const mb = (n) => Math.round(n / 1048576);
    const snap = () => { const m = process.memoryUsage(); return { rss: mb(m.rss), heap: mb(m.heapUsed), external: mb(m.external) }; };
    global.gc(); const before = snap(); const t = performance.now();
    core.loadTokenizer().then(() => {
      const loadMs = Math.round(performance.now() - t); const loaded = snap(); global.gc(); const afterGc = snap();
      console.log(JSON.stringify({ loadMs, before, loaded, afterGc }));
    });`;
  const out = execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out);
}

/**
 * coldMs through the server with `rules` in the workspace's guideline.config.json: fresh servers, each
 * warmed on other guidelines (and, when the morphological tier is on, until its dictionary is loaded and
 * one more guideline has been checked with it), then the measured guideline opened and pulled.
 */
async function serverCold(label, rules, trials = { warmup: 1, min: 9, max: 9 }) {
  const tmp = join(dirname(fileURLToPath(import.meta.url)), 'tmp');
  const ws = prepareWorkspace(tmp, `official-${label}`, scale);
  writeFileSync(join(ws.coldWorkspace, 'guideline.config.json'), JSON.stringify({ rules }, null, 2));
  const warmups = warmupDocuments(tmp, 3);
  const cli = snapshotCli(join(dirname(fileURLToPath(import.meta.url)), '..'), tmp);
  const morph = rules['official-adverb-kanji'] === 'information';
  let diagnostics = 0;
  const result = await runTrials(async () => {
    const server = await startServer({ cli, workspace: ws.coldWorkspace });
    try {
      await warmUp(server, warmups);
      if (morph) {
        const loaded = () => server.logs.some((line) => /morphological dictionary loaded/.test(line));
        for (let waited = 0; !loaded(); waited += 50) {
          if (waited > 60_000) throw new Error(`no dictionary after 60 s: ${server.logs.join('\n').slice(-2000)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await warmUp(server, warmups.slice(0, 1));
      }
      const { ms, value } = await timed(() => {
        server.open(fileUri(ws.coldFile), ws.text);
        return server.pull(fileUri(ws.coldFile));
      });
      diagnostics = value.items.length;
      return ms;
    } finally {
      await server.shutdown();
    }
  }, trials);
  return { coldMs: round1(result.median), samples: result.samples.map(round1), diagnostics };
}
const codes = core.officialCodes();
const rulesWith = (severity) => Object.fromEntries(codes.map((code) => [code, severity]));
const serverColdMs = {
  officialOff: await serverCold('off', rulesWith('off')),
  defaults: await serverCold('defaults', {}),
  everyOfficialRule: await serverCold('all', rulesWith('information')),
};
const ratio = (x) => round1(x / serverColdMs.officialOff.coldMs);

const result = {
  bytes: Buffer.byteLength(text),
  chunks: core.chunkTexts(text).length,
  coldMs: { officialOff: cold(off), officialOn: cold(on), officialOnWithMorphology: cold(morph) },
  editChunkMs: { officialOff: edit(off), officialOn: edit(on), officialOnWithMorphology: edit(morph) },
  dictionaryLoadMs: loadMs,
  reachedKuromoji,
  dictionaryMemoryMB: dictionaryMemory(),
  serverColdMs,
  serverColdRatioToOfficialOff: {
    defaults: ratio(serverColdMs.defaults.coldMs),
    everyOfficialRule: ratio(serverColdMs.everyOfficialRule.coldMs),
  },
};
console.log(JSON.stringify(result, null, 2));
