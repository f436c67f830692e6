/**
 * `npm run bench:startup` (after the build): issue 17's start-up measures alone, at 1× by default, in a
 * minute or two instead of the whole benchmark's many: `guideline check` and `textlint` as whole
 * processes, the server's first open and textlint's first lint (the same trials as `npm run bench`), and
 * what a process pays before any work (node itself, `guideline --version`). Each also in CPU time (user +
 * system), which a shared machine's load moves far less than the wall clock. Prints a table and
 * rewrites the start-up section of BENCHMARKS.md (between its markers); `--no-write` leaves it alone.
 *
 *   node bench/startup.mjs [--scale 1] [--no-write] [--cli other/dist/cli.js]
 *
 * --cli measures another build as it is (an older one, for a before/after); it implies --no-write.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandTrial, createTextlint, textlintFirstTrial } from './competitors.mjs';
import { fileUri, snapshotCli, startServer, timed } from './lsp.mjs';
import { median, round1, runTrials } from './trials.mjs';
import { prepareWorkspace } from './workspace.mjs';
import { STARTUP_BEFORE, STARTUP_BEGIN, STARTUP_END } from './report.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const TMP = join(BENCH, 'tmp');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const scale = Number(option('scale', 1));
const trials = { warmup: 1, min: 5, max: 9, budgetMs: 30_000 };

const other = option('cli', null);
const cli = other ?? snapshotCli(ROOT, TMP);
const ws = prepareWorkspace(TMP, `startup-${scale}`, scale);
const textlintSetup = {
  dictionary: join(BENCH, 'textlint', 'prh.yml'),
  configDir: join(TMP, 'textlint'),
  nodeModules: join(ROOT, 'node_modules'),
};
await createTextlint(textlintSetup);
const textlintBin = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
const textlintArgs = [textlintBin, '--config', join(textlintSetup.configDir, '.textlintrc.json'), ws.file];
const loadAtStart = os.loadavg().map(round1);

/** A whole command: wall clock (commandTrial) and the process's own CPU time (bench/cpu-at-exit.cjs). */
async function command(args) {
  const cpuFile = join(TMP, 'startup-cpu.txt');
  rmSync(cpuFile, { force: true });
  process.env.BENCH_CPU_FILE = cpuFile;
  const wall = await runTrials(
    commandTrial(['--require', join(BENCH, 'cpu-at-exit.cjs'), ...args], { cwd: ROOT }),
    trials,
  );
  delete process.env.BENCH_CPU_FILE;
  // The warm-up's line first: the trials are the last ones.
  const cpu = readFileSync(cpuFile, 'utf8').trim().split('\n').map(Number).slice(-wall.samples.length);
  return { ms: wall.median, cpuMs: median(cpu), samples: wall.samples };
}

/** CPU milliseconds a process has used so far (Linux /proc; 10 ms ticks). */
function processCpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The server's first open as npm run bench measures it, with the server's CPU time during it. */
async function firstOpen() {
  const uri = fileUri(ws.file);
  const cpu = [];
  const trial = async () => {
    const server = await startServer({ cli, workspace: ws.workspace });
    try {
      const before = processCpuMs(server.pid);
      const { ms } = await timed(() => {
        server.open(uri, ws.text);
        return server.pull(uri);
      });
      cpu.push(processCpuMs(server.pid) - before);
      return ms;
    } finally {
      await server.shutdown();
    }
  };
  const wall = await runTrials(trial, trials);
  return { ms: wall.median, cpuMs: median(cpu.slice(-wall.samples.length)), samples: wall.samples };
}

async function textlintFirst() {
  const seen = { messages: 0 };
  const cpu = [];
  const trial = textlintFirstTrial({ ...textlintSetup, file: ws.file }, seen);
  const wall = await runTrials(
    async () => {
      const ms = await trial();
      cpu.push(seen.cpuMs);
      return ms;
    },
    { warmup: 0, min: 3, max: 5, budgetMs: 30_000 },
  );
  return { ms: wall.median, cpuMs: median(cpu), samples: wall.samples };
}

