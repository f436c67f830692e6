import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  hasCut,
  joinSoftBreaks,
  mapFindingToOriginal,
  originalOffset,
} from '../../../server/src/core/checks/soft-breaks';
import { checkDocument, fixAllSafe } from '../../../server/src/core/checks/document';
import { defaultCheckConfig } from '../../../server/src/core/checks/config';
import { maskNonProse } from '../../../server/src/core/checks/prose-mask';
import { safeFixEdits, touchesLineBreak } from '../../../server/src/core/checks/fixes';
import { LineIndex } from '../../../server/src/core/text/position';
import { readFixture } from './helpers';

const URI = 'file:///guideline.md';

function join(text: string): ReturnType<typeof joinSoftBreaks> {
  return joinSoftBreaks(text, maskNonProse(text));
}

function flaggedWords(text: string): Array<{ code: string; word: string; safe: boolean[] }> {
  const index = new LineIndex(text);
  return checkDocument(URI, text, defaultCheckConfig(), 'ja').map((f) => ({
    code: f.code,
    word: text.slice(index.offsetAt(f.range.start), index.offsetAt(f.range.end)),
    safe: (f.fixes ?? []).map((x) => x.safe),
  }));
}

describe('soft line breaks: paragraphs joined for word-level checks', () => {
  test('a wrap between Japanese letters is joined; offsets map back', () => {
    const text = '共有するコンピュータリソ\nースを使う。';
    const view = join(text);
    assert.equal(view.text, '共有するコンピュータリソースを使う。');
    assert.deepEqual(view.cuts, [12]);
    assert.equal(originalOffset(view, 12), 13);
    assert.equal(originalOffset(view, 12, 'end'), 12);
    assert.equal(text[originalOffset(view, view.text.indexOf('を'))], 'を');
  });

  test('CRLF wraps are joined and mapped back', () => {
    const text = 'サーバ\r\nの管理';
    const view = join(text);
    assert.equal(view.text, 'サーバの管理');
    assert.equal(text[originalOffset(view, 3)], 'の');
  });

  const notJoined: Array<[string, string]> = [
    ['after a full stop', '管理する。\n次に確認する。'],
    ['before an iroha item', '次のとおり定める\nア　サーバの管理'],
    ['before an article', '規程を定める\n第3条　この規程は'],
    ['a heading line', '# 3.1 総則\n共有する'],
    ['a table row', '| サーバ | 管理 |\n|---|---|'],
    ['a blank line', '管理\n\n確認'],
    ['before ASCII', 'サーバ\n- 一覧'],
    ['a hard break (two spaces)', 'サーバ  \nの管理'],
  ];
  for (const [name, text] of notJoined) {
    test(`not joined: ${name}`, () => assert.deepEqual(join(text).cuts, []));
  }

  test('hasCut: strictly inside or touching', () => {
    const view = join('ああ\nいい');
    assert.deepEqual(view.cuts, [2]);
    assert.equal(hasCut(view, 0, 4, false), true);
    assert.equal(hasCut(view, 0, 2, false), false);
    assert.equal(hasCut(view, 0, 2, true), true);
    assert.equal(hasCut(view, 2, 4, true), true);
    assert.equal(hasCut(view, 3, 4, true), false);
  });

  test('a fix across a wrap keeps the break: only the changed letter is edited, not safe', () => {
    // サーバ (3×) is preferred; the last サーバー is wrapped before its ー.
    const text = 'サーバを置く。サーバを使う。サーバの管理。サーバ\nーの設定。';
    const view = join(text);
    const finding = mapFindingToOriginal(view, {
      code: 'x',
      start: view.text.lastIndexOf('サーバー'),
      end: view.text.lastIndexOf('サーバー') + 4,
      message: { ja: '', en: '' },
      fixes: [
        {
          title: { ja: '', en: '' },
          replacement: 'サーバ',
          start: view.text.lastIndexOf('サーバー'),
          end: view.text.lastIndexOf('サーバー') + 4,
          safe: true,
        },
      ],
    });
    const fix = finding.fixes![0];
    assert.equal(text.slice(finding.start, finding.end), 'サーバ\nー');
    assert.equal(text.slice(fix.start, fix.end), 'ー');
    assert.equal(fix.replacement, '');
    assert.equal(fix.safe, false);
  });
});

