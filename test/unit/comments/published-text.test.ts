import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { looksLikePublishedText, parsePublishedText } from '../../../server/src/core/comments/formats/published-text';
import { comparePositions, LineIndex, type Range } from '../../../server/src/core/text/position';
import type { CommentRound } from '../../../server/src/core/comments/model';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures/comments', name), 'utf8');
const SEED = fixture('seed-pubcomment-2015-lg-security-guideline.txt');
const HEADER = '番号 該当箇所 提出者 提出された意見 意見に対する考え方';

type Row = [
  number,
  string | null,
  string | null,
  string[],
  number | null,
  string,
  string,
  string,
  string,
  string,
  string,
];
// number, section, part, items, page, submitter, opinion head/tail, response head/tail (8 chars), disposition
const SEED_ROWS: Row[] = [
  [
    1,
    '3.8.1',
    '解説',
    ['(2)', '⑬', '(注7)'],
    107,
    '個人',
    '情報セキュリティ',
    'いのではないか。',
    'データセンターの',
    'ていただきます。',
    'noted',
  ],
  [
    2,
    '3.4.4',
    '例文',
    [],
    45,
    '個人',
    '以下、情報セキュ',
    '定期的に削除する',
    '取り扱う情報の管',
    '定しております。',
    'already-covered',
  ],
  [
    3,
    '3.6.2',
    '例文',
    [],
    70,
    '個人',
    '3.6.2. ア',
    'いように設定する',
    '本ガイドラインは',
    'ていただきます。',
    'noted',
  ],
  [
    4,
    '3.6.3',
    '例文',
    [],
    75,
    '個人',
    '3.6.3. シ',
    'なければならない',
    '地方公共団体にお',
    'ていただきます。',
    'noted',
  ],
  [
    5,
    null,
    null,
    [],
    null,
    '個人',
    '地方公共団体は、',
    'あるはずである。',
    'ご指摘につきまし',
    'ていただきます。',
    'noted',
  ],
  [
    6,
    '3.8.3',
    null,
    [],
    111,
    '地方公共団体',
    '▼3.8.3. ',
    'する必要がある。',
    'ご指摘の趣旨を踏',
    '定しております。',
    'accepted',
  ],
  [
    7,
    '3.5.1',
    '例文',
    ['(1)', '④'],
    48,
    '地方公共団体',
    '▼3.5.1. ',
    'べきではないか。',
    '個人端末の利用に',
    'をしております。',
    'already-covered',
  ],
  [
    8,
    '3.4.2',
    '例文',
    ['(2)', '③'],
    40,
    '地方公共団体',
    '▼3.4.2. ',
    '施錠管理が必要。',
    'ご指摘の趣旨を踏',
    '修正いたします。',
    'accepted',
  ],
  [
    9,
    '1.6.1',
    null,
    ['図表5'],
    9,
    '地方公共団体',
    '▼誤字脱字\n9P',
    '」長音記号の縦横',
    'ご指摘箇所につき',
    '修正いたします。',
    'accepted',
  ],
  [
    10,
    null,
    null,
    [],
    null,
    '法人',
    '2014年に発生',
    'する方針である。',
    '機密性に応じた情',
    'ていただきます。',
    'already-covered',
  ],
  [
    11,
    null,
    null,
    [],
    null,
    '不明',
    '地方自治体で、一',
    'するべきである。',
    'ご指摘の趣旨につ',
    'ていただきます。',
    'already-covered',
  ],
  [
    12,
    '3.8.1',
    '解説',
    ['(2)', '⑬', '(注7)'],
    107,
    '法人',
    '意見：「住民情報',
    'きたく存じます。',
    'データセンターの',
    'ていただきます。',
    'noted',
  ],
  [
    13,
    '3.8.1',
    '解説',
    ['(2)', '⑧'],
    106,
    '個人',
    '（２）契約事項\n',
    '解釈でしょうか。',
    '再委託先のセキュ',
    'としております。',
    'already-covered',
  ],
  [
    14,
    '3.4.4',
    '解説',
    ['⑥'],
    46,
    '法人',
    '地方自治体におけ',
    'も必要と考える。',
    'BYODについて',
    'ていただきます。',
    'already-covered',
  ],
  [
    15,
    '3.6',
    null,
    [],
    60,
    '法人',
    '2.社会保障・税',
    'が必要と考える。',
    '本ガイドラインは',
    'ていただきます。',
    'noted',
  ],
  [
    16,
    '3.6.1',
    '例文',
    ['(6)'],
    61,
    '法人',
    '3.近年の脅威へ',
    'があると考える。',
    'ログの取得、分析',
    'ていただきます。',
    'already-covered',
  ],
  [
    17,
    '3.6.2',
    '例文',
    ['(2)'],
    71,
    '法人',
    '(2)\n該当項目',
    '要となっている。',
    '外部からのアクセ',
    '定しております。',
    'already-covered',
  ],
  [
    18,
    '3.4.2',
    '例文',
    ['(3)', '②'],
    41,
    '法人',
    '該当箇所：P41',
    '適切と考えます。',
    'ご指摘の該当箇所',
    '載しております。',
    'already-covered',
  ],
  [
    19,
    '3.8.1',
    '解説',
    ['(2)', '⑬', '(注7)'],
    107,
    '法人',
    '該当箇所：P10',
    '重要と考えます。',
    'データセンターの',
    'ていただきます。',
    'noted',
  ],
  [
    20,
    '3.5.4',
    '解説',
    ['(3)', '(注2)'],
    59,
    '法人',
    '【意見箇所】\np',
    'ようにすること。',
    'ご指摘につきまし',
    'ていただきます。',
    'noted',
  ],
  [
    21,
    '3.6.1',
    '例文',
    ['(6)'],
    61,
    '法人',
    '【意見箇所】\np',
    'ければならない。',
    'ご指摘の通り、「',
    '含めております。',
    'already-covered',
  ],
  [
    22,
    '3.6.1',
    '例文',
    ['(14)'],
    63,
    '法人',
    '【意見箇所】\np',
    'ければならない。',
    '電子メールのセキ',
    'ていただきます。',
    'already-covered',
  ],
  [
    23,
    '3.6.1',
    '例文',
    ['(17)'],
    64,
    '法人',
    '【意見箇所】\np',
    'してはならない。',
    '不正なシリアルを',
    'ていただきます。',
    'noted',
  ],
  [
    24,
    '3.6.1',
    '解説',
    ['(10)'],
    67,
    '法人',
    '【意見箇所】\np',
    'ることができる。',
    '管理者アカウント',
    'ていただきます。',
    'already-covered',
  ],
  [
    25,
    '3.6.1',
    '解説',
    ['(17)'],
    68,
    '法人',
    '【意見箇所】\np',
    'する必要がある。',
    'ご指摘の趣旨を踏',
    '修正いたします。',
    'accepted',
  ],
  [
    26,
    '3.6.2',
    '例文',
    ['(5)', '②'],
    72,
    '法人',
    '【意見箇所】\np',
    'ワードを発行し、',
    'パスワードの管理',
    '定しております。',
    'already-covered',
  ],
  [
    27,
    '3.6.5',
    '解説',
    ['(1)', '(注2)'],
    87,
    '法人',
    '【意見箇所】\np',
    'ことが望ましい。',
    'ご指摘の趣旨を踏',
    '修正いたします。',
    'accepted',
  ],
];