const rows = {};
const show = (name, r) => {
  rows[name] = r;
  console.log(
    `${name.padEnd(34)} ${String(round1(r.ms)).padStart(8)} ms wall  ${String(round1(r.cpuMs)).padStart(7)} ms CPU  (${r.samples.map(Math.round).join(', ')})`,
  );
};
console.log(
  `${scale}×: ${(ws.bytes / 1024).toFixed(0)} KB, ${ws.records} comment records; load ${loadAtStart.join(' / ')}`,
);
show('node -e 0', await command(['-e', '0']));
show('guideline --version', await command([cli, '--version']));
show('guideline check', await command([cli, 'check', ws.workspace]));
show('textlint', await command(textlintArgs));
show('server first open', await firstOpen());
show('textlint first lint', await textlintFirst());

const ratio = (a, b, key) => rows[a][key] / rows[b][key];
const fmt = (v, d = 1) => v.toFixed(d);
console.log(
  `\ntextlint / guideline check: ${fmt(ratio('textlint', 'guideline check', 'ms'), 2)}× wall, ${fmt(ratio('textlint', 'guideline check', 'cpuMs'), 2)}× CPU`,
);
console.log(
  `textlint first lint / server first open: ${fmt(ratio('textlint first lint', 'server first open', 'ms'), 2)}× wall, ${fmt(ratio('textlint first lint', 'server first open', 'cpuMs'), 2)}× CPU`,
);

if (!process.argv.includes('--no-write') && !other && scale === 1) {
  const row = (label, a, b) =>
    `| ${label} | ${fmt(rows[a].ms)} / ${fmt(rows[b].ms)} ms | **${fmt(ratio(b, a, 'ms'), 2)}×** | ${fmt(rows[a].cpuMs)} / ${fmt(rows[b].cpuMs)} ms | **${fmt(ratio(b, a, 'cpuMs'), 2)}×** |`;
  const section = `${STARTUP_BEGIN}
### Start-up (issue 17)

\`npm run bench:startup\` on ${new Date().toISOString()} at 1× (${fmt(ws.bytes / 1024, 0)} KB), load average ${loadAtStart.join(' / ')} at the start (${os.cpus().length} cores; other work shared the machine);
each side's median over the same trials as \`npm run bench\`, in wall-clock and in CPU time (user + system of the
measured process: \`bench/cpu-at-exit.cjs\` for whole commands, /proc for the server during its first open,
\`process.cpuUsage\` around textlint's \`lintFiles\`).

| at 1× | guideline / textlint, wall | textlint ÷ guideline | guideline / textlint, CPU | textlint ÷ guideline |
|---|---|---|---|---|
${row('whole process: `guideline check` / `textlint`', 'guideline check', 'textlint')}
${row("server's first open / textlint's first lint", 'server first open', 'textlint first lint')}

| whole process | wall | CPU |
|---|---|---|
| \`node -e 0\` | ${fmt(rows['node -e 0'].ms)} ms | ${fmt(rows['node -e 0'].cpuMs)} ms |
| \`guideline --version\` | ${fmt(rows['guideline --version'].ms)} ms | ${fmt(rows['guideline --version'].cpuMs)} ms |

Before the split (BENCHMARKS.md of 2026-11-26, one 5.5 MB dist/cli.js, a quiet machine): textlint ÷ \`guideline check\`
${fmt(STARTUP_BEFORE.cliRatio, 2)}×, textlint's first lint ÷ the server's first open ${fmt(STARTUP_BEFORE.firstRatio, 2)}× (wall).
dist/cli.js is now a small entry that loads dist/server.js or dist/commands.js through V8's code cache, and the
heavy libraries (yaml and regexpp too) are bundles of their own, loaded on first use; a command runs with a larger V8
interrupt budget and exits once its output is flushed (docs/architecture.md, "Bundles and start-up"). The analysis
itself was made cheaper in a fresh process, where nothing is optimised yet: per-character and per-line loops of the
model and the checks became native regex and indexOf jumps (see the git log of 2026-11-30).
${STARTUP_END}`;
  const path = join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(STARTUP_BEGIN);
  const end = text.indexOf(STARTUP_END);
  const updated =
    start >= 0 && end > start
      ? text.slice(0, start) + section + text.slice(end + STARTUP_END.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, updated);
  console.log(`\nwrote the start-up section of ${path}`);
}
