// Preloaded into a measured command (`node --require bench/cpu-at-exit.cjs …`, bench/startup.mjs): appends
// the process's CPU time (user + system, start-up included) to the file named by BENCH_CPU_FILE at exit.
// CommonJS, so that the measured process pays for no ES module loader it would not otherwise start.
const { appendFileSync } = process.getBuiltinModule('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.BENCH_CPU_FILE, `${(user + system) / 1000}\n`);
});