describe('published text: the 2015 seed', () => {
  const round = parsePublishedText(SEED, 'file:///seed.txt');

  test('title with the PDF half-width ｢ normalised to 「, 27 records, no problems', () => {
    assert.equal(
      round.title,
      '「地方公共団体における情報セキュリティポリシーに関するガイドライン（案）」に対する意見及びそれに対する考え方',
    );
    assert.equal(round.format, 'text');
    assert.equal(round.comments.length, 27);
    assert.deepEqual(round.problems, []);
  });

  for (const [
    number,
    section,
    part,
    items,
    page,
    submitter,
    opHead,
    opTail,
    reHead,
    reTail,
    disposition,
  ] of SEED_ROWS) {
    test(`record ${number} field by field`, () => {
      const c = round.comments[number - 1];
      assert.equal(c.number, number);
      if (section === null && page === null) assert.equal(c.location, null);
      else {
        assert.equal(c.location?.section, section);
        assert.equal(c.location?.part, part);
        assert.deepEqual(c.location?.items, items);
        assert.equal(c.location?.page, page);
      }
      assert.equal(c.submitter, submitter);
      assert.equal(c.opinion.slice(0, 8), opHead);
      assert.equal(c.opinion.slice(-8), opTail);
      assert.equal(c.response.slice(0, 8), reHead);
      assert.equal(c.response.slice(-8), reTail);
      assert.equal(c.disposition, disposition);
    });
  }

  test('accepted set is exactly 6, 8, 9, 25, 27', () => {
    assert.deepEqual(
      round.comments.filter((c) => c.disposition === 'accepted').map((c) => c.number),
      [6, 8, 9, 25, 27],
    );
  });

  test('header rows never leak into any field', () => {
    for (const c of round.comments) {
      for (const text of [
        c.opinion,
        c.response,
        c.raw!.opinion,
        c.raw!.response,
        c.location?.raw ?? '',
        c.submitter ?? '',
      ]) {
        assert.ok(!text.includes('該当箇所 提出者'), `record ${c.number}`);
      }
    }
  });

  test('location raw joins the page line', () => {
    assert.equal(round.comments[0].location?.raw, '3.8.1 （解説）（2）⑬（注7） （107ページ）');
  });

  test('raw keeps the extracted lines, opinion/response join PDF wraps', () => {
    const c = round.comments[0];
    assert.ok(
      c.raw!.opinion.startsWith(
        '情報セキュリティポリシーガイドラインの107ページにある「クラウドサービスの利用に関す\nる考慮事項」',
      ),
    );
    assert.ok(c.opinion.includes('利用に関する考慮事項'));
    // A sentence-final line break stays; a mid-sentence wrap is joined without a space.
    assert.ok(c.response.includes('ありません。\nご指摘につきましては'));
    assert.ok(round.comments[7].response.includes('明確になるよう修正いたします'));
  });

  test('quoted clauses starting with section numbers are not records', () => {
    assert.ok(round.comments[3].opinion.startsWith('3.6.3. システム開発、導入、保守等\n　システム開発'));
  });

  test('list items, headings and indented lines keep their breaks', () => {
    const c10 = round.comments[9];
    assert.ok(c10.opinion.includes('\n・PCのローカル上に保存された機密性の高いデータの有無を監査する指針\n'));
    assert.ok(
      c10.opinion.includes(
        'http://blog.benesse.ne.jp/bh/ja/news/m/2014/09/25/docs/20140925%E3%83%AA%E3%83%AA%E3%83%BC%E3%82%B9.pdf',
      ),
    );
    assert.ok(
      round.comments[19].opinion.startsWith(
        '【意見箇所】\np59：（解説）（３）パスワードの取扱い（注２）\n【内容・背景】\n原案では',
      ),
    );
    assert.ok(
      round.comments[1].opinion.includes(
        '\n　Microsoft Officeアプリケーション（Word/Excel/PowerPoint等）の自動回復用ファイルの場所',
      ),
    );
  });

  test('a response wrapped before a bracketed reference is joined', () => {
    assert.ok(
      round.comments[6].response.startsWith('個人端末の利用については、「3.5.1 職員等の遵守事項」 (解説)（1）②にて'),
    );
    assert.ok(round.comments[21].response.includes('「3.6.1 アクセス制御」【例文】（１４）（１５）、（解説）'));
  });

  test('ranges: record 1 and record 20 (leading space after a page break)', () => {
    const c1 = round.comments[0];
    assert.deepEqual(c1.range, { start: { line: 4, character: 0 }, end: { line: 21, character: 27 } });
    assert.deepEqual(c1.fields?.location, { start: { line: 4, character: 2 }, end: { line: 5, character: 8 } });
    assert.equal(c1.fields?.opinion?.start.line, 9);
    assert.equal(c1.fields?.response?.start.line, 15);
    assert.deepEqual(round.comments[19].range.start, { line: 383, character: 1 });
    assert.equal(round.comments[4].fields?.location, undefined);
  });
});

