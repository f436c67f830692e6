import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXAMPLES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { toCheckConfig } from '../../../server/src/core/config/check-config';
import { warmChecks } from '../../../server/src/lsp/cooperative';

const text = readFileSync(resolve(EXAMPLES, 'guideline/security-policy-guideline.md'), 'utf8');

test('long checks run in slices: other work runs between them, and a cancellation stops them', async () => {
  // Distinct chunks the checks have not seen: seconds of work in one piece.
  const big = Array.from({ length: 200 }, (_, i) => text.replace(/^(#+ )(\d+(?:\.\d+)*)/gm, `$1${i + 5000}.$2`)).join(
    '\n',
  );
  const document = parseGuideline('file:///big.md', big);
  let cancelled = false;
  let otherWork = 0;
  const token = {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested: () => ({ dispose: () => undefined }),
  };
  // Another task that keeps asking for the event loop, as other requests would.
  const tick = (): void => {
    otherWork++;
    if (otherWork === 3) cancelled = true;
    if (!cancelled || otherWork < 3) setImmediate(tick);
  };
  setImmediate(tick);
  await assert.rejects(
    warmChecks(document, toCheckConfig({}, {}, []), token),
    (error: { code: number }) => error.code === -32802,
  );
  assert.ok(otherWork >= 3, 'other work ran between slices');
});
