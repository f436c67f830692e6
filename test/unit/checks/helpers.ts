/** Shared helpers of the checks tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import type { SegmentFinding } from '../../../server/src/core/checks/types';

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, 'checks', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** The flagged substrings of a rule run on the masked text. */
export function flagged(text: string, find: (masked: string) => SegmentFinding[]): string[] {
  return find(maskNonProse(text)).map((f) => text.slice(f.start, f.end));
}