describe('published text: page breaks and layout variants', () => {
  const round = parsePublishedText(fixture('published-pagebreaks.txt'), 'pb');

  test('all five records, date from the preamble', () => {
    assert.deepEqual(
      round.comments.map((c) => c.number),
      [1, 2, 3, 4, 5],
    );
    assert.equal(round.date, '2015-03-31');
    assert.deepEqual(round.problems, []);
  });

  test('full-width numbers and split submitter', () => {
    const c = round.comments[0];
    assert.equal(c.location?.section, '3.6.1');
    assert.deepEqual(c.location?.items, ['(14)']);
    assert.equal(c.location?.page, 63);
    assert.equal(c.submitter, '地方公共団体');
  });

  test('a numbered line inside an opinion is not a record', () => {
    assert.ok(
      round.comments[0].opinion.endsWith('見られる。\n12 3.8.1 （解説）（2）⑬にも同様の趣旨の記載を追加すべきである。'),
    );
  });

  test('response wrapping before 【例文】 is joined', () => {
    assert.ok(
      round.comments[0].response.startsWith(
        '電子メールのセキュリティ管理については、「3.6.1 コンピュータ及びネットワークの管理」【例文】（１４）（１５）及び（解説）（１４）に記載しております。',
      ),
    );
    assert.equal(round.comments[0].disposition, 'already-covered');
  });

  test('missing location with a submitter split on the number line', () => {
    assert.equal(round.comments[1].location, null);
    assert.equal(round.comments[1].submitter, '法人・団体');
    assert.equal(round.comments[1].disposition, 'accepted');
  });

  test('header row and page footer inside an opinion paragraph are transparent', () => {
    const c = round.comments[2];
    assert.ok(c.opinion.includes('推測されやすいパスワードの使い回し'));
    assert.ok(!c.raw!.opinion.includes('番号') && !c.raw!.opinion.includes('- 2 -'));
  });

  test('general location, header glued to the end of the response', () => {
    const c = round.comments[3];
    assert.deepEqual(c.location, { raw: '全般', section: null, part: null, items: [], page: null });
    assert.equal(c.submitter, '不明');
    assert.ok(c.response.endsWith('今後の参考とさせていただきます。'));
    assert.ok(c.opinion.includes('\n\n【変更案】\n概要版'));
  });

  test('record after a page break with a leading space; URL and English wraps', () => {
    const c = round.comments[4];
    assert.equal(c.location?.part, '趣旨');
    assert.ok(
      c.opinion.includes('\nhttps://www.example.go.jp/security/guideline/social-media/2015/03/sns-policy-sample.pdf\n'),
    );
    assert.ok(c.opinion.endsWith('policy of the central government as well.'));
  });
});

