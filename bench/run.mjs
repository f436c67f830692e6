/**
 * `npm run bench` (after the build): the benchmark of issue 7 at 1×, 4× and 16× the real guideline.
 * `npm run bench -- --smoke`: 0.05× and one trial of everything, for CI; it checks that every path
 * runs (exit 1 only when something crashes) and leaves bench/results.json and BENCHMARKS.md alone.
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTextlint, remarkWholeTrial, textlintTrial } from './competitors.mjs';
import { benchmarksMarkdown, evaluateTargets } from './report.mjs';
import { snapshotCli } from './lsp.mjs';
import { measureCold, measureEditing } from './server-measures.mjs';
import { round1, runTrials } from './trials.mjs';
import { prepareWorkspace } from './workspace.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const TMP = join(BENCH, 'tmp');

const competitorTrials = { warmup: 1, min: 2, max: 5, budgetMs: 40_000, warmupLimitMs: 5_000 };
const PLANS = {
  full: {
    scales: [1, 4, 16],
    cold: { warmup: 1, min: 3, max: 5, budgetMs: 25_000 },
    edit: { editWarmup: 5, edits: 40, idlePulls: 8, hoverWarmup: 3, hovers: 20, supersede: 3 },
    remark: competitorTrials,
    textlint: competitorTrials,
  },
  smoke: {
    scales: [0.05],
    cold: { warmup: 0, min: 1, max: 1 },
    edit: { editWarmup: 0, edits: 2, idlePulls: 1, hoverWarmup: 0, hovers: 1, supersede: 1 },
    remark: { warmup: 0, min: 1, max: 1 },
    textlint: { warmup: 0, min: 1, max: 1 },
  },
};

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // The machine may be shared: a load above the core count makes every number noisier.
    loadAverage: os.loadavg().map((v) => round1(v)),
  };
}

/** Which code was measured: the commit, whether the work tree had changes, when dist/ was built. */
function build(builtAt) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--untracked-files=no');
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedChanges: status === null ? null : status.length > 0, builtAt };
}

const started = performance.now();
const log = (message) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

async function main() {
  const smoke = process.argv.includes('--smoke');
  const plan = smoke ? PLANS.smoke : PLANS.full;
  const builtAt = statSync(join(ROOT, 'dist', 'cli.js')).mtime.toISOString();
  const CLI = snapshotCli(ROOT, TMP);
  const loadAtStart = os.loadavg().map((v) => round1(v));
  const linter = await createTextlint({ dictionary: join(BENCH, 'textlint', 'prh.yml'), configDir: join(TMP, 'textlint'), nodeModules: join(ROOT, 'node_modules') });
  const sizes = [];
  let previous = null;
  for (const scale of plan.scales) {
    const ws = prepareWorkspace(TMP, `${smoke ? 'smoke' : 'scale'}-${scale}`, scale);
    log(`${scale}×: ${(ws.bytes / 1024).toFixed(0)} KB, ${ws.units.length} sections, ${ws.records} comment records → ${ws.workspace}`);
    const progress = (message) => log(`${scale}×  ${message}`);

    const cold = await measureCold({ cli: CLI, workspace: ws.workspace, file: ws.file, text: ws.text, trials: plan.cold, progress });
    log(`${scale}×: coldMs ${round1(cold.coldMs)} (rss ${round1(cold.rssMB)} MB, ${cold.diagnostics} diagnostics)`);
    const editing = await measureEditing({ cli: CLI, workspace: ws.workspace, file: ws.file, text: ws.text, units: ws.units, commentedUnits: ws.commentedUnits, plan: plan.edit, progress });

    // A run at this size costs about the smaller size's times the growth (remark grows faster).
    const growth = previous ? scale / previous.scale : 1;
    const remark = await runTrials(remarkWholeTrial(ws.text), { ...plan.remark, estimateMs: previous ? previous.remarkWholeMs * growth * 1.5 : 0 });
    log(`${scale}×: remarkWholeMs ${round1(remark.median)} (${remark.samples.map((v) => v.toFixed(0)).join(', ')})`);
    const seen = { messages: 0 };
    const textlint = await runTrials(textlintTrial(linter, ws.file, seen), { ...plan.textlint, estimateMs: previous ? previous.textlintMs * growth * 1.5 : 0 });
    log(`${scale}×: textlintMs ${round1(textlint.median)} (${textlint.samples.map((v) => v.toFixed(0)).join(', ')}; ${seen.messages} messages)`);

    const size = {
      scale,
      bytes: ws.bytes,
      coldMs: round1(cold.coldMs),
      editMs: round1(editing.editMs),
      hoverMs: round1(editing.hoverMs),
      rssMB: round1(cold.rssMB),
      remarkWholeMs: round1(remark.median),
      textlintMs: round1(textlint.median),
      details: {
        sections: ws.units.length,
        records: ws.records,
        plantedMistakes: ws.plantedMistakes,
        diagnostics: cold.diagnostics,
        startupMs: round1(cold.startupMs),
        coldSamples: cold.coldSamples.map(round1),
        editSamples: editing.editSamples,
        editMaxMs: round1(editing.editMaxMs),
        pullAfterIdleMs: round1(editing.pullAfterIdleMs),
        hoversWithContent: editing.hoversWithContent,
        hoverCount: editing.hoverCount,
        rssAfterEditsMB: round1(editing.rssAfterEditsMB),
        peakMB: round1(editing.peakMB),
        supersede: editing.supersede,
        remarkSamples: remark.samples.map(round1),
        textlintSamples: textlint.samples.map(round1),
        textlintMessages: seen.messages,
      },
    };
    sizes.push(size);
    previous = size;
  }

  const results = { sizes, machine: { ...machine(), loadAverageAtStart: loadAtStart }, build: build(builtAt), date: new Date().toISOString(), trials: { cold: plan.cold, edit: plan.edit, remark: plan.remark, textlint: plan.textlint } };
  const targets = evaluateTargets(sizes);
  if (smoke) {
    writeFileSync(join(TMP, 'smoke-results.json'), JSON.stringify({ ...results, targets }, null, 2) + '\n');
    log(`smoke run complete: ${join(TMP, 'smoke-results.json')}`);
  } else {
    writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), benchmarksMarkdown(results));
    log('wrote bench/results.json and BENCHMARKS.md');
  }
  console.log('\nscale  bytes      coldMs  editMs  hoverMs  rssMB  remarkWholeMs  textlintMs');
  for (const s of sizes) {
    console.log(
      `${String(s.scale).padEnd(6)} ${String(s.bytes).padEnd(10)} ${String(s.coldMs).padStart(6)}  ${String(s.editMs).padStart(6)}  ${String(s.hoverMs).padStart(7)}  ${String(s.rssMB).padStart(5)}  ${String(s.remarkWholeMs).padStart(13)}  ${String(s.textlintMs).padStart(10)}`,
    );
  }
  for (const t of targets) console.log(`${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.name}: ${t.shown}`);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});
