import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSettings, parseEditorSettings } from '../../../server/src/lsp/settings';
import { parseProjectConfig } from '../../../server/src/core/config/project-config';

test('guideline.official.* in the editor wins over official.* in guideline.config.json, key by key', () => {
  const project = parseProjectConfig('{ "official": { "profile": "explanatory", "comma": "，" } }').config;
  const editor = parseEditorSettings({ official: { profile: 'notice', comma: 'x' } });
  assert.deepEqual(effectiveSettings(project, editor).official, { profile: 'notice', comma: '，' });
  assert.deepEqual(effectiveSettings(project, parseEditorSettings({})).official, {
    profile: 'explanatory',
    comma: '，',
  });
});
