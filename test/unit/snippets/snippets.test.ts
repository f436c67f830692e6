import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';
import { expandSnippet, parseSnippet, tabStopDefinitions, tabStopNumbers, type SnippetNode } from './expand';

const SNIPPETS_PATH = 'snippets/reibun.code-snippets';


interface RawSnippet {
  readonly prefix?: unknown;
  readonly body?: unknown;
  readonly description?: unknown;
  readonly scope?: unknown;
}

const raw: Record<string, RawSnippet> = JSON.parse(readFileSync(join(REPO_ROOT, SNIPPETS_PATH), 'utf8'));
const entries = Object.entries(raw);

function prefixesOf(s: RawSnippet): string[] {
  return typeof s.prefix === 'string' ? [s.prefix] : Array.isArray(s.prefix) ? s.prefix.map(String) : [];
}

function bodyOf(s: RawSnippet): string[] {
  return typeof s.body === 'string' ? [s.body] : (s.body as string[]);
}

function expansionOf(name: string, s: RawSnippet): string {
  const result = expandSnippet(bodyOf(s));
  if (!result.ok) assert.fail(`${name}: ${result.error.message} at ${result.error.line}:${result.error.character}`);
  return result.value.text;
}

const STANDARD_ROLES = ['統括情報セキュリティ責任者', '情報セキュリティ責任者', '情報セキュリティ管理者', '情報システム管理者'];

describe('snippets/reibun.code-snippets', () => {
  test('holds at least 24 snippets', () => {
    assert.ok(entries.length >= 24, `only ${entries.length} snippets`);
  });

  test('every snippet has a prefix, a body, a Japanese description and the markdown scope', () => {
    for (const [name, s] of entries) {
      assert.ok(prefixesOf(s).length > 0 && prefixesOf(s).every((p) => p.length > 0), `${name}: prefix`);
      const body = s.body;
      const bodyOk =
        (typeof body === 'string' && body.length > 0) ||
        (Array.isArray(body) && body.length > 0 && body.every((l) => typeof l === 'string'));
      assert.ok(bodyOk, `${name}: body must be a string or an array of strings`);
      assert.equal(typeof s.description, 'string', `${name}: description`);
      assert.match(s.description as string, /[ぁ-んァ-ヶ一-龠]/, `${name}: description should be Japanese`);
      assert.equal(s.scope, 'markdown', `${name}: scope`);
    }
  });

  test('prefixes are unique romaji starting with reibun-', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of entries) {
      for (const prefix of prefixesOf(s)) {
        assert.match(prefix, /^reibun-[a-z0-9]+(?:-[a-z0-9]+)*$/, `${name}: prefix "${prefix}"`);
        assert.ok(!seen.has(prefix), `prefix "${prefix}" used by both ${seen.get(prefix)} and ${name}`);
        seen.set(prefix, name);
      }
    }
  });

  test('placeholders are well-formed: tab stops 1..N without gaps, consistent definitions, real choices', () => {
    for (const [name, s] of entries) {
      const parsed = parseSnippet(bodyOf(s));
      if (!parsed.ok) assert.fail(`${name}: ${parsed.error.message} at ${parsed.error.line}:${parsed.error.character}`);
      const numbers = tabStopNumbers(parsed.value).filter((n) => n !== 0);
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: tab stops ${numbers.join(',')}`);
      for (const [index, defs] of tabStopDefinitions(parsed.value)) {
        const shapes = new Set(defs.map((d) => JSON.stringify(stripOffsets(d))));
        assert.equal(shapes.size, 1, `${name}: tab stop ${index} is defined differently in two places`);
        for (const d of defs) {
          if (d.kind === 'choice') assert.ok(d.options.length >= 2, `${name}: choice ${index} has one option`);
        }
      }
    }
  });

  test('the standard roles are offered as a choice', () => {
    const choices = entries.flatMap(([, s]) => {
      const parsed = parseSnippet(bodyOf(s));
      return parsed.ok ? [...tabStopDefinitions(parsed.value).values()].flat() : [];
    });
    assert.ok(
      choices.some((d) => d.kind === 'choice' && STANDARD_ROLES.every((r) => d.options.includes(r))),
      'no choice lists all standard roles',
    );
  });

  test('the guideline domains are covered', () => {
    const prefixes = new Set(entries.flatMap(([, s]) => prefixesOf(s)));
    for (const required of [
      'reibun-section', 'reibun-item', 'reibun-note', 'reibun-ciso', 'reibun-role', 'reibun-classification',
      'reibun-server-room', 'reibun-rack', 'reibun-terminal', 'reibun-media', 'reibun-password', 'reibun-id',
      'reibun-remote-access', 'reibun-log', 'reibun-mail', 'reibun-software', 'reibun-outsourcing',
      'reibun-reoutsourcing', 'reibun-cloud', 'reibun-social-media', 'reibun-incident', 'reibun-csirt',
      'reibun-audit', 'reibun-self-check', 'reibun-exception',
    ]) {
      assert.ok(prefixes.has(required), `missing ${required}`);
    }
    const text = (prefix: string): string => {
      const entry = entries.find(([, s]) => prefixesOf(s).includes(prefix));
      assert.ok(entry, prefix);
      return expansionOf(entry[0], entry[1]);
    };
    assert.match(text('reibun-section'), /【趣旨】[\s\S]*【例文】[\s\S]*（解説）/);
    assert.match(text('reibun-cloud'), /日本の法令の範囲内で運用できるデータセンター/);
    assert.match(text('reibun-remote-access'), /多要素認証/);
    assert.match(text('reibun-social-media'), /ソーシャルメディアサービス/);
    assert.match(text('reibun-incident'), /CSIRT/);
    assert.match(text('reibun-classification'), /機密性2/);
    assert.match(text('reibun-note'), /^（注1）/);
  });

  describe('expansions with all defaults', () => {
    for (const [name, s] of entries) {
      test(`${name} (${prefixesOf(s).join(', ')})`, () => {
        const text = expansionOf(name, s);
        assert.ok(text.trim().length > 0, 'empty expansion');
        assert.ok(!text.includes('$'), 'snippet syntax left in the expansion');
        // Look-alikes of ー after katakana (サ一バ, ポリシ｜): the guideline's 図表5 had one.
        assert.doesNotMatch(text, /[ァ-ヺ][｜一]/, 'a look-alike of ー after katakana');
        assert.doesNotMatch(text, /SMS/, '"SMS": write ソーシャルメディアサービス');
        assert.doesNotMatch(text, /[ｦ-ﾟ]/, 'half-width katakana');
        assert.doesNotMatch(text, /サーバー|ユーザー|コンピューター/, 'the guideline writes サーバ, ユーザ, コンピュータ');
        assert.doesNotMatch(text, /\(注/, 'notes take full-width brackets: （注1）');
      });
    }
  });
});

function stripOffsets(node: SnippetNode): unknown {
  switch (node.kind) {
    case 'placeholder':
      return { kind: node.kind, index: node.index, children: node.children.map(stripOffsets) };
    case 'choice':
      return { kind: node.kind, index: node.index, options: node.options };
    case 'variable':
      return { kind: node.kind, name: node.name, children: node.children?.map(stripOffsets) };
    case 'tabstop':
      return { kind: node.kind, index: node.index };
    case 'text':
      return node;
  }
}
