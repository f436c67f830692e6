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
import { commandTrial, createTextlint, remarkWholeTrial, textlintFirstTrial, textlintTrial } from './competitors.mjs';
import { benchmarksMarkdown, evaluateTargets } from './report.mjs';
import { SERVER_NODE_FLAGS, snapshotCli } from './lsp.mjs';
import { measureCold, measureEditing, measureFirstOpen } from './server-measures.mjs';
import { round1, runTrials } from './trials.mjs';
import { measureAlignment } from './revisions.mjs';
import { measureCommentReading } from './comment-reading.mjs';
import { prepareWorkspace, sharedChunkBytes, warmupDocuments } from './workspace.mjs';
import { measureImport } from './import-pdf.mjs';
import { coverageTarget, coverageVersionsTarget, measureCoverage } from './coverage.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const TMP = join(BENCH, 'tmp');

const competitorTrials = { warmup: 1, min: 2, max: 5, budgetMs: 40_000, warmupLimitMs: 5_000 };
const PLANS = {
  full: {
    scales: [1, 4, 16],
    warmupDocuments: 3,
    cold: { warmup: 1, min: 3, max: 5, budgetMs: 25_000 },
    firstOpen: { warmup: 1, min: 3, max: 5, budgetMs: 25_000 },
    edit: { editWarmup: 5, edits: 40, idlePulls: 8, hoverWarmup: 3, hovers: 20, supersede: 10 },
    remark: competitorTrials,
    textlint: competitorTrials,
    textlintFirst: { warmup: 0, min: 1, max: 3, budgetMs: 40_000 },
    commands: { warmup: 1, min: 2, max: 5, budgetMs: 30_000, warmupLimitMs: 5_000 },
    align: { warmup: 1, min: 3, max: 7, budgetMs: 20_000 },
    importPdf: { pages: 100, trials: { warmup: 1, min: 3, max: 5, budgetMs: 30_000 } },
    coverage: { scale: 1, trials: { warmup: 1, min: 3, max: 5, budgetMs: 20_000 } },
  },
  smoke: {
    scales: [0.05],
    warmupDocuments: 1,
    cold: { warmup: 0, min: 1, max: 1 },
    firstOpen: { warmup: 0, min: 1, max: 1 },
    edit: { editWarmup: 0, edits: 2, idlePulls: 1, hoverWarmup: 0, hovers: 1, supersede: 1 },
    remark: { warmup: 0, min: 1, max: 1 },
    textlint: { warmup: 0, min: 1, max: 1 },
    textlintFirst: { warmup: 0, min: 1, max: 1 },
    commands: { warmup: 0, min: 1, max: 1 },
    align: { warmup: 0, min: 1, max: 1 },
    importPdf: { pages: 5, trials: { warmup: 0, min: 1, max: 1 } },
    coverage: { scale: 0.05, trials: { warmup: 0, min: 1, max: 1 } },
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
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: status === null ? null : status.length > 0,
    builtAt,
    serverNodeFlags: SERVER_NODE_FLAGS,
  };
}

const started = performance.now();
const log = (message) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

