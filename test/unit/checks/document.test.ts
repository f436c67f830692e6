import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument, decideDocumentVariants, fixAllSafe } from '../../../server/src/core/checks/document';
import { checkSegment, analyzeSegment } from '../../../server/src/core/checks/segment';
import {
  RULE_DESCRIPTORS,
  defaultCheckConfig,
  effectiveKatakanaPreferences,
} from '../../../server/src/core/checks/config';
import type { CheckConfig } from '../../../server/src/core/checks/types';
import { loadPrhDictionary } from '../../../server/src/core/checks/prh/load';
import { readFixture } from './helpers';

function summary(text: string, config: CheckConfig = defaultCheckConfig(), segmentStarts?: number[]) {
  const lines = text.split(/\r?\n/);
  return checkDocument('file:///g.md', text, config, 'ja', { segmentStarts }).map((f) => ({
    line: f.range.start.line + 1,
    code: f.code,
    text: lines[f.range.start.line].slice(
      f.range.start.character,
      f.range.end.line === f.range.start.line ? f.range.end.character : undefined,
    ),
  }));
}

function headingStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /^#{1,6} /gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index);
  return starts;
}

describe('checkDocument', () => {
  test('descriptors and defaults: every rule enabled with its documented severity', () => {
    const config = defaultCheckConfig();
    assert.deepEqual(
      // The 公用文 rules have their own test (official/registry.test.ts).
      Object.fromEntries(
        Object.entries(config.rules)
          .filter(([code]) => !code.startsWith('official-'))
          .map(([code, s]) => [code, `${s.enabled}/${s.severity}`]),
      ),
      {
        'long-vowel-mark': 'true/warning',
        terminology: 'true/warning',
        'katakana-variant': 'true/information',
        'halfwidth-katakana': 'true/warning',
        'mixed-width-number': 'true/information',
        'bracket-mismatch': 'true/warning',
        prh: 'true/warning',
      },
    );
    for (const d of RULE_DESCRIPTORS)
      assert.ok(d.title.ja && d.title.en && d.description.ja && d.description.en, d.code);
    assert.match(RULE_DESCRIPTORS[0].description.ja, /意見9/);
  });

  test('the clean guideline fixture has no finding (precision)', () => {
    const text = readFixture('guideline-clean.md');
    // Its 表外字 埃 and 一カ月・一ヶ所 are 公用文 deviations, listed in official/findings.test.ts.
    const others = (config?: CheckConfig, starts?: number[]) =>
      summary(text, config, starts).filter((f) => !f.code.startsWith('official-'));
    assert.deepEqual(others(), []);
    assert.deepEqual(others(defaultCheckConfig(), headingStarts(text)), []);
  });

  test('the guideline with known mistakes reports exactly the expected findings', () => {
    const text = readFixture('guideline-issues.md');
    const expected = JSON.parse(readFixture('guideline-issues.expected.json'));
    assert.deepEqual(summary(text), expected);
    assert.deepEqual(summary(text, defaultCheckConfig(), headingStarts(text)), expected);
  });

  test('the seed: its title is flagged, the rest is quiet apart from katakana variants', () => {
    const text = readFixture('seed-pubcomment-2015.txt');
    // The 公用文 findings on the seed are listed in official/findings.test.ts.
    const found = summary(text).filter((f) => !f.code.startsWith('official-'));
    assert.deepEqual(found[0], { line: 1, code: 'bracket-mismatch', text: '｢' });
    assert.deepEqual([...new Set(found.slice(1).map((f) => `${f.code}:${f.text}`))].sort(), [
      'katakana-variant:サーバー',
      'katakana-variant:セキュリティー',
    ]);
  });

  test('segments: offsets map back to the document; results equal the one-segment run', () => {
    const text = '# 見出し\n\nポリシ｜を定める。\n\n## 次\n\nサ一バ\r\nﾃｽﾄ\n';
    const whole = checkDocument('u', text, defaultCheckConfig(), 'en');
    const split = checkDocument('u', text, defaultCheckConfig(), 'en', { segmentStarts: [0, 24, 24, 999, -1, 3.5] });
    assert.deepEqual(split, whole);
    assert.deepEqual(
      whole.map((f) => [f.code, f.range.start.line, f.range.start.character]),
      [
        ['long-vowel-mark', 2, 3],
        ['long-vowel-mark', 6, 1],
        ['halfwidth-katakana', 7, 0],
      ],
    );
    assert.deepEqual(whole[1].fixes?.[0].edits, [
      { range: { start: { line: 6, character: 1 }, end: { line: 6, character: 2 } }, newText: 'ー' },
    ]);
  });

  test('front matter is masked only in the first segment', () => {
    const text = '---\ntitle: ｻｰﾊﾞ\n---\n# A\n---\nｻｰﾊﾞ\n---\n';
    const starts = [0, text.indexOf('# A') + 4];
    assert.deepEqual(
      summary(text, defaultCheckConfig(), starts).map((f) => f.line),
      [6],
    );
  });

  test('messages are localized, severities come from the config, disabled rules are silent', () => {
    const text = 'ポリシ｜と3.６.1';
    const base = defaultCheckConfig();
    const ja = checkDocument('u', text, base, 'ja');
    const en = checkDocument('u', text, base, 'en');
    assert.match(ja[0].message, /長音記号「ー」の誤り/);
    assert.match(en[0].message, /mistaken long vowel mark/);
    assert.equal(ja[0].fixes?.[0].title, '「ー」に置き換える');
    assert.equal(ja[1].severity, 'information');
    const config: CheckConfig = {
      ...base,
      rules: {
        ...base.rules,
        'long-vowel-mark': { enabled: false, severity: 'warning' },
        'mixed-width-number': { enabled: true, severity: 'error' },
      },
    };
    assert.deepEqual(
      checkDocument('u', text, config, 'ja').map((f) => [f.code, f.severity]),
      [['mixed-width-number', 'error']],
    );
  });

  test('a 一 before a kanji is decided by the document: ポリシー written elsewhere makes ポリシ一及び a slip', () => {
    const config = defaultCheckConfig();
    const text =
      '### 2.3 職員等の遵守義務\n\n職員は情報セキュリティポリシ一及び実施手順を遵守する。\n\n### 2.5 見直し\n\n情報セキュリティポリシーは毎年見直す。\n';
    const starts = [0, text.indexOf('### 2.5')];
    const found = checkDocument('x', text, config, 'ja', { segmentStarts: starts }).filter(
      (f) => f.code === 'long-vowel-mark',
    );
    assert.deepEqual(
      found.map((f) => [f.range.start.line, f.message]),
      [[2, '「一 (U+4E00)」は長音記号「ー」の誤りと思われます（セキュリティポリシー）。']],
    );
    // Without the long spelling anywhere, 一 before a kanji starts a kanji word.
    const alone =
      '### 2.3 遵守\n\nメール一斉送信とファイル一覧、情報セキュリティポリシ一式。\n\n### 2.5 見直し\n\nメールは暗号化する。\n';
    assert.deepEqual(
      checkDocument('x', alone, config, 'ja', { segmentStarts: [0, alone.indexOf('### 2.5')] }).filter(
        (f) => f.code === 'long-vowel-mark',
      ),
      [],
    );
  });

  test('suppression comments apply across segments', () => {
    const text =
      '<!-- guideline-disable long-vowel-mark -->\n# A\nポリシ｜\n# B\nサ一バ\n<!-- guideline-enable -->\nユ‐ザ';
    const starts = headingStarts(text);
    assert.deepEqual(
      summary(text, defaultCheckConfig(), starts).map((f) => f.line),
      [7],
    );
  });

  test('katakana variants are decided over all segments, or by a given decision', () => {
    const text = '# A\nサーバー\n# B\nサーバ、サーバ\n';
    const starts = headingStarts(text);
    assert.deepEqual(
      summary(text, defaultCheckConfig(), starts).map((f) => [f.line, f.code]),
      [[2, 'katakana-variant']],
    );
    const other = decideDocumentVariants('ユーザー。ユーザー。ユーザ', defaultCheckConfig());
    const config = { ...defaultCheckConfig(), preferredKatakana: {} };
    const found = checkDocument('u', text, config, 'ja', { segmentStarts: starts, variants: other });
    assert.deepEqual(found, []);
  });

  test('terminology findings carry the decision and can link to the comment', () => {
    const found = checkDocument('u', 'SMSのアカウントで投稿する。', defaultCheckConfig(), 'ja', {
      describeDecision: (d) => ({
        href: `guideline-comment://${d.round}/${d.number}`,
        related: {
          uri: 'file:///pub.txt',
          range: { start: { line: 80, character: 0 }, end: { line: 80, character: 2 } },
          message: '意見6',
        },
      }),
    });
    assert.equal(found[0].codeDescriptionUri, 'guideline-comment://2015/6');
    assert.equal(found[0].related?.[0].message, '意見6');
    assert.match(found[0].message, /2015年の意見募集 意見6/);
  });

  test('an ambiguous replacement is offered but neither safe nor preferred', () => {
    const [f] = checkDocument('u', 'SMSの利用に当たっては、運用手順を定める。', defaultCheckConfig(), 'ja');
    assert.deepEqual(
      f.fixes?.map((x) => [x.safe, x.preferred]),
      [[false, false]],
    );
  });

  test('segment analyses are cached per config and segment text', () => {
    const config = defaultCheckConfig();
    const a = analyzeSegment('ポリシ｜', config);
    assert.equal(analyzeSegment('ポリシ｜', config), a);
    assert.notEqual(analyzeSegment('ポリシ｜', config, { documentStart: false }), a);
    assert.notEqual(analyzeSegment('ポリシ｜', defaultCheckConfig()), a);
    assert.deepEqual(
      checkSegment('ポリシ｜', config).map((f) => [f.code, f.start]),
      [['long-vowel-mark', 3]],
    );
  });

  test('prh rules run in documents; a prh katakana spelling overrides the katakana preference', () => {
    const dict = loadPrhDictionary(
      'd.yml',
      'rules:\n  - expected: サーバー\n    pattern: /サーバ(?!ー)/\n',
      () => null,
    );
    const config: CheckConfig = { ...defaultCheckConfig(), prh: dict.rules };
    assert.equal(effectiveKatakanaPreferences(config)['サーバ'], 'サーバー');
    const text = 'サーバとサーバとサーバー。`サーバ`';
    assert.deepEqual(
      summary(text, config).map((f) => [f.code, f.text]),
      [
        ['prh', 'サーバ'],
        ['prh', 'サーバ'],
      ],
    );
    assert.equal(fixAllSafe('u', text, config).text, 'サーバーとサーバーとサーバー。`サーバ`');
  });

  test('fix-all fixes the issues fixture and is idempotent', () => {
    const text = readFixture('guideline-issues.md');
    const once = fixAllSafe('u', text, defaultCheckConfig());
    assert.ok(once.applied >= 10);
    assert.equal(fixAllSafe('u', once.text, defaultCheckConfig()).text, once.text);
    const left = summary(once.text).map((f) => `${f.line}:${f.code}`);
    // Unsafe or unfixable ones stay: the kind mismatch 「…』 and the unclosed 「.
    assert.deepEqual(left, ['15:bracket-mismatch', '16:bracket-mismatch']);
    assert.match(once.text, /^# 「地方公共団体/);
    assert.match(once.text, /セキュリティポリシーの策定/);
    assert.match(once.text, /### 3\.8\.3 ソーシャルメディアサービスの利用/);
  });

  test('a self-matching prh rule is not applied by fix-all', () => {
    const dict = loadPrhDictionary('d.yml', 'rules:\n  - expected: サーバー\n    pattern: サーバ\n', () => null);
    const config: CheckConfig = { ...defaultCheckConfig(), prh: dict.rules, preferredKatakana: {} };
    assert.equal(fixAllSafe('u', 'サーバ', config).text, 'サーバ');
  });
});

describe('fix-all and the preferred spelling', () => {
  test('a lookalike after a word the workspace prefers without ー is fixable but not by fix-all (サーバ|)', () => {
    const config = defaultCheckConfig();
    const text = '### 3.1 機器\n\nサーバ｜を設置する。プリンタ−を共用する。\n';
    const findings = checkDocument('x', text, config, 'ja').filter((f) => f.code === 'long-vowel-mark');
    assert.deepEqual(
      findings.map((f) => [f.fixes?.[0].edits[0].newText, f.fixes?.[0].safe]),
      [
        ['ー', false],
        ['ー', false],
      ],
    );
    assert.equal(fixAllSafe('x', text, config).text, text);
  });

  test('a prh rule that shortens サーバー and a dash after サーバ do not take turns: fix-all is idempotent', () => {
    const uri = 'file:///prh.yml';
    const { rules } = loadPrhDictionary(
      uri,
      'version: 1\nrules:\n  - expected: サーバ\n    pattern: /サーバー/\n',
      () => null,
    );
    const config: CheckConfig = { ...defaultCheckConfig(), prh: rules };
    const text = '| 区分 | 機器 |\nサーバー|------|------|\n';
    const once = fixAllSafe('x', text, config).text;
    assert.equal(fixAllSafe('x', once, config).text, once);
  });
});
