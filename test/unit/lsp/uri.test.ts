import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { pathFromUri, sameUri, uriFromPath, uriKey, uriPath } from '../../../server/src/host/uri';

describe('one key per file URI (host/uri.ts)', () => {
  const names = ['ガイドライン (案).md', 'ガイドライン（案）.md', '「改定案」.md', "it's!+,;=&.md", '第3版 別紙.md'];
  for (const name of names) {
    test(`Node's and VS Code's spellings of ${name} have one key`, () => {
      const path = `/home/editor/文書/${name}`;
      const node = pathToFileURL(path).href;
      const vscode = uriFromPath(path);
      assert.equal(uriKey(node), uriKey(vscode));
      assert.equal(uriKey(vscode), vscode, 'the key is the VS Code spelling');
      assert.equal(pathFromUri(node), path);
      assert.equal(uriPath(vscode), path);
    });
  }

  test('Windows drive letters: file:///C:/ and file:///c%3A/ are one file', () => {
    const node =
      'file:///C:/Users/%E7%B7%8F%E5%8B%99/%E3%82%AC%E3%82%A4%E3%83%89%E3%83%A9%E3%82%A4%E3%83%B3%20(%E6%A1%88).md';
    const vscode =
      'file:///c%3A/Users/%E7%B7%8F%E5%8B%99/%E3%82%AC%E3%82%A4%E3%83%89%E3%83%A9%E3%82%A4%E3%83%B3%20%28%E6%A1%88%29.md';
    assert.ok(sameUri(node, vscode));
    assert.equal(uriKey(node), vscode);
  });

  test('different files stay different', () => {
    assert.ok(!sameUri(uriFromPath('/a/ガイドライン (案).md'), uriFromPath('/a/ガイドライン（案）.md')));
    assert.ok(!sameUri(uriFromPath('/a/b.md'), uriFromPath('/a/c.md')));
  });

  test('other schemes and non-URIs pass through', () => {
    assert.equal(uriKey('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(uriKey('relative/path.md'), 'relative/path.md');
    assert.equal(pathFromUri('untitled:Untitled-1'), undefined);
  });
});
