/**
 * Coverage (issue 16): `guideline coverage GUIDELINE POLICY --json`, whole process, on a generated
 * guideline of the real size (≈ 460 KB) and a policy derived from it of similar size: its numbering
 * recast with dashes (3.6.2 → 3―6―2), 【趣旨】 left out, 地方公共団体 → 本市, one 例文 paragraph in seven
 * changed and one in eleven dropped, the （解説） kept as the policy's own text. Target: ≤ 1 s.
 * Across versions: `coverage NEW POLICY --since OLD --json`, OLD the generated guideline the policy
 * derives from, NEW its revision as the revisions bench makes it (chapter 3 renumbered behind a new
 * section, one deleted, one paragraph in twenty edited). Target: ≤ 1 s like plain coverage.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateGuideline } from './generate.mjs';
import { reviseGuideline } from './revisions.mjs';
import { median, round1, runTrials } from './trials.mjs';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'coverage-child.mjs');

/** The policy a municipality might write from `text`: see the file comment. */
export function derivePolicy(text) {
  const out = [];
  let part = null;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    const heading = /^(#{2,6}) ([0-9]+(?:\.[0-9]+)+) (.*)$/.exec(line);
    if (heading) {
      part = null;
      out.push(`${heading[1]} ${heading[2].replaceAll('.', '―')} ${heading[3]}`);
      continue;
    }
    if (/^#/.test(line)) {
      part = null;
      out.push(line);
      continue;
    }
    const marker = /^\*\*[【（](趣旨|例文|解説)[】）]\*\*$/.exec(line);
    if (marker) {
      part = marker[1];
      continue;
    }
    if (part === '趣旨') continue;
    if (part === '例文' && line.trim() !== '') {
      paragraph++;
      if (paragraph % 11 === 0) continue;
      let changed = line.replaceAll('地方公共団体', '本市');
      if (paragraph % 7 === 0 && changed.includes('、')) changed = changed.replace('、', '、原則として');
      out.push(changed);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

export async function measureCoverage({ cli, root, tmpDir, trials, scale = 1 }) {
  const folder = join(tmpDir, `coverage-${scale}`);
  mkdirSync(folder, { recursive: true });
  const guideline = generateGuideline(scale).text;
  const policy = derivePolicy(guideline);
  const guidelinePath = join(folder, 'guideline.md');
  const policyPath = join(folder, 'policy.md');
  writeFileSync(guidelinePath, guideline);
  writeFileSync(policyPath, policy);
  const cpu = [];
  const trial = async () => {
    const t0 = performance.now();
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [CHILD, cli, 'coverage', guidelinePath, policyPath, '--json'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    const wall = performance.now() - t0;
    cpu.push(JSON.parse(stderr.slice(stderr.lastIndexOf('{'))).cpuMs);
    return wall;
  };
  const run = await runTrials(trial, trials);
  // The same process doing nothing but start: what of the CPU time is loading the CLI bundle.
  const startup = [];
  for (let i = 0; i < Math.max(1, run.samples.length); i++) {
    const { stderr } = await promisify(execFile)(process.execPath, [CHILD, cli, '--version'], { cwd: root });
    startup.push(JSON.parse(stderr.slice(stderr.lastIndexOf('{'))).cpuMs);
  }
  // The classification itself, once, for the record (and to see the run measured real work).
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cli, 'coverage', guidelinePath, policyPath, '--json'],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const { summary } = JSON.parse(stdout);
  const versioned = await measureVersioned({ cli, root, folder, guideline, guidelinePath, policyPath, trials });
  return {
    guidelineBytes: Buffer.byteLength(guideline),
    policyBytes: Buffer.byteLength(policy),
    coverageMs: round1(run.median),
    coverageCpuMs: round1(median(cpu.slice(-run.samples.length))),
    samples: run.samples.map(round1),
    cpuSamples: cpu.slice(-run.samples.length).map(round1),
    startupCpuMs: round1(median(startup)),
    summary,
    versioned,
  };
}

/** `coverage NEW POLICY --since OLD --json`, whole process: see the file comment. */
async function measureVersioned({ cli, root, folder, guideline, guidelinePath, policyPath, trials }) {
  const newPath = join(folder, 'guideline-revised.md');
  writeFileSync(newPath, reviseGuideline(guideline));
  const args = [cli, 'coverage', newPath, policyPath, '--since', guidelinePath, '--json'];
  const cpu = [];
  const trial = async () => {
    const t0 = performance.now();
    const { stderr } = await promisify(execFile)(process.execPath, [CHILD, ...args], { cwd: root });
    const wall = performance.now() - t0;
    cpu.push(JSON.parse(stderr.slice(stderr.lastIndexOf('{'))).cpuMs);
    return wall;
  };
  const run = await runTrials(trial, trials);
  // The child prints nothing: the classification once more, for the record.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const { summary } = JSON.parse(stdout);
  return {
    coverageMs: round1(run.median),
    coverageCpuMs: round1(median(cpu.slice(-run.samples.length))),
    samples: run.samples.map(round1),
    summary,
  };
}

/** The versions part of issue 16: coverage across two versions of a 460 KB guideline ≤ 1 s (CPU time). */
export function coverageVersionsTarget(coverage) {
  const v = coverage.versioned;
  return {
    name: 'coverage of a policy across two versions of a 460 KB guideline (--since) ≤ 1 s (whole process, CPU time)',
    value: v.coverageCpuMs,
    limit: 1000,
    met: coverage.guidelineBytes >= 400 * 1024 ? v.coverageCpuMs <= 1000 : null,
    shown: `${v.coverageCpuMs} ms CPU, ${v.coverageMs} ms wall (${v.summary.new} new, ${v.summary.changed} changed, ${v.summary.unreflected} not reflected)`,
  };
}

/** The target of issue 16, in the shape of evaluateTargets' entries. */
/**
 * The target of issue 16, in the shape of evaluateTargets' entries: judged on the CPU time of the
 * whole process (start-up, reading, parsing both documents, coverage, JSON), which a machine shared
 * with other work does not inflate; the wall clock is shown beside it.
 */
export function coverageTarget(coverage) {
  return {
    name: 'coverage of a 460 KB guideline against a similar policy ≤ 1 s (whole process, CPU time)',
    value: coverage.coverageCpuMs,
    limit: 1000,
    // The smoke run's small documents say nothing about the target.
    met: coverage.guidelineBytes >= 400 * 1024 ? coverage.coverageCpuMs <= 1000 : null,
    shown: `${coverage.coverageCpuMs} ms CPU (${coverage.startupCpuMs} ms of it starting the CLI), ${coverage.coverageMs} ms wall (${(coverage.guidelineBytes / 1024).toFixed(0)} KB against ${(coverage.policyBytes / 1024).toFixed(0)} KB)`,
  };
}
