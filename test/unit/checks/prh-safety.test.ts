import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkRegexSafety } from '../../../server/src/core/checks/prh/regex-safety';
import { loadPrhDictionary } from '../../../server/src/core/checks/prh/load';
import { matchPrhRule } from '../../../server/src/core/checks/prh/match';
import { findPrhMatches } from '../../../server/src/core/checks/rules/prh';
import { fixturePath } from './helpers';

describe('regex safety', () => {
  const unsafe = [
    '(a+)+$',
    '(.*)*x',
    '(a|a)*b',
    '(a|ab)+c',
    '(ポリシ|ポリシー)+ズ',
    '\\d+\\.?\\d*円',
    '(\\w)\\1*z',
    '((a)\\2)+',
    '\\s*\\s*$',
    '((ab)*c)+d',
    '(a{1,20}){1,20}b',
    '(?:x?y?)*z',
    '(?=(a+)+)b',
    '(.+)(.+)x',
  ];
  for (const source of unsafe) {
    test(`rejects ${source}`, () => assert.equal(checkRegexSafety(source, 'gmu').safe, false));
  }
  const safe = [
    'サーバ(?!ー)',
    '(日経)?ソフトウエア',
    '\\(([^)]+)\\)',
    '[WwＷｗ][EeＥｅ][BbＢｂ]サイト',
    '(?:ハードウエアー|ハードウェアー|ハードウエア)',
    '.*サーバ.*',
    '\\d+(?:\\.\\d+)?',
    '(?<!記|大)事',
    '[ぁ-ん]+[ァ-ン]+',
    '(?:ab|cd)+',
    '取り扱い(規程|手順)',
    'a{2,5}b',
    '\\p{sc=Han}+',
  ];
  for (const source of safe) {
    test(`accepts ${source}`, () => assert.deepEqual(checkRegexSafety(source, 'gmu'), { safe: true }));
  }

  test('the evil dictionary loads only its safe rule, each evil pattern reported', () => {
    const uri = fixturePath('prh', 'evil.yml');
    const result = loadPrhDictionary(uri, readFileSync(uri, 'utf8'), () => null);
    assert.deepEqual(
      result.rules.map((r) => r.expected),
      ['及び'],
    );
    assert.equal(result.problems.length, 9);
    assert.ok(result.problems.every((p) => p.code === 'prh-unsafe-regex'));
    assert.deepEqual(
      result.problems.map((p) => p.range.start.line + 1),
      [5, 7, 9, 11, 13, 15, 17, 19, 21],
    );
  });

  test('work per segment is bounded: a quadratic pattern on a huge line finishes quickly', () => {
    const rule = { pattern: /[^x]*x/gmu, expected: 'y' };
    const text = 'あ'.repeat(60000);
    const started = Date.now();
    assert.deepEqual(matchPrhRule(rule, text), []);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  test('matches per rule are capped', () => {
    const rule = { pattern: /あ/gmu, expected: 'い' };
    assert.equal(matchPrhRule(rule, 'あ'.repeat(5000)).length, 200);
  });

  test('zero-length matches are skipped without looping', () => {
    assert.deepEqual(matchPrhRule({ pattern: /x*/gmu, expected: 'y' }, 'abc'), []);
  });

  test('prh findings skip non-prose and no-op replacements', () => {
    const rule = {
      id: 't#0',
      expected: 'サーバ',
      pattern: /サーバー?/gmu,
      uri: 't',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      selfMatching: false,
    };
    const text = 'サーバー室と`サーバー`とサーバ';
    const masked = text.replace('`サーバー`', '          '.slice(0, 6));
    const found = findPrhMatches(text, masked, [rule]);
    assert.deepEqual(
      found.map((f) => [f.start, f.end, f.fixes?.[0].replacement]),
      [[0, 4, 'サーバ']],
    );
  });
});