describe('published text: numbering problems', () => {
  const round = parsePublishedText(fixture('published-numbering.txt'), 'num');
  const codes = round.problems.map((p) => `${p.code}@${p.range.start.line}`);

  test('nothing lost: duplicated and out-of-order records are kept in file order', () => {
    assert.deepEqual(
      round.comments.map((c) => c.number),
      [1, 2, 2, 5, 4, 6],
    );
  });

  test('problems with lines', () => {
    assert.deepEqual(codes, [
      'comment-missing-response@17',
      'comment-number-duplicate@25',
      'comment-number-gap@35',
      'comment-number-order@45',
      'comment-missing-submitter@57',
    ]);
    assert.match(round.problems[2].message.ja, /番号 3 /);
  });

  test('a line "2 個人情報…" inside an opinion is text', () => {
    assert.ok(round.comments[0].opinion.includes('\n\n2 個人情報を含む文書は'));
  });

  test('missing response keeps the opinion; as-drafted and noted dispositions', () => {
    assert.equal(round.comments[1].response, '');
    assert.ok(round.comments[1].opinion.startsWith('データセンターへの機器'));
    assert.equal(round.comments[2].disposition, 'as-drafted');
    assert.equal(round.comments[5].disposition, 'noted');
    assert.equal(round.comments[5].submitter, null);
  });
});

