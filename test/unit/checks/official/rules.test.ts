import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_DESCRIPTORS } from '../../../../server/src/core/checks/config';
import { CASES } from './cases';
import { officialRun } from './run';

describe('公用文 rules: catches and leaves-alone tables', () => {
  for (const rule of CASES) {
    test(rule.code, () => {
      assert.ok(rule.catches.length >= 5, `${rule.code}: at least five catches`);
      assert.ok(rule.leaves.length >= 5, `${rule.code}: at least five leaves-alone cases`);
      for (const [text, flagged, fixed] of rule.catches) {
        const run = officialRun(rule.code, text);
        assert.deepEqual(run.flagged, flagged, text);
        assert.equal(run.fixed, fixed, text);
      }
      for (const text of rule.leaves) assert.deepEqual(officialRun(rule.code, text).flagged, [], text);
    });
  }

  test('every official- rule has a table, a title and a description in both languages', () => {
    const codes = RULE_DESCRIPTORS.filter((d) => d.code.startsWith('official-'));
    assert.ok(codes.length >= 15);
    assert.deepEqual(codes.map((d) => d.code).sort(), CASES.map((c) => c.code).sort());
    for (const d of codes) assert.ok(d.title.ja && d.title.en && d.description.ja && d.description.en, d.code);
  });

  test('messages show the word around a one-character finding', () => {
    const [finding] = officialRun('official-kana-verb', '問題が有る場合').findings;
    assert.deepEqual(finding.args, { actual: 'が有る', expected: 'がある' });
  });
});
