// Preloaded into a measured command (`node --import ./bench/cpu-at-exit.mjs …`, bench/startup.mjs): appends
// the process's CPU time (user + system, start-up included) to the file named by BENCH_CPU_FILE at exit.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.BENCH_CPU_FILE, `${(user + system) / 1000}\n`);
});