async function main() {
  const smoke = process.argv.includes('--smoke');
  const plan = smoke ? PLANS.smoke : PLANS.full;
  const builtAt = statSync(join(ROOT, 'dist', 'cli.js')).mtime.toISOString();
  const CLI = snapshotCli(ROOT, TMP);
  const loadAtStart = os.loadavg().map((v) => round1(v));
  const textlintSetup = {
    dictionary: join(BENCH, 'textlint', 'prh.yml'),
    configDir: join(TMP, 'textlint'),
    nodeModules: join(ROOT, 'node_modules'),
  };
  const linter = await createTextlint(textlintSetup);
  const warmups = warmupDocuments(TMP, plan.warmupDocuments);
  const sizes = [];
  let previous = null;
  for (const scale of plan.scales) {
    const ws = prepareWorkspace(TMP, `${smoke ? 'smoke' : 'scale'}-${scale}`, scale);
    log(
      `${scale}×: ${(ws.bytes / 1024).toFixed(0)} KB, ${ws.units.length} sections, ${ws.records} comment records → ${ws.workspace}`,
    );
    const progress = (message) => log(`${scale}×  ${message}`);

    const shared = sharedChunkBytes(
      ws.text,
      warmups.map((w) => w.text),
    );
    const cold = await measureCold({
      cli: CLI,
      workspace: ws.coldWorkspace,
      file: ws.coldFile,
      text: ws.text,
      warmups,
      trials: plan.cold,
      progress,
    });
    log(
      `${scale}×: coldMs ${round1(cold.coldMs)} (${cold.diagnostics} diagnostics; ${shared} bytes in chunks the warm-up documents also have)`,
    );
    const first = await measureFirstOpen({
      cli: CLI,
      workspace: ws.workspace,
      file: ws.file,
      text: ws.text,
      trials: plan.firstOpen,
      progress,
    });
    log(
      `${scale}×: firstOpenMs ${round1(first.firstOpenMs)} (rss ${round1(first.rssMB)} MB, ${first.diagnostics} diagnostics)`,
    );
    // Both open the same guideline with the same comments: the same findings, or one of them
    // measured something else.
    if (cold.diagnostics !== first.diagnostics)
      throw new Error(
        `${scale}×: ${cold.diagnostics} diagnostics in the cold analysis, ${first.diagnostics} on the first open`,
      );
    const editing = await measureEditing({
      cli: CLI,
      workspace: ws.workspace,
      file: ws.file,
      text: ws.text,
      units: ws.units,
      commentedUnits: ws.commentedUnits,
      plan: plan.edit,
      progress,
    });

    // A run at this size costs about the smaller size's times the growth (remark grows faster).
    const growth = previous ? scale / previous.scale : 1;
    const remark = await runTrials(remarkWholeTrial(ws.text), {
      ...plan.remark,
      estimateMs: previous ? previous.remarkWholeMs * growth * 1.5 : 0,
    });
    log(`${scale}×: remarkWholeMs ${round1(remark.median)} (${remark.samples.map((v) => v.toFixed(0)).join(', ')})`);
    const seen = { messages: 0 };
    const textlint = await runTrials(textlintTrial(linter, ws.file, seen), {
      ...plan.textlint,
      estimateMs: previous ? previous.textlintMs * growth * 1.5 : 0,
    });
    log(
      `${scale}×: textlintMs ${round1(textlint.median)} (${textlint.samples.map((v) => v.toFixed(0)).join(', ')}; ${seen.messages} messages)`,
    );
    const seenFirst = { messages: 0 };
    const textlintFirst = await runTrials(
      textlintFirstTrial({ ...textlintSetup, file: ws.file }, seenFirst),
      plan.textlintFirst,
    );
    log(
      `${scale}×: textlint first lint in a fresh process ${round1(textlintFirst.median)} (${textlintFirst.samples.map((v) => v.toFixed(0)).join(', ')}; ${seenFirst.messages} messages)`,
    );
    // The command lines, whole process: `guideline check` on the workspace folder (the guideline and
    // its comments), `textlint` with the same .textlintrc.json on the guideline.
    const cliCheck = await runTrials(commandTrial([CLI, 'check', ws.workspace], { cwd: ROOT }), {
      ...plan.commands,
      estimateMs: previous ? previous.details.cliCheckMs * growth * 1.5 : 0,
    });
    log(
      `${scale}×: guideline check (whole process) ${round1(cliCheck.median)} (${cliCheck.samples.map((v) => v.toFixed(0)).join(', ')})`,
    );
    const textlintBin = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
    const textlintCli = await runTrials(
      commandTrial([textlintBin, '--config', join(textlintSetup.configDir, '.textlintrc.json'), ws.file], {
        cwd: ROOT,
      }),
      { ...plan.commands, estimateMs: previous ? previous.details.textlintCliMs * growth * 1.5 : 0 },
    );
    log(
      `${scale}×: textlint (whole process) ${round1(textlintCli.median)} (${textlintCli.samples.map((v) => v.toFixed(0)).join(', ')})`,
    );
    // Issue 15: two versions of this guideline (chapter 3 renumbered, a section deleted, edits) aligned.
    const alignment = await measureAlignment(scale, plan.align);
    log(
      `${scale}×: alignMs ${alignment.alignMs} (${alignment.alignSamples.join(', ')}; ${alignment.rows} rows, ${alignment.changedRows} changed or renumbered), parse+align+table ${alignment.parseAlignTableMs}`,
    );

    const size = {
      scale,
      bytes: ws.bytes,
      coldMs: round1(cold.coldMs),
      editMs: round1(editing.editMs),
      hoverMs: round1(editing.hoverMs),
      rssMB: round1(first.rssMB),
      remarkWholeMs: round1(remark.median),
      textlintMs: round1(textlint.median),
      details: {
        sections: ws.units.length,
        records: ws.records,
        plantedMistakes: ws.plantedMistakes,
        diagnostics: cold.diagnostics,
        warmupDocuments: warmups.length,
        sharedChunkBytes: shared,
        startupMs: round1(first.startupMs),
        coldSamples: cold.coldSamples.map(round1),
        firstOpenMs: round1(first.firstOpenMs),
        firstOpenSamples: first.firstOpenSamples.map(round1),
        textlintFirstMs: round1(textlintFirst.median),
        textlintFirstSamples: textlintFirst.samples.map(round1),
        cliCheckMs: round1(cliCheck.median),
        cliCheckSamples: cliCheck.samples.map(round1),
        textlintCliMs: round1(textlintCli.median),
        textlintCliSamples: textlintCli.samples.map(round1),
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
        alignMs: alignment.alignMs,
        alignSamples: alignment.alignSamples,
        alignRows: alignment.rows,
        parseAlignTableMs: alignment.parseAlignTableMs,
      },
    };
    sizes.push(size);
    previous = size;
  }

  // Reading a published result: a generated result PDF of about 100 pages beside its text form.
  const commentReading = await measureCommentReading({
    cli: CLI,
    tmp: TMP,
    pages: smoke ? 3 : 100,
    trials: plan.commands,
  });
  if (commentReading)
    log(
      `comment result: ${commentReading.pages} pages, ${commentReading.pdfRecords}/${commentReading.records} records from the PDF in ${commentReading.pdfMs} ms, ${commentReading.textRecords} from the text in ${commentReading.textMs} ms (whole process)`,
    );
  else log('comment result: skipped (no chromium to print the PDF)');

  // Issue 19: `guideline import` on a generated 100-page guideline PDF (target ≤ 5 s).
  const importPdf = await measureImport({ cli: CLI, tmpDir: TMP, root: ROOT, ...plan.importPdf, log });
  const coverage = await measureCoverage({
    cli: CLI,
    root: ROOT,
    tmpDir: TMP,
    trials: plan.coverage.trials,
    scale: plan.coverage.scale,
  });
  log(
    `coverage: ${coverage.coverageCpuMs} ms CPU, ${coverage.coverageMs} ms wall (${coverage.guidelineBytes} bytes against ${coverage.policyBytes}; ${JSON.stringify(coverage.summary)})`,
  );
  log(
    `coverage --since: ${coverage.versioned.coverageCpuMs} ms CPU, ${coverage.versioned.coverageMs} ms wall (${JSON.stringify(coverage.versioned.summary)})`,
  );

  const results = {
    sizes,
    commentReading,
    importPdf,
    coverage,
    machine: { ...machine(), loadAverageAtStart: loadAtStart },
    build: build(builtAt),
    date: new Date().toISOString(),
    trials: {
      warmupDocuments: plan.warmupDocuments,
      cold: plan.cold,
      firstOpen: plan.firstOpen,
      edit: plan.edit,
      remark: plan.remark,
      textlint: plan.textlint,
      textlintFirst: plan.textlintFirst,
      commands: plan.commands,
    },
  };
  const targets = [...evaluateTargets(sizes), coverageTarget(coverage), coverageVersionsTarget(coverage)];
  if (smoke) {
    writeFileSync(join(TMP, 'smoke-results.json'), JSON.stringify({ ...results, targets }, null, 2) + '\n');
    log(`smoke run complete: ${join(TMP, 'smoke-results.json')}`);
  } else {
    writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), benchmarksMarkdown(results));
    log('wrote bench/results.json and BENCHMARKS.md');
  }
  console.log(
    '\nscale  bytes      coldMs  editMs  hoverMs  rssMB  remarkWholeMs  textlintMs  firstOpenMs  textlintFirstMs',
  );
  for (const s of sizes) {
    console.log(
      `${String(s.scale).padEnd(6)} ${String(s.bytes).padEnd(10)} ${String(s.coldMs).padStart(6)}  ${String(s.editMs).padStart(6)}  ${String(s.hoverMs).padStart(7)}  ${String(s.rssMB).padStart(5)}  ${String(s.remarkWholeMs).padStart(13)}  ${String(s.textlintMs).padStart(10)}  ${String(s.details.firstOpenMs).padStart(11)}  ${String(s.details.textlintFirstMs).padStart(15)}`,
    );
  }
  for (const t of targets) console.log(`${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.name}: ${t.shown}`);
  if (importPdf)
    console.log(
      `${smoke ? '·' : importPdf.importMs <= 5000 ? '✓' : '✗'} guideline import, ${importPdf.pages}-page PDF ≤ 5 s: ${importPdf.importMs} ms`,
    );
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exitCode = 1;
});
