/**
 * `node bench/official.mjs [scale]`: the cost of the 公用文 rules at 1×
 * the generated guideline, in process: a cold check of every chunk with the official rules off, on
 * (pattern tier) and on with the morphological tier (official-adverb-kanji and its kuromoji analyser),
 * the re-check of one edited chunk, and the dictionary load, reported separately. Medians of
 * several runs; a measurement, not a test.
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { generateGuideline } from './generate.mjs';

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

const result = {
  bytes: Buffer.byteLength(text),
  chunks: core.chunkTexts(text).length,
  coldMs: { officialOff: cold(off), officialOn: cold(on), officialOnWithMorphology: cold(morph) },
  editChunkMs: { officialOff: edit(off), officialOn: edit(on), officialOnWithMorphology: edit(morph) },
  dictionaryLoadMs: loadMs,
  reachedKuromoji,
  dictionaryMemoryMB: dictionaryMemory(),
};
console.log(JSON.stringify(result, null, 2));
