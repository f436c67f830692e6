/**
 * `node bench/startup.mjs [scale]` (after the build): the start-up measures of issue 17 alone, at 1× by
 * default, in a minute instead of the whole benchmark's several: `guideline check` and `textlint` as
 * whole processes, the server's first open and textlint's first lint (the same trials as
 * `npm run bench`), and what a process pays before any work: node itself, `guideline --version`.
 * Prints a table; writes nothing outside bench/tmp/.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandTrial, createTextlint, textlintFirstTrial } from './competitors.mjs';
import { snapshotCli } from './lsp.mjs';
import { measureFirstOpen } from './server-measures.mjs';
import { round1, runTrials } from './trials.mjs';
import { prepareWorkspace } from './workspace.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const TMP = join(BENCH, 'tmp');
const scale = Number(process.argv[2] ?? 1);
const trials = { warmup: 1, min: 5, max: 9, budgetMs: 20_000 };

const cli = snapshotCli(ROOT, TMP);
const ws = prepareWorkspace(TMP, `startup-${scale}`, scale);
const textlintSetup = {
  dictionary: join(BENCH, 'textlint', 'prh.yml'),
  configDir: join(TMP, 'textlint'),
  nodeModules: join(ROOT, 'node_modules'),
};
await createTextlint(textlintSetup);
const textlintBin = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
const textlintArgs = [textlintBin, '--config', join(textlintSetup.configDir, '.textlintrc.json'), ws.file];

const rows = [];
const measure = async (name, trial, plan = trials) => {
  const { median, samples } = await runTrials(trial, plan);
  rows.push({ name, median: round1(median), samples: samples.map((v) => Math.round(v)) });
  console.log(`${name.padEnd(34)} ${String(round1(median)).padStart(8)} ms  (${samples.map(Math.round).join(', ')})`);
  return median;
};

console.log(`${scale}×: ${(ws.bytes / 1024).toFixed(0)} KB, ${ws.records} comment records`);
await measure('node -e 0', commandTrial(['-e', '0'], { cwd: ROOT }));
await measure('guideline --version', commandTrial([cli, '--version'], { cwd: ROOT }));
const check = await measure(
  'guideline check (whole process)',
  commandTrial([cli, 'check', ws.workspace], { cwd: ROOT }),
);
const textlint = await measure('textlint (whole process)', commandTrial(textlintArgs, { cwd: ROOT }));
const first = await measureFirstOpen({ cli, workspace: ws.workspace, file: ws.file, text: ws.text, trials });
rows.push({ name: 'server first open', median: round1(first.firstOpenMs) });
console.log(
  `${'server first open'.padEnd(34)} ${String(round1(first.firstOpenMs)).padStart(8)} ms  (${first.firstOpenSamples.map(Math.round).join(', ')}; start-up ${round1(first.startupMs)} ms)`,
);
const seen = { messages: 0 };
const textlintFirst = await measure(
  'textlint first lint',
  textlintFirstTrial({ ...textlintSetup, file: ws.file }, seen),
  {
    warmup: 0,
    min: 3,
    max: 5,
    budgetMs: 20_000,
  },
);
console.log(`\ntextlint / guideline check: ${(textlint / check).toFixed(2)}×`);
console.log(`textlint first lint / server first open: ${(textlintFirst / first.firstOpenMs).toFixed(2)}×`);
