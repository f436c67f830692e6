/**
 * Stacked extracted text: pdftotext's default order for result PDFs made from Word or Excel tables,
 * each cell a block of lines, header cells on lines of their own (core/comments/grid/from-stacked.ts).
 * The six layouts' .stacked.txt forms are in layouts.test.ts; here a result written by hand in
 * another style, and the property that wraps and page breaks never lose or merge a record.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { parseLocation } from '../../../server/src/core/comments/location';
import { looksLikeStackedTable } from '../../../server/src/core/comments/grid/from-stacked';
import { unreadableCommentNotice } from '../../../server/src/core/comments/unreadable';
import { FIXTURES } from '../../support/paths';

describe('stacked text written by hand (該当箇所 before 番号, 凡例 first, groups restarting, no 提出者)', () => {
  const path = join(FIXTURES, 'comments/text/stacked-handwritten.txt');
  const round = readCommentDocument(`file://${path}`, readFileSync(path, 'utf8'));

  test('reads every record exactly', () => {
    assert.ok(round);
    assert.deepEqual(
      round.problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.deepEqual(
      round.comments.map((c) => ({
        id: c.id,
        group: c.group,
        location: c.location?.raw ?? null,
        section: c.location?.section ?? null,
        opinion: c.opinion,
        response: c.response,
        disposition: c.disposition,
      })),
      [
        {
          id: 'Ⅰ-1',
          group: 'Ⅰ．意見を踏まえて修正するもの',
          location: '2.1',
          section: '2.1',
          opinion: '制御系システムの範囲に、遠方監視のための通信装置が含まれるかどうかが不明確である。',
          response: '御指摘を踏まえ、制御系システムの範囲に遠方監視の通信装置を含む旨を追記しました。',
          disposition: 'accepted',
        },
        {
          id: 'Ⅰ-2',
          group: 'Ⅰ．意見を踏まえて修正するもの',
          location: '3.2.4 （解説）（3）',
          section: '3.2.4',
          opinion:
            '保守用の持ち込み端末について、接続前にウイルス対策ソフトの定義ファイルを確認する手順を例示していただきたい。',
          response: '御意見を踏まえ、（解説）（3）に確認手順の例を追加しました。',
          disposition: 'accepted',
        },
        {
          id: 'Ⅱ-1',
          group: 'Ⅱ．素案のとおりとするもの',
          location: '全般',
          section: null,
          opinion:
            '小規模な処理場では専任の担当者を置くことが難しく、本ガイドラインの対策をすべて実施することは困難である。',
          response:
            '本ガイドラインは、施設の規模にかかわらず求められる基本的な対策を示したものであり、素案のとおりとします。なお、小規模な施設向けの解説資料の作成を検討します。',
          disposition: 'as-drafted',
        },
        {
          id: 'Ⅱ-2',
          group: 'Ⅱ．素案のとおりとするもの',
          location: '3.5',
          section: '3.5',
          opinion: 'パスワードの桁数を12桁以上とする根拠を示していただきたい。',
          response: 'パスワードの桁数は、政府機関等の対策基準を参考に定めたものであり、素案のとおりとします。',
          disposition: 'as-drafted',
        },
      ],
    );
  });

  test('the title is the line naming the result, not the 別紙 label; the period is the period', () => {
    assert.equal(
      round?.title,
      '「下水道施設の情報セキュリティ対策ガイドライン（素案）」に対する意見募集の結果について',
    );
    assert.deepEqual(round?.period && { from: round.period.from, to: round.period.to }, {
      from: '2025-12-01',
      to: '2026-01-05',
    });
  });
});

describe('what is not stacked text', () => {
  test('the seed (one header line) and a guideline are not taken for it', () => {
    const seed = readFileSync(join(FIXTURES, 'comments/seed-pubcomment-2015-lg-security-guideline.txt'), 'utf8');
    assert.equal(looksLikeStackedTable(seed), false);
    assert.equal(looksLikeStackedTable('# 3.8 外部委託\n\n## 3.8.1 外部委託\n\n意見\n\n本文です。\n'), false);
  });

  test('pdftotext’s default order of the Chromium-printed PDFs (cells merged into lines) gives no wrong records', () => {
    // Not readable as text (docs/comments.md): no round, so the user is told to read the PDF itself.
    for (const name of [
      'mlit-merged',
      'fsa-legend-inferred',
      'soumu-groups-restart',
      'municipal-order-varied',
      'chapter-groups-unnumbered',
      'markdown-team-range',
    ]) {
      const path = join(FIXTURES, `comments/layouts/${name}.raw.txt`);
      assert.equal(readCommentDocument(`file://${path}`, readFileSync(path, 'utf8')), null, name);
    }
    const path = join(FIXTURES, 'comments/layouts/mlit-merged.raw.txt');
    assert.match(
      unreadableCommentNotice(path, readFileSync(path, 'utf8'))?.ja ?? '',
      /PDF そのものを読み込んでください/,
    );
  });

  test('a header without rows after it is no round', () => {
    assert.equal(readCommentDocument('file:///a.txt', '番号\n該当箇所\n意見の概要\n考え方\n'), null);
  });
});

// ---- property: random tables printed in stacked order ----

const FRAGMENTS = [
  '外部委託事業者の選定基準を明確にすべきである。',
  '情報資産の分類について具体例を示していただきたい。',
  'パスワードの定期変更は、不要ではないか。',
  '御指摘を踏まえ修正いたします。',
  '原案のとおりとします。',
  '今後の参考とさせていただきます。',
  'クラウドサービスの利用に関する考慮事項を追記しました。',
  '管理区域への入退室の記録を保存すること。',
];
const LOCATIONS = ['3.8.1', '3.6.2 （解説）', '全般', '第3章', '2.3 図表5', '3.5.4 【例文】（3）'];
const HEADERS = {
  number: ['番号', 'No.', '項番'],
  location: ['該当箇所', '該当部分'],
  opinion: ['素案に対する意見（概要）', '御意見の概要', '提出された意見'],
  response: ['意見に対する考え方', '国土交通省の考え方', '御意見に対する考え方'],
} as const;
type Col = keyof typeof HEADERS;

const sentence = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
const record = fc.record({ location: fc.constantFrom(...LOCATIONS), opinion: sentence, response: sentence });
const table = fc.record({
  order: fc.constantFrom<Col[]>(
    ['number', 'location', 'opinion', 'response'],
    ['location', 'number', 'opinion', 'response'],
    ['number', 'opinion', 'response'],
  ),
  names: fc.record({
    number: fc.constantFrom(...HEADERS.number),
    location: fc.constantFrom(...HEADERS.location),
    opinion: fc.constantFrom(...HEADERS.opinion),
    response: fc.constantFrom(...HEADERS.response),
  }),
  groups: fc.array(fc.array(record, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  headed: fc.boolean(),
  widths: fc.record({ location: fc.integer({ min: 8, max: 16 }), text: fc.integer({ min: 24, max: 44 }) }),
  linesPerPage: fc.integer({ min: 4, max: 30 }),
  repeatHeader: fc.boolean(),
  footer: fc.constantFrom('dashed', 'fraction', 'bare', 'none'),
});

/** Wraps at `width` half-width cells; closing punctuation hangs at the line end, numbers move down whole. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if ((line.length + 1) * 2 > width && !/[。、）」】]/.test(ch) && line !== '') {
      const word = /[0-9.]/.test(ch) ? (/(?:図表)?[0-9.]*$/.exec(line)?.[0] ?? '') : '';
      if (word.length < line.length) {
        lines.push(line.slice(0, line.length - word.length).trimEnd());
        line = word;
      }
    }
    line += ch;
  }
  return [...lines, line];
}

type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

function stackedText(t: Table): { text: string; ambiguous: boolean } {
  const pages: string[][] = [[]];
  let ambiguous = false;
  let used = 0;
  const page = () => pages[pages.length - 1];
  const block = (lines: readonly string[]) => page().push(...lines, '');
  const footer = (n: number) => ({ dashed: `- ${n} -`, fraction: `${n} / 99`, bare: `${n}`, none: null })[t.footer];
  const breakPage = () => {
    const f = footer(pages.length);
    if (f) page().push(f);
    pages.push([]);
    used = 0;
    if (t.repeatHeader) for (const c of t.order) block([t.names[c]]);
  };
  block(['「情報セキュリティ対策ガイドライン（案）」に対する意見及びそれに対する考え方']);
  for (const c of t.order) block([t.names[c]]);
  t.groups.forEach((records, g) => {
    if (t.headed) {
      if (used >= t.linesPerPage) breakPage();
      block([`${'ⅠⅡⅢ'[g]}．第${g + 1}章について`]);
      used++;
    }
    records.forEach((r, i) => {
      const number = t.headed ? i + 1 : t.groups.slice(0, g).reduce((n, rs) => n + rs.length, 0) + i + 1;
      const cells = t.order.map((c) =>
        c === 'number'
          ? [String(number)]
          : c === 'location'
            ? wrap(r.location, t.widths.location)
            : wrap(r[c], t.widths.text),
      );
      const height = Math.max(...cells.map((c) => c.length));
      for (let from = 0; from < height;) {
        if (used >= t.linesPerPage) breakPage();
        const take = Math.min(height - from, t.linesPerPage - used);
        // A cell ending at the foot of a page on a full line ending a sentence looks like one
        // running on: when another cell does run on, no reader can tell which (see from-stacked.ts).
        if (from + take < height)
          for (const c of cells.slice(t.order.indexOf('opinion')))
            if (c.length === from + take && c[c.length - 1].length * 2 >= t.widths.text * 0.75) ambiguous = true;
        for (const c of cells) if (c.length > from) block(c.slice(from, from + take));
        from += take;
        used += take;
      }
    });
  });
  const f = footer(pages.length);
  if (f) page().push(f);
  return { text: pages.map((p) => `${p.join('\n')}\n\f`).join(''), ambiguous };
}

describe('property: stacked text with random wraps and page breaks', () => {
  test('never loses or merges a record, and every text comes back whole', () => {
    fc.assert(
      fc.property(table, (t) => {
        const { text, ambiguous } = stackedText(t);
        fc.pre(!ambiguous);
        const round = readCommentDocument('file:///result.txt', text);
        assert.ok(round, text);
        const want = t.groups.flatMap((records, g) =>
          records.map((r) => ({
            group: t.headed ? `${'ⅠⅡⅢ'[g]}．第${g + 1}章について` : null,
            section: t.order.includes('location') ? parseLocation(r.location)?.section : undefined,
            opinion: r.opinion,
            response: r.response,
          })),
        );
        assert.deepEqual(
          round.comments.map((c) => ({
            group: c.group,
            section: t.order.includes('location') ? c.location?.section : undefined,
            opinion: c.opinion,
            response: c.response,
          })),
          want,
          text,
        );
      }),
      {
        numRuns: 300,
        examples: [
          // Found in CI: the response's full last line before the break (「…明記します。」) runs on,
          // not the opinion's shorter one; the opinion column had never wrapped, so its own one-line
          // cells were taken for its width.
          [
            {
              order: ['number', 'location', 'opinion', 'response'],
              names: {
                number: '番号',
                location: '該当箇所',
                opinion: '素案に対する意見（概要）',
                response: '意見に対する考え方',
              },
              groups: [
                [
                  {
                    location: '3.8.1',
                    opinion: '監査の頻度を具体的に示してほしい。',
                    response:
                      '外部委託事業者の監査は、リスクに応じて定期的に実施することが望ましいと考えます。御指摘の点は、解説において具体例とともに記載いたします。',
                  },
                  {
                    location: '3.8.1',
                    opinion: '記録の保存期間を示してほしい。',
                    response: '御指摘を踏まえ、保存の期間を明記します。なお、様式は各団体において定めることとします。',
                  },
                ],
              ],
              headed: true,
              widths: { location: 8, text: 41 },
              linesPerPage: 6,
              repeatHeader: false,
              footer: 'dashed',
            },
          ],
        ],
      },
    );
  });
});