describe('the wrapped guideline of a PDF (defect: コンピュータリソ⏎ース became リソー⏎ース)', () => {
  const text = readFixture('wrapped', 'pdf-wrapped-guideline.md');

  test('no katakana-variant finding on a word the PDF wrapped', () => {
    const words = flaggedWords(text).filter((f) => f.code === 'katakana-variant');
    assert.deepEqual(words, []);
  });

  test('fix-all leaves the wrapped text byte-identical', () => {
    assert.equal(fixAllSafe(URI, text, defaultCheckConfig()).text, text);
  });

  test('the wrapped サー⏎バ is read as サーバ, not as a variant サー', () => {
    const spelled = flaggedWords(text).map((f) => f.word);
    assert.ok(!spelled.some((w) => w.includes('サー\n') || w === 'サー'), spelled.join(','));
  });

  test('a variant whose word crosses a wrap is reported, its fix is not in fix-all', () => {
    const wrapped = 'サーバを置く。サーバを使う。サーバの管理。サーバ\nーの設定。';
    const found = flaggedWords(wrapped).filter((f) => f.code === 'katakana-variant');
    assert.deepEqual(found, [{ code: 'katakana-variant', word: 'サーバ\nー', safe: [false] }]);
    assert.equal(fixAllSafe(URI, wrapped, defaultCheckConfig()).text, wrapped);
  });

  test('a long-vowel look-alike in a wrapped word: found, fix for review only', () => {
    const wrapped = 'セキュリティポリシーを定める。セキュリティポリ\nシ－を改定する。';
    const found = flaggedWords(wrapped).filter((f) => f.code === 'long-vowel-mark');
    assert.deepEqual(found, [{ code: 'long-vowel-mark', word: '－', safe: [false] }]);
  });

  test('a look-alike the document decides (ポリシ一及び), in a wrapped word: fix for review only', () => {
    const wrapped =
      '## 1 総則\n\nセキュリティポリシーを定める。セキュリティポリシーの例。\n\n## 2 規程\n\nセキュリティポリ\nシ一及び規程を定める。\n';
    // Sections checked apart, as the server does: only the document knows ポリシー.
    const findings = checkDocument(URI, wrapped, defaultCheckConfig(), 'ja', {
      segmentStarts: [wrapped.indexOf('## 2')],
    }).filter((f) => f.code === 'long-vowel-mark');
    assert.equal(findings.length, 1);
    assert.deepEqual(
      findings[0].fixes?.map((f) => f.safe),
      [false],
    );
    assert.equal(fixAllSafe(URI, wrapped, defaultCheckConfig()).text, wrapped);
  });

  test('a word on one line still gets its safe fix (サーバー → サーバ)', () => {
    const plain = 'サーバを置く。サーバを使う。サーバーの設定を\n確認する。';
    assert.equal(
      fixAllSafe(URI, plain, defaultCheckConfig()).text,
      'サーバを置く。サーバを使う。サーバの設定を\n確認する。',
    );
  });
});

describe('a fix must write the preferred spelling (defect: クラウドービス → クラウドビス)', () => {
  test('a typo one letter from a known word: the known word, for review', () => {
    const text = 'クラウドサービスとクラウドを使う。クラウドの利用。クラウドービスの例。';
    const findings = checkDocument(URI, text, defaultCheckConfig(), 'ja');
    const typo = findings.find((f) => f.code === 'katakana-variant');
    assert.ok(typo);
    assert.match(typo.message, /「クラウドービス」は「クラウドサービス」の誤り/);
    assert.deepEqual(
      typo.fixes?.map((f) => [f.safe, f.edits[0].newText]),
      [[false, 'クラウドサービス']],
    );
    assert.equal(fixAllSafe(URI, text, defaultCheckConfig()).text, text);
  });

  test('no known word near: reported without a fix', () => {
    const text = 'クラウドを使う。クラウドの利用。クラウドービスの例。';
    const typo = checkDocument(URI, text, defaultCheckConfig(), 'ja').find((f) => f.code === 'katakana-variant');
    assert.ok(typo);
    assert.equal(typo.fixes, undefined);
    assert.equal(fixAllSafe(URI, text, defaultCheckConfig()).text, text);
  });

  test('a compound whose rest is a word keeps its safe fix (サーバールーム)', () => {
    const text = 'サーバ室、サーバを置く。サーバールームを施錠する。';
    assert.equal(fixAllSafe(URI, text, defaultCheckConfig()).text, 'サーバ室、サーバを置く。サーバルームを施錠する。');
  });
});

