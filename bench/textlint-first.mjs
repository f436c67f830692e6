/**
 * Child process of the benchmark: textlint's first lint in a fresh Node process, the counterpart of
 * the server's first open. The linter is created (modules loaded, rules and dictionary read) before
 * the clock starts, as the server's start-up is not timed either; prints {"ms":…,"cpuMs":…,"messages":…}.
 *
 *   node bench/textlint-first.mjs <file> <prh.yml> <config dir> <node_modules>
 */
import { createTextlint } from './competitors.mjs';

const [file, dictionary, configDir, nodeModules] = process.argv.slice(2);
const linter = await createTextlint({ dictionary, configDir, nodeModules });
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const [result] = await linter.lintFiles([file]);
const ms = performance.now() - t0;
// CPU time too (user + system): on a shared machine it moves far less than the wall clock.
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, messages: result?.messages.length ?? 0 }));
