/** Paths for tests, wherever the bundled test file runs from (out/test/…). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'server'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`repository root not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const FIXTURES = resolve(REPO_ROOT, 'test/fixtures');
export const EXAMPLES = resolve(REPO_ROOT, 'examples');
