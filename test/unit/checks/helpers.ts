/** Shared helpers of the checks tests (not a test file itself). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import type { SegmentFinding } from '../../../server/src/core/checks/types';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function fixturePath(...parts: string[]): string {
  return join(repoRoot(), 'test', 'fixtures', 'checks', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** The flagged substrings of a rule run on the masked text. */
export function flagged(text: string, find: (masked: string) => SegmentFinding[]): string[] {
  return find(maskNonProse(text)).map((f) => text.slice(f.start, f.end));
}
