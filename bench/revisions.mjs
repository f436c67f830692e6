/**
 * Alignment of two versions (issue 15): a generated guideline and a revision of it with chapter 3
 * renumbered (a new 3.1 pushes every section down), one section deleted, and about one paragraph in
 * twenty edited. Measures alignDocuments on built documents (target: ≤ 300 ms at 460 KB), the
 * whole path from two texts, and the 新旧対照表 model.
 * Standalone: `node bench/revisions.mjs [scale]`.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGuideline } from './generate.mjs';
import { round1, runTrials } from './trials.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));

async function loadCore() {
  const outfile = join(BENCH, 'tmp', 'align-bench.cjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(BENCH, 'align-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

/** The revised text: chapter 3 renumbered behind a new 3.1, a section deleted, some sentences edited. */
export function reviseGuideline(text) {
  let paragraph = 0;
  let deleting = false;
  const out = [];
  for (const line of text.split('\n')) {
    const heading = /^(#{2,6}) (3)\.(\d+)((?:\.\d+)*) (.*)$/.exec(line);
    if (/^## 第3章/.test(line)) {
      out.push(
        line,
        '',
        '### 3.1 標的型攻撃への対策',
        '',
        '標的型攻撃による内部への侵入を防止するため、職員等に対する訓練を実施する。',
        '',
      );
      continue;
    }
    if (heading) {
      deleting = heading[3] === '4' && heading[4] === '';
      if (deleting) continue;
      out.push(`${heading[1]} 3.${Number(heading[3]) + 1}${heading[4]} ${heading[5]}`);
      continue;
    }
    if (/^#{2,6} /.test(line)) deleting = false;
    if (deleting) continue;
    if (line.endsWith('。') && ++paragraph % 20 === 0) out.push(line.replace('。', '、その結果を記録する。'));
    else out.push(line);
  }
  return out.join('\n');
}

export async function measureAlignment(scale, trials = { warmup: 1, min: 3, max: 7, budgetMs: 20_000 }) {
  const core = await loadCore();
  const before = generateGuideline(scale).text;
  const after = reviseGuideline(before);
  let rows = 0;
  let changed = 0;
  const built = () => {
    const cache = new core.GuidelineModelCache();
    const a = cache.build('file:///old.md', 0, before);
    const b = cache.build('file:///new.md', 0, after);
    void a.root;
    void b.root;
    return [a, b];
  };
  const align = await runTrials(async () => {
    const [a, b] = built();
    const t = performance.now();
    const alignment = core.alignDocuments(a, b);
    const ms = performance.now() - t;
    rows = alignment.rows.length;
    changed = alignment.rows.filter((r) => r.change !== 'unchanged' || r.renumbered).length;
    return ms;
  }, trials);
  const whole = await runTrials(async () => {
    const t = performance.now();
    const cache = new core.GuidelineModelCache();
    const alignment = core.alignDocuments(
      cache.build('file:///old.md', 0, before),
      cache.build('file:///new.md', 0, after),
    );
    core.comparisonTable(alignment);
    return performance.now() - t;
  }, trials);
  return {
    bytes: Buffer.byteLength(before),
    rows,
    changedRows: changed,
    alignMs: round1(align.median),
    alignSamples: align.samples.map(round1),
    parseAlignTableMs: round1(whole.median),
    parseAlignTableSamples: whole.samples.map(round1),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const scale = Number(process.argv[2] ?? 1);
  console.log(JSON.stringify(await measureAlignment(scale), null, 2));
}
