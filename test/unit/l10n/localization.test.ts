import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));

test('every client string passed to l10n.t has a Japanese translation, and none is stale', () => {
  const used = new Set<string>();
  for (const file of filesUnder(join(REPO_ROOT, 'client/src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g))
      used.add(match[1].replace(/\\'/g, "'"));
  }
  assert.ok(used.size > 10);
  const ja = readJson('l10n/bundle.l10n.ja.json');
  assert.deepEqual([...used].filter((key) => !(key in ja)), [], 'missing in l10n/bundle.l10n.ja.json');
  assert.deepEqual(Object.keys(ja).filter((key) => !used.has(key)), [], 'unused keys in l10n/bundle.l10n.ja.json');
  for (const [key, value] of Object.entries(ja)) {
    const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    assert.deepEqual(placeholders(value), placeholders(key), `placeholders of "${key}"`);
  }
});

test('package.nls.json and package.nls.ja.json have the same keys, and every %key% of package.json exists', () => {
  const en = readJson('package.nls.json');
  const ja = readJson('package.nls.ja.json');
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  const manifest = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
  const referenced = new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
  assert.deepEqual([...referenced].filter((key) => !(key in en)), []);
  assert.deepEqual(Object.keys(en).filter((key) => !referenced.has(key)), [], 'unused keys in package.nls.json');
  for (const value of Object.values(ja)) assert.match(value, /[\u3040-\u30ff\u4e00-\u9fff]/, `Japanese text: ${value}`);
});

test('every contributed command has a title in the guideline category', () => {
  const manifest = readJson('package.json') as unknown as { contributes: { commands: Array<{ command: string; title: string; category: string }> } };
  for (const command of manifest.contributes.commands) {
    assert.match(command.title, /^%command\./, command.command);
    assert.equal(command.category, '%category%', command.command);
  }
});
