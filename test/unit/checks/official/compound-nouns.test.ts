/**
 * Rule 8 (`official-compound-noun`) against the 訓令's list: every form the rule writes is a form of
 * the list (or of 通則7), every entry is caught as a noun and left alone as a verb, and the wrong
 * "official" forms other tools produce (申し込み→申込, 組み合わせ→組合) never appear.
 */
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMPOUND_NOUN_FORMS, FIXED_COMPOUNDS } from '../../../../server/src/core/checks/rules/official/compound-nouns';
import {
  KUNREI_COMPOUND_NOUNS,
  TSUSOKU7_NOUNS,
} from '../../../../server/src/core/checks/rules/official/okurigana-list';
import { loadKuromojiTokenizer } from '../../../../server/src/host/morph/kuromoji';
import type { CheckConfig } from '../../../../server/src/core/checks/types';
import { configWithTokenizer, officialRun } from './run';

const CODE = 'official-compound-noun';
const kanjiOf = (word: string) => word.replace(/\p{sc=Hiragana}/gu, '');

/** Fixed compounds built on a list word with a noun suffix, as 通則7 builds 取扱《所》. */
const BY_ANALOGY = new Set(['取扱者', '申込者']);

describe('official-compound-noun: the 訓令 list', () => {
  let checks: CheckConfig;
  before(async () => {
    checks = configWithTokenizer(await loadKuromojiTokenizer());
  });

  test('every target is a form of the 訓令 list or of 通則7, with the same kanji as the source', () => {
    const allowed = new Set([...KUNREI_COMPOUND_NOUNS, ...TSUSOKU7_NOUNS]);
    for (const [long, short] of Object.entries(COMPOUND_NOUN_FORMS)) {
      assert.ok(allowed.has(short), `${long}→${short} is not in the list`);
      assert.equal(kanjiOf(long), kanjiOf(short), long);
      assert.ok(long.length > short.length, `${long} has more okurigana than ${short}`);
    }
    for (const fixed of Object.keys(FIXED_COMPOUNDS))
      assert.ok(TSUSOKU7_NOUNS.includes(fixed) || BY_ANALOGY.has(fixed), `${fixed} is not in 通則7`);
  });

  test('the wrong short forms never appear: 申込 for 申込み, 組合 for 組合せ, 取扱 for 取扱い', () => {
    const targets = Object.values(COMPOUND_NOUN_FORMS);
    for (const wrong of ['申込', '組合', '取扱', '引渡', '見積', '取消', '問合'])
      assert.ok(!targets.includes(wrong), wrong);
    assert.equal(COMPOUND_NOUN_FORMS['申し込み'], '申込み');
    assert.equal(COMPOUND_NOUN_FORMS['組み合わせ'], '組合せ');
    for (const [text, fixed] of [
      ['申し込みを受け付ける。', '申込みを受け付ける。'],
      ['機器の組み合わせを変える。', '機器の組合せを変える。'],
    ] as const) {
      const run = officialRun(CODE, text, checks);
      assert.equal(run.fixed, fixed);
      assert.ok(!/申込[^みs書者]|組合[^せ]/u.test(run.fixed), run.fixed);
    }
  });

  test('every entry as a noun before を is caught and fixed to the list form', () => {
    const missed = Object.entries(COMPOUND_NOUN_FORMS).filter(
      ([long, short]) => officialRun(CODE, `担当者が${long}を行う。`, checks).fixed !== `担当者が${short}を行う。`,
    );
    assert.deepEqual(missed, []);
  });

  test('the verbs keep their okurigana: 連用形 before ます and before 、', () => {
    for (const long of Object.keys(COMPOUND_NOUN_FORMS)) {
      if (!long.endsWith('い') && !long.endsWith('し') && !long.endsWith('み') && !long.endsWith('り')) continue;
      assert.deepEqual(officialRun(CODE, `担当者が${long}ます。`, checks).flagged, [], `${long}ます`);
    }
    for (const text of ['窓口で申し込み、受講票を受け取る。', '情報を取り扱い、保管する。', '研修に申し込む。'])
      assert.deepEqual(officialRun(CODE, text, checks).flagged, [], text);
  });

  test('without the analyser only the suffix compounds are caught', () => {
    const noTokenizer = configWithTokenizer(undefined);
    const run = officialRun(CODE, '申し込みの受付をする。申し込み書と見積もり書を添付する。', noTokenizer);
    assert.deepEqual(run.flagged, ['申し込み書', '見積もり書']);
    assert.equal(run.fixed, '申し込みの受付をする。申込書と見積書を添付する。');
  });
});

describe('official-compound-noun: properties over generated sentences', () => {
  let checks: CheckConfig;
  before(async () => {
    checks = configWithTokenizer(await loadKuromojiTokenizer());
  });

  test('the fixed text never holds 申込 or 組合 the input did not, and has no finding left', () => {
    const words = Object.keys(COMPOUND_NOUN_FORMS);
    const piece = fc.oneof(
      fc.constantFrom(...words).map((w) => `${w}の`),
      fc.constantFrom(...words).map((w) => `${w}を行う。`),
      fc.constantFrom(...words).map((w) => `${w}ます。`),
      fc.constantFrom(...words).map((w) => `${w}、`),
      fc.constantFrom(
        '申し込み書',
        '取り扱い者',
        '見積もり書',
        '申し込む。',
        '組み合わせる。',
        '職員は',
        '窓口で',
        '受付',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        const fixed = officialRun(CODE, text, checks).fixed;
        const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
        assert.ok(count(fixed, /申込(?![み書者])/g) <= count(text, /申込(?![み書者])/g), `${text} → ${fixed}`);
        assert.ok(count(fixed, /組合(?!せ)/g) <= count(text, /組合(?!せ)/g), `${text} → ${fixed}`);
        assert.deepEqual(officialRun(CODE, fixed, checks).flagged, [], `${text} → ${fixed}`);
      }),
      { numRuns: 150 },
    );
  });
});
