// Each layering rule of eslint.config.mjs rejects a violation: every file in test/fixtures/lint/
// names the path it is linted as (`// lint as: …`) and must get a no-restricted-imports error there;
// the same imports from the layer above are allowed, so the rule is about the layer, not the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(root, 'test/fixtures/lint');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code, filePath) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

const cases = readdirSync(fixtures)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => {
    const code = readFileSync(join(fixtures, name), 'utf8');
    const as = /^\/\/ lint as: (\S+)/.exec(code)?.[1];
    assert.ok(as, `${name} names the path it is linted as`);
    return { name, code, as, imports: [...code.matchAll(/^import .*$/gm)].length };
  });

test('there is a violation fixture for every layer rule', () => {
  const layers = new Set(cases.map((c) => c.as.split('/').slice(0, 3).join('/')));
  assert.deepEqual([...layers].sort(), ['client/src/violation.ts', 'server/src/core', 'server/src/host'].sort());
});

for (const { name, code, as, imports } of cases) {
  test(`${name}: every import is rejected as ${as}`, async () => {
    const errors = await restrictedImports(code, as);
    assert.equal(errors.length, imports, errors.map((e) => e.message).join('\n'));
  });
}

test('the same imports are allowed where the layers permit them', async () => {
  const allowed = [
    ["import { readFileSync } from 'node:fs';", 'server/src/host/reader.ts'],
    ["import { URI } from '../lsp/uri';", 'server/src/cli/uri-user.ts'],
    ["import { readTextFile } from '../host/files';", 'server/src/lsp/reader.ts'],
    ["import { Requests } from '../../server/src/protocol/protocol';", 'client/src/user.ts'],
    ["import { localize } from '../i18n/locale';", 'server/src/core/text/user.ts'],
  ];
  for (const [code, as] of allowed) assert.deepEqual(await restrictedImports(code, as), [], `${code} in ${as}`);
});
