import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_DESCRIPTORS } from '../../../../server/src/core/checks/config';
import { CASES } from './cases';
import { configWithTokenizer, officialRun } from './run';
import { loadKuromojiTokenizer } from '../../../../server/src/host/morph/kuromoji';
import type { CheckConfig } from '../../../../server/src/core/checks/types';

describe('公用文 rules: catches and leaves-alone tables', () => {
  // Every rule on, the morphological one with the real kuromoji analyser (loading takes a second).
  let checks: CheckConfig;
  before(async () => {
    checks = configWithTokenizer(await loadKuromojiTokenizer());
  });

  for (const rule of CASES) {
    test(rule.code, () => {
      assert.ok(rule.catches.length >= 5, `${rule.code}: at least five catches`);
      assert.ok(rule.leaves.length >= 5, `${rule.code}: at least five leaves-alone cases`);
      for (const [text, flagged, fixed] of rule.catches) {
        const run = officialRun(rule.code, text, checks);
        assert.deepEqual(run.flagged, flagged, text);
        assert.equal(run.fixed, fixed, text);
      }
      for (const text of rule.leaves) assert.deepEqual(officialRun(rule.code, text, checks).flagged, [], text);
    });
  }

  test('the catches marked morphological need the analyser; the others are caught without it', () => {
    const patternsOnly = configWithTokenizer(undefined);
    for (const rule of CASES) {
      for (const [text, flagged] of rule.catches) {
        const run = officialRun(rule.code, text, patternsOnly);
        if (rule.morph?.includes(text)) assert.ok(run.flagged.length < flagged.length, `${rule.code}: ${text}`);
        else assert.deepEqual(run.flagged, flagged, `${rule.code}: ${text}`);
      }
      for (const text of rule.morph ?? [])
        assert.ok(
          rule.catches.some(([t]) => t === text),
          `${rule.code}: ${text}`,
        );
    }
  });

  test('every official- rule has a table, a title and a description in both languages', () => {
    const codes = RULE_DESCRIPTORS.filter((d) => d.code.startsWith('official-'));
    assert.ok(codes.length >= 16);
    assert.deepEqual(codes.map((d) => d.code).sort(), CASES.map((c) => c.code).sort());
    for (const d of codes) assert.ok(d.title.ja && d.title.en && d.description.ja && d.description.en, d.code);
  });

  test('without the analyser the morphological rule keeps its pattern part only', () => {
    const noTokenizer = configWithTokenizer(undefined as never);
    assert.deepEqual(officialRun('official-adverb-kanji', 'すでに定めた。矢張り必要である。', noTokenizer).flagged, [
      '矢張り',
    ]);
    // Off by default: nothing is loaded unless a project turns it on.
    assert.deepEqual(officialRun('official-adverb-kanji', '矢張り必要である。').flagged, []);
  });

  test('a fake analyser that reads すでに as a noun: not flagged (the rule trusts the analyser)', () => {
    const fake = configWithTokenizer({
      tokenize: (text) =>
        [...text.matchAll(/すでに|かならず/g)].map((m) => ({
          surface: m[0],
          pos: m[0] === 'すでに' ? '名詞' : '副詞',
          posDetail: '一般',
          baseForm: m[0],
          start: m.index ?? 0,
          end: (m.index ?? 0) + m[0].length,
        })),
    });
    assert.deepEqual(officialRun('official-adverb-kanji', 'すでに、かならず報告する。', fake).flagged, ['かならず']);
  });

  test('messages show the word around a one-character finding', () => {
    const [finding] = officialRun('official-kana-verb', '問題が有る場合').findings;
    assert.deepEqual(finding.args, { actual: 'が有る', expected: 'がある' });
  });
});
