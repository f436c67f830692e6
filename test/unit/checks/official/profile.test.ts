import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { profileMap } from '../../../../server/src/core/checks/rules/official/profile';
import { toCheckConfig } from '../../../../server/src/core/config/check-config';
import { parseProjectConfig } from '../../../../server/src/core/config/project-config';
import { officialRun } from './run';
import { fixAllSafe } from '../../../../server/src/core/checks/document';
import { loadKuromojiTokenizer } from '../../../../server/src/host/morph/kuromoji';
import type { CheckConfig } from '../../../../server/src/core/checks/types';

const SECTION = [
  '### 3.5.1 職員等の遵守事項', // 0
  '',
  '【趣旨】', // 2
  '',
  '職員または委託先が遵守すべき事項を定める。', // 4
  '',
  '【例文】', // 6
  '',
  '職員または委託先は、次の事項を遵守しなければならない。', // 8
  '',
  '（解説）', // 10
  '',
  '職員または委託先が守るべき事項を解説する。', // 12
  '',
  '<!-- guideline-profile notice -->', // 14
  '',
  '職員または委託先は、報告しなければならない。', // 16
  '',
].join('\n');

const lineOffset = (line: number) => SECTION.split('\n').slice(0, line).join('\n').length + 1;

describe('公用文 profiles', () => {
  test('【例文】 is notice, （解説） and 【趣旨】 follow the project, a directive switches from there on', () => {
    const explanatory = profileMap(SECTION, 'explanatory');
    assert.deepEqual(
      [4, 8, 12, 16].map((line) => explanatory.at(lineOffset(line))),
      ['explanatory', 'notice', 'explanatory', 'notice'],
    );
    const notice = profileMap(SECTION, 'notice');
    assert.deepEqual(
      [4, 8, 12, 16].map((line) => notice.at(lineOffset(line))),
      ['notice', 'notice', 'notice', 'notice'],
    );
  });

  test('the explanatory project flags または only in 【例文】 and after the notice directive', () => {
    const checks = toCheckConfig({}, {}, [], { profile: 'explanatory' });
    const lines = officialRun('official-conjunction-kanji', SECTION, checks).findings.map(
      (f) => SECTION.slice(0, f.start).split('\n').length - 1,
    );
    assert.deepEqual(lines, [8, 16]);
    // The notice project (the default) flags every または.
    assert.equal(officialRun('official-conjunction-kanji', SECTION).findings.length, 4);
  });

  test('ご／御 and the okurigana of compound nouns follow the profile at each offset', async () => {
    const section = SECTION.replace(/職員または委託先/g, '職員のご協力による申し込みの受付');
    const lines = (code: string, checks: CheckConfig) =>
      officialRun(code, section, checks).findings.map((f) => section.slice(0, f.start).split('\n').length - 1);
    // The explanatory project: ご and 申し込み only in 【例文】 and after the notice directive.
    const tokenizer = await loadKuromojiTokenizer();
    const rules = { 'official-compound-noun': 'information' } as const;
    const explanatory = toCheckConfig(rules, {}, [], { profile: 'explanatory' }, tokenizer);
    assert.deepEqual(lines('official-honorific-prefix', explanatory), [8, 16]);
    assert.deepEqual(lines('official-compound-noun', explanatory), [8, 16]);
    // The notice project: everywhere.
    const notice = toCheckConfig(rules, {}, [], {}, tokenizer);
    assert.deepEqual(lines('official-honorific-prefix', notice), [4, 8, 12, 16]);
    assert.deepEqual(lines('official-compound-noun', notice), [4, 8, 12, 16]);
    // 御 read お is kana in every profile.
    assert.deepEqual(officialRun('official-honorific-prefix', '御願いします。', explanatory).flagged, ['御']);
  });

  test('a directive holds to the end of its section, for the checks and for fix-all alike', () => {
    const text = [
      '## 1 総則',
      '',
      '<!-- guideline-profile explanatory -->',
      '',
      '職員または委託先は、端末を管理する。',
      '',
      '## 2 管理体制',
      '',
      '職員または委託先は、端末を管理する。',
      '',
    ].join('\n');
    // The whole text as one segment (what fix-all checks) flags only the second section's または,
    // as the checks of each section do.
    const flagged = officialRun('official-conjunction-kanji', text).findings.map(
      (f) => text.slice(0, f.start).split('\n').length - 1,
    );
    assert.deepEqual(flagged, [8]);
    const fixed = fixAllSafe('file:///g.md', text, toCheckConfig({}, {}, [])).text;
    assert.deepEqual(
      fixed.split('\n').filter((line) => line.startsWith('職員')),
      ['職員または委託先は、端末を管理する。', '職員又は委託先は、端末を管理する。'],
    );
  });

  test('the comma setting decides which comma is flagged', () => {
    const wide = toCheckConfig({}, {}, [], { comma: '，' });
    assert.deepEqual(officialRun('official-comma-style', '職員、委託先，端末', wide).flagged, ['、']);
    assert.deepEqual(officialRun('official-comma-style', '職員、委託先，端末').flagged, ['，']);
  });

  test('guideline.config.json: official.profile and official.comma, with located problems for bad values', () => {
    const ok = parseProjectConfig('{ "official": { "profile": "explanatory", "comma": "，" } }');
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.config.official, { profile: 'explanatory', comma: '，' });

    const bad = parseProjectConfig('{\n  "official": { "profile": "strict", "comma": ",", "style": 1 }\n}');
    assert.deepEqual(
      bad.problems.map((p) => [p.code, p.range.start.line, p.message.ja]),
      [
        ['config-value', 1, '「official.profile」の値は notice / explanatory のいずれかです。'],
        ['config-value', 1, '「official.comma」の値は 「、」 / 「，」 のいずれかです。'],
        ['config-unknown-key', 1, '不明な設定項目「official.style」です（無視します）。使える項目：profile, comma'],
      ],
    );
    assert.deepEqual(bad.config.official, {});
  });
});