describe('published text: discovery and robustness', () => {
  test('looksLikePublishedText', () => {
    assert.ok(looksLikePublishedText(SEED));
    assert.ok(looksLikePublishedText(`タイトル\n ${HEADER}\n`));
    assert.ok(
      !looksLikePublishedText('# 地方公共団体における情報セキュリティポリシーに関するガイドライン\n\n## 3.6.1\n'),
    );
    assert.ok(!looksLikePublishedText('| 番号 | 該当箇所 | 提出者 | 提出された意見 | 意見に対する考え方 |'));
  });

  test('a text without records is reported, not thrown', () => {
    const round = parsePublishedText(`${HEADER}\n\nただの文章です。\n`, 'x');
    assert.equal(round.comments.length, 0);
    assert.equal(round.problems[0].code, 'comment-parse');
  });

  function assertRangesSane(text: string, round: CommentRound) {
    const index = new LineIndex(text);
    const end = index.positionAt(text.length);
    const inside = (r: Range) =>
      comparePositions({ line: 0, character: 0 }, r.start) <= 0 &&
      comparePositions(r.start, r.end) <= 0 &&
      comparePositions(r.end, end) <= 0;
    let previous: Range | null = null;
    for (const c of round.comments) {
      assert.ok(inside(c.range));
      if (previous) assert.ok(comparePositions(previous.end, c.range.start) <= 0, 'records ordered and disjoint');
      for (const f of Object.values(c.fields ?? {})) {
        assert.ok(inside(f!));
        assert.ok(comparePositions(c.range.start, f!.start) <= 0 && comparePositions(f!.end, c.range.end) <= 0);
      }
      previous = c.range;
    }
    for (const p of round.problems) assert.ok(inside(p.range));
  }

  test('property: never throws on random strings; ranges inside and ordered', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789１２ 　\n\r\t.．個人法人地方公共団体（）()【】例文解説ページ番号該当箇所提出者意見考え方。、ｱa'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 300 })), (text) => {
        const round = parsePublishedText(text, 'x');
        assertRangesSane(text, round);
      }),
      { numRuns: 500 },
    );
  });

  test('property: random mutations of the seed', () => {
    const lines = SEED.split('\n');
    const mutation = fc.record({
      at: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom('delete', 'duplicate', 'header', 'blank', 'swap', 'truncate'),
      other: fc.nat({ max: lines.length - 1 }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 8 }), (mutations) => {
        const copy = [...lines];
        for (const m of mutations) {
          const at = Math.min(m.at, copy.length - 1);
          if (copy.length === 0) break;
          if (m.kind === 'delete') copy.splice(at, 1);
          else if (m.kind === 'duplicate') copy.splice(at, 0, copy[at]);
          else if (m.kind === 'header') copy[at] = copy[at] + HEADER;
          else if (m.kind === 'blank') copy.splice(at, 0, '');
          else if (m.kind === 'truncate') copy[at] = copy[at].slice(0, Math.floor(copy[at].length / 2));
          else {
            const o = Math.min(m.other, copy.length - 1);
            [copy[at], copy[o]] = [copy[o], copy[at]];
          }
        }
        const text = copy.join('\n');
        const round = parsePublishedText(text, 'x');
        assertRangesSane(text, round);
        assert.ok(round.comments.length >= 20 || mutations.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
