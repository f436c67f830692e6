// `npm run watch`: esbuild rebuilds the bundles and tsc type-checks, both on every change, in one
// terminal; Ctrl+C stops both.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['scripts/build.mjs', '--watch'], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-b', '--watch', '--preserveWatchOutput'], {
    stdio: 'inherit',
  }),
];
const stop = () => children.forEach((child) => child.kill());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
