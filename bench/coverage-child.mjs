// Runs `guideline coverage` in this process and reports its CPU time (user + system, start-up
// included) on stderr: unlike the wall clock, it does not grow when other work shares the machine.
// The commands' bundle next to the given dist/cli.js (the entry, which runs on load, exports nothing).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const { main } = createRequire(import.meta.url)(join(dirname(resolve(process.argv[2])), 'commands.js'));
process.stdout.write = () => true;
const code = await main(process.argv.slice(3));
const usage = process.cpuUsage();
process.stderr.write(JSON.stringify({ code, cpuMs: (usage.user + usage.system) / 1000 }));