describe('touchesLineBreak (the last guard of fix-all)', () => {
  const cases: Array<[string, string, number, number, string, boolean]> = [
    ['insertion before a wrap inside a word', 'リソ\nース', 2, 2, 'ー', true],
    ['replacement ending at a wrap', 'サーバー\nを', 0, 4, 'サーバ', true],
    ['a range across a break', 'サー\nバ', 0, 4, 'サーバ', true],
    ['writing a break', 'サーバ', 0, 3, 'サー\nバ', true],
    ['replacement starting after a wrap', '管理\nサーバー', 3, 7, 'サーバ', true],
    ['end of a sentence', 'サーバー。\n次', 0, 4, 'サーバ', false],
    ['inside a line', '置くサーバーを', 2, 6, 'サーバ', false],
    ['a line start after a full stop', '。\nサーバー', 2, 6, 'サーバ', false],
  ];
  for (const [name, text, start, end, newText, expected] of cases) {
    test(name, () => assert.equal(touchesLineBreak(text, { start, end, newText }), expected));
  }
});

// Property: random guideline-shaped paragraphs, wrapped at random places, as a PDF would.
const WORDS = [
  'コンピュータリソース',
  'コンピュータ',
  'コンピューター',
  'サーバ',
  'サーバー',
  'ユーザ',
  'ユーザー',
  'クラウドサービス',
  'クラウド',
  'データベース',
  'セキュリティポリシー',
  'ポリシ｜',
  'データベ－ス',
  'ﾃﾞｰﾀ',
  '情報セキュリティ',
  '情報システム管理者',
  'を',
  'の',
  'が',
  'は',
  '管理する',
  '確認する',
  '定める',
  '、',
  '。',
  '（解説）',
  'ＳＭＳ',
];

const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }).map((w) => w.join(''));
const wrappedParagraph = fc
  .tuple(paragraph, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([p, cuts, eol]) => {
    const points = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, p.length - 1))))].sort((a, b) => a - b);
    let out = '';
    let last = 0;
    for (const at of points) {
      out += p.slice(last, at) + eol;
      last = at;
    }
    return out + p.slice(last);
  });
const guideline = fc
  .array(wrappedParagraph, { minLength: 1, maxLength: 6 })
  .map((ps) => `## 3.6 技術的セキュリティ\n\n${ps.join('\n\n')}\n`);

function unwrapped(text: string): string {
  return join(text).text;
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function breaks(text: string): number {
  return count(text.replace(/\r\n/g, '\n'), '\n') + count(text.replace(/\r\n/g, ''), '\r');
}

describe('property: fix-all on wrapped guideline text', () => {
  test('every pass edits only inside its ranges, never across or next to a wrap; no ーー appears', () => {
    const config = defaultCheckConfig();
    fc.assert(
      fc.property(guideline, (text) => {
        let current = text;
        for (let pass = 0; pass < 5; pass++) {
          const findings = checkDocument(URI, current, config, 'en');
          const index = new LineIndex(current);
          const edits = safeFixEdits(current, findings).map((e) => ({
            start: index.offsetAt(e.range.start),
            end: index.offsetAt(e.range.end),
            newText: e.newText,
          }));
          if (edits.length === 0) break;
          edits.sort((a, b) => a.start - b.start);
          let next = '';
          let cursor = 0;
          for (const e of edits) {
            assert.ok(!touchesLineBreak(current, e), JSON.stringify(e));
            next += current.slice(cursor, e.start) + e.newText;
            cursor = e.end;
          }
          next += current.slice(cursor);
          current = next;
        }
        const result = fixAllSafe(URI, text, config).text;
        assert.equal(breaks(result), breaks(text), 'line breaks kept');
        assert.ok(count(unwrapped(result), 'ーー') <= count(unwrapped(text), 'ーー'), result);
        const vowelErrors = (t: string) =>
          checkDocument(URI, t, config, 'en').filter((f) => f.code === 'long-vowel-mark').length;
        assert.ok(vowelErrors(result) <= vowelErrors(text), result);
      }),
      { numRuns: 300 },
    );
  });
});
