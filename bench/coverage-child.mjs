// Runs `guideline coverage` in this process and reports its CPU time (user + system, start-up
// included) on stderr: unlike the wall clock, it does not grow when other work shares the machine.
import { pathToFileURL } from 'node:url';

const cli = await import(pathToFileURL(process.argv[2]).href);
const main = cli.main ?? cli.default.main;
process.stdout.write = () => true;
const code = await main(process.argv.slice(3));
const usage = process.cpuUsage();
process.stderr.write(JSON.stringify({ code, cpuMs: (usage.user + usage.system) / 1000 }));
