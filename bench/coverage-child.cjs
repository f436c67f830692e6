// Runs `guideline coverage` in this process and reports its CPU time (user + system, start-up
// included) on stderr: unlike the wall clock, it does not grow when other work shares the machine.
const { main } = require(process.argv[2]);
process.stdout.write = () => true;
main(process.argv.slice(3)).then((code) => {
  const usage = process.cpuUsage();
  process.stderr.write(JSON.stringify({ code, cpuMs: (usage.user + usage.system) / 1000 }));
});
