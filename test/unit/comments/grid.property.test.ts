/**
 * Property: a comment table laid out on pages — cells wrapped at random column widths, rows split by
 * page breaks, the header row repeated on each page or not, page numbers in the footer — reads back
 * into the same records: none lost, none merged, every text whole.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PageText, TextItem } from '../../../server/src/core/layout/page-text';
import { gridFromPages } from '../../../server/src/core/comments/grid/from-pages';
import { buildRound } from '../../../server/src/core/comments/grid/records';

interface Row {
  readonly location: string;
  readonly opinion: string;
  readonly response: string;
}

const SIZE = 10;
const LINE = 15;
const PAGE_HEIGHT = 842;
const TOP = 60;
const BOTTOM = 770;

const FRAGMENTS = [
  '外部委託事業者の選定基準を明確にすべきである。',
  '情報資産の分類について具体例を示していただきたい。',
  'パスワードの定期変更は不要ではないか。',
  '御指摘を踏まえ修正いたします。',
  '原案のとおりとします。',
  '今後の参考とさせていただきます。',
  'クラウドサービスの利用に関する考慮事項を追記しました。',
  '管理区域への入退室の記録を保存すること。',
];
const LOCATIONS = ['3.8.1', '3.6.2 （解説）', '全般', '第3章', '2.3 図表5'];

const sentence = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const row = fc.record({ location: fc.constantFrom(...LOCATIONS), opinion: sentence, response: sentence });

function wrap(text: string, perLine: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  return lines;
}

/** Lays the table out: columns of the given widths (in characters), a row per record. */
export function layout(rows: readonly Row[], widths: readonly number[], repeatHeader: boolean): PageText[] {
  const headers = ['番号', '該当箇所', '御意見の概要', '御意見に対する考え方'];
  const xs: number[] = [];
  let x = 40;
  for (const w of widths) {
    xs.push(x);
    x += w * SIZE + 12;
  }
  const pages: TextItem[][] = [[]];
  const item = (text: string, col: number, y: number): TextItem => ({
    text,
    x: xs[col],
    y,
    width: [...text].length * SIZE,
    height: SIZE,
    fontName: 'f',
  });
  let y = TOP;
  const header = () => {
    headers.forEach((h, k) => pages[pages.length - 1].push(item(h, k, y)));
    y += LINE + 10;
  };
  pages[0].push(item('「素案」に対する意見及びそれに対する考え方', 1, 30));
  header();
  rows.forEach((r, n) => {
    const cells = [String(n + 1), r.location, r.opinion, r.response].map((t, k) => wrap(t, widths[k]));
    const height = Math.max(...cells.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      if (y + LINE > BOTTOM) {
        pages.push([]);
        y = TOP;
        if (repeatHeader) header();
      }
      cells.forEach((c, k) => {
        if (line < c.length) pages[pages.length - 1].push(item(c[line], k, y));
      });
      y += LINE;
    }
    y += 10;
  });
  return pages.map((items, p) => ({
    page: p + 1,
    width: 595,
    height: PAGE_HEIGHT,
    items: [...items, { text: `- ${p + 1} -`, x: 290, y: 800, width: 30, height: SIZE, fontName: 'f' }],
  }));
}

describe('grid from pages (property)', () => {
  test('random wraps, page breaks and header repetition never lose or merge a record', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.tuple(
          fc.integer({ min: 2, max: 4 }),
          fc.integer({ min: 7, max: 12 }),
          fc.integer({ min: 8, max: 22 }),
          fc.integer({ min: 8, max: 20 }),
        ),
        fc.boolean(),
        (rows, widths, repeatHeader) => {
          const round = buildRound(gridFromPages(layout(rows, widths, repeatHeader)), { uri: 'x.pdf', format: 'pdf' });
          assert.deepEqual(
            round.comments.map((c) => ({
              number: c.number,
              location: c.location?.raw,
              opinion: c.opinion,
              response: c.response,
            })),
            rows.map((r, n) => ({ number: n + 1, location: r.location, opinion: r.opinion, response: r.response })),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
