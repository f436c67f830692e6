import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPrhDictionary } from '../../../server/src/core/checks/prh/load';
import { applyPrhRule } from '../../../server/src/core/checks/prh/match';
import type { PrhImportReader, PrhLoadResult } from '../../../server/src/core/checks/prh/types';
import { fixturePath } from './helpers';

const readImport: PrhImportReader = (fromUri, rel) => {
  const path = join(dirname(fromUri), rel);
  return existsSync(path) ? { uri: path, text: readFileSync(path, 'utf8') } : null;
};

function load(name: string): PrhLoadResult {
  const uri = fixturePath('prh', name);
  return loadPrhDictionary(uri, readFileSync(uri, 'utf8'), readImport);
}

function loadText(text: string, files: Record<string, string> = {}): PrhLoadResult {
  return loadPrhDictionary('/dict/main.yml', text, (from, rel) => {
    const uri = join(dirname(from), rel);
    return files[uri] !== undefined ? { uri, text: files[uri] } : null;
  });
}

function problemSummary(result: PrhLoadResult): Array<[string, string, number]> {
  return result.problems.map((p) => [p.code, p.uri.replace(/^.*\//, ''), p.range.start.line + 1]);
}

describe('prh dictionary loading', () => {
  test('a realistic dictionary with imports, specs and regexpMustEmpty loads without problems', () => {
    const result = load('guideline.yml');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.rules.map((r) => r.expected),
      [
        '電磁的記録媒体',
        '外部委託事業者',
        'ソフトウェア',
        'サーバ',
        'Cookie',
        '取扱い$1',
        '行う',
        '及び',
        'メールアドレス',
        'ホームページ',
      ],
    );
    // common.yml's 電磁的記録媒体 is dropped (defined already); web.yml's ウェブサイト is ignored.
    assert.equal(result.rules.filter((r) => r.expected === '電磁的記録媒体').length, 1);
    assert.equal(result.rules.find((r) => r.expected === 'ソフトウェア')?.regexpMustEmpty, 1);
    assert.equal(result.rules.find((r) => r.expected === '電磁的記録媒体')?.note, 'ガイドラインの用語に合わせる');
    const sample = result.rules.find((r) => r.expected === 'ソフトウェア')!;
    assert.equal(sample.range.start.line, 28);
    assert.ok(sample.uri.endsWith('guideline.yml'));
  });

  test('string patterns are literal; only an expected-only rule gets width and case variants (as prh)', () => {
    const result = loadText(
      'version: 1\nrules:\n  - expected: Cookie\n  - expected: cookie\n    pattern: COOKIE\n  - expected: a.b\n    pattern: a.b\n',
    );
    const [spread, literal, dotted] = result.rules;
    assert.equal(applyPrhRule(spread, 'ｃｏｏｋｉｅ と COOKIE'), 'Cookie と Cookie');
    assert.equal(applyPrhRule(literal, 'ＣＯＯＫＩＥ と COOKIE と Cookie'), 'ＣＯＯＫＩＥ と cookie と Cookie');
    assert.equal(applyPrhRule(dotted, 'axb a.b'), 'axb a.b');
    assert.equal(dotted.pattern.flags, 'gmu');
  });

  test('regex flags: i kept, g/m/y accepted, pattern compiled with gmu', () => {
    const result = loadText('rules:\n  - expected: Web\n    pattern: /web/gi\n');
    assert.equal(result.rules[0].pattern.flags, 'gimu');
    assert.equal(applyPrhRule(result.rules[0], 'WEB と web'), 'Web と Web');
  });

  test('wordBoundary wraps the pattern in \\b', () => {
    const result = loadText('rules:\n  - expected: js\n    options:\n      wordBoundary: true\n');
    assert.equal(applyPrhRule(result.rules[0], 'foo JS bar altJS 今日もJS祭り'), 'foo js bar altJS 今日もjs祭り');
  });

  test('$n in expected takes the groups; an unmatched group is empty; $0 stays', () => {
    const result = loadText('rules:\n  - expected: （$1）$0$9\n    pattern: /\\(([^)]+)\\)/\n');
    assert.equal(applyPrhRule(result.rules[0], '(そのとおり)'), '（そのとおり）$0$9');
  });

  test('broken rules are reported with their line, the others still load', () => {
    const result = load('bad-rules.yml');
    assert.deepEqual(problemSummary(result), [
      ['prh-regex', 'bad-rules.yml', 6],
      ['prh-structure', 'bad-rules.yml', 7],
      ['prh-pattern', 'bad-rules.yml', 9],
      ['prh-pattern', 'bad-rules.yml', 11],
      ['prh-structure', 'bad-rules.yml', 13],
      ['prh-spec', 'bad-rules.yml', 18],
      ['prh-self-matching', 'bad-rules.yml', 21],
      ['prh-pattern', 'bad-rules.yml', 24],
      ['prh-import', 'bad-rules.yml', 3],
    ]);
    assert.deepEqual(
      result.rules.map((r) => [r.expected, r.selfMatching]),
      [
        ['管理者', false],
        ['端末', false],
        ['サーバー', true],
        ['職員等', false],
      ],
    );
    const spec = result.problems.find((p) => p.code === 'prh-spec')!;
    assert.deepEqual(spec.args, { from: '端未の管理', to: '端末を管理', actual: '端末の管理' });
    assert.equal(spec.range.start.character, 8);
  });

  test('bad YAML is a problem with line and column, never an exception', () => {
    const result = load('bad-yaml.yml');
    assert.equal(result.rules.length, 0);
    assert.ok(result.problems.length >= 1);
    assert.ok(result.problems.every((p) => p.code === 'prh-yaml'));
    assert.ok(result.problems[0].range.start.line >= 3);
  });

  test('an import cycle is reported where it closes', () => {
    const result = load('cycle-a.yml');
    assert.deepEqual(problemSummary(result), [
      ['prh-import', 'cycle-b.yml', 3],
      ['prh-import', 'cycle-a.yml', 3],
    ]);
    assert.match(String(result.problems[0].args?.chain), /cycle-a\.yml → .*cycle-b\.yml → .*cycle-a\.yml/);
    assert.deepEqual(
      result.rules.map((r) => r.expected),
      ['利用者', '管理区域'],
    );
  });

  test('disableImports stops chained imports; ignoreRules by pattern', () => {
    const files = {
      '/dict/a.yml':
        'imports: [./b.yml]\nrules:\n  - expected: A\n    pattern: /aa/\n  - expected: X\n    pattern: xx\n',
      '/dict/b.yml': 'rules:\n  - expected: B\n    pattern: bb\n',
    };
    const main =
      'imports:\n  - path: ./a.yml\n    disableImports: true\n    ignoreRules:\n      - /aa/\n      - pattern: xx\n';
    assert.deepEqual(
      loadText(main, files).rules.map((r) => r.expected),
      [],
    );
    const plain = loadText('imports: ./a.yml\n', files);
    assert.deepEqual(
      plain.rules.map((r) => r.expected),
      ['A', 'X', 'B'],
    );
  });

  test('problems of an imported dictionary are also flagged on the import line', () => {
    const files = { '/dict/sub.yml': 'rules:\n  - expected: A\n    pattern: /(a/\n' };
    const result = loadText('version: 1\nimports:\n  - ./sub.yml\n', files);
    assert.deepEqual(problemSummary(result), [
      ['prh-regex', 'sub.yml', 3],
      ['prh-import', 'main.yml', 3],
    ]);
  });

  test('a version mismatch between dictionaries is reported and the import skipped', () => {
    const files = { '/dict/v2.yml': 'version: 2\nrules: [A]\n' };
    const result = loadText('version: 1\nimports: [./v2.yml]\n', files);
    assert.deepEqual(result.rules, []);
    assert.deepEqual(problemSummary(result), [['prh-import', 'main.yml', 2]]);
  });

  test('an import reader that throws is treated as a missing file', () => {
    const result = loadPrhDictionary('/d.yml', 'imports: [./x.yml]\n', () => {
      throw new Error('EACCES');
    });
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['prh-import'],
    );
  });

  const weird: Array<[string, string]> = [
    ['empty text', ''],
    ['a scalar document', 'just text'],
    ['rules as a map', 'rules:\n  a: b\n'],
    ['a rule as a list', 'rules:\n  - [a, b]\n'],
    ['specs without to', 'rules:\n  - expected: a\n    specs:\n      - from: b\n'],
    ['wordBoundary not boolean', 'rules:\n  - expected: a\n    options:\n      wordBoundary: yes please\n'],
    ['imports as a number', 'imports: 3\n'],
    ['an empty pattern list', 'rules:\n  - expected: a\n    patterns: []\n'],
    ['tabs and garbage', '\t\u0000: [\n'],
  ];
  for (const [name, text] of weird) {
    test(`never throws: ${name}`, () => {
      const result = loadText(text);
      assert.ok(Array.isArray(result.rules));
      for (const p of result.problems) assert.ok(p.range.start.line >= 0 && p.message.ja.length > 0);
    });
  }
});
