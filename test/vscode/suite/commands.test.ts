// Command titles as VS Code shows them. code-server falls back to an English UI without a Japanese
// language pack (a marketplace extension, not available offline), so the Japanese titles are checked
// in package.nls.ja.json and the English ones as VS Code resolved them from package.nls.json.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './documents';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** The key of a `%key%` placeholder. */
function placeholderKey(value: string): string {
  const match = /^%(.+)%$/.exec(value);
  assert.ok(match, `${value} is a %placeholder% in package.json`);
  return match[1];
}

suite('command titles', () => {
  const extension = () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is installed`);
    return found;
  };

  test('every guideline.* command is registered with a resolved title in the UI language', async () => {
    const { packageJSON, extensionPath } = extension();
    await extension().activate();
    const contributed = (packageJSON as { contributes: { commands: CommandContribution[] } }).contributes.commands;
    const raw = readJson<{ contributes: { commands: CommandContribution[] } }>(join(extensionPath, 'package.json'))
      .contributes.commands;
    assert.equal(contributed.length, raw.length);
    // code-server resolves manifests in English unless a language pack is installed.
    const nlsFile = vscode.env.language.startsWith('ja') ? 'package.nls.ja.json' : 'package.nls.json';
    const nls = readJson<Record<string, string>>(join(extensionPath, nlsFile));
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const [index, command] of contributed.entries()) {
      assert.ok(command.command.startsWith('guideline.'), command.command);
      assert.ok(registered.has(command.command), `${command.command} is registered by the extension`);
      assert.equal(command.command, raw[index].command);
      assert.equal(command.title, nls[placeholderKey(raw[index].title)], `title of ${command.command} from ${nlsFile}`);
      assert.doesNotMatch(command.title, /%/, `${command.command} title is resolved`);
      assert.equal(command.category, nls[placeholderKey(raw[index].category ?? '')], `category of ${command.command}`);
    }
  });

  test('package.nls.ja.json has a Japanese title for every command, the category and the view', () => {
    const { extensionPath } = extension();
    const manifest = readJson<{
      contributes: { commands: CommandContribution[]; views: Record<string, Array<{ name: string }>> };
    }>(join(extensionPath, 'package.json'));
    const ja = readJson<Record<string, string>>(join(extensionPath, 'package.nls.ja.json'));
    const en = readJson<Record<string, string>>(join(extensionPath, 'package.nls.json'));
    const keys = new Set<string>();
    for (const command of manifest.contributes.commands) {
      keys.add(placeholderKey(command.title));
      if (command.category) keys.add(placeholderKey(command.category));
    }
    for (const view of Object.values(manifest.contributes.views).flat()) keys.add(placeholderKey(view.name));
    for (const key of keys) {
      assert.ok(ja[key], `package.nls.ja.json has ${key}`);
      assert.match(ja[key], JAPANESE, `${key} is Japanese: ${ja[key]}`);
      assert.notEqual(ja[key], en[key], `${key} differs from the English title`);
    }
  });
});
