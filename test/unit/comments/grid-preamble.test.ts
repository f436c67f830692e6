import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPeriod, findResultDate, findTitle } from '../../../server/src/core/comments/grid/preamble';
import { parseLocation } from '../../../server/src/core/comments/location';
import { columnOfHeader } from '../../../server/src/core/comments/grid/header';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../support/paths';

describe('title, period and date before the table', () => {
  test('the title names 意見 and 考え方, not the 資料６ label above it', () => {
    assert.equal(
      findTitle(['資料６', '令和７年12月19日', '「○○ガイドライン（案）」に対する意見及びそれに対する考え方']),
      '「○○ガイドライン（案）」に対する意見及びそれに対する考え方',
    );
    assert.equal(
      findTitle(['参考資料２', '「計画（素案）」に対する意見募集の結果について']),
      '「計画（素案）」に対する意見募集の結果について',
    );
    assert.equal(findTitle(['別紙', '情報化推進計画の改定について']), '情報化推進計画の改定について');
  });
  test('the period, the end taking the start year; never the result date', () => {
    assert.deepEqual(findPeriod(['意見募集期間：令和７年10月31日～11月21日']), {
      from: '2025-10-31',
      to: '2025-11-21',
      raw: '令和７年10月31日～11月21日',
    });
    assert.deepEqual(
      findPeriod(['意見の募集期間 令和７年９月１日（月）から令和７年９月30日（火）まで'])?.to,
      '2025-09-30',
    );
    assert.deepEqual(findPeriod(['募集期間：2025年7月1日〜7月31日'])?.from, '2025-07-01');
    assert.equal(findPeriod(['令和７年12月19日']), null);
    assert.equal(findResultDate(['意見募集期間：令和７年10月31日～11月21日', '令和７年12月19日']), '2025-12-19');
  });
});

describe('header vocabulary and locations of other ministries', () => {
  test('header wordings', () => {
    const cases: Array<[string, string]> = [
      ['No.', 'number'],
      ['項番', 'number'],
      ['該当部分', 'location'],
      ['意見提出者', 'submitter'],
      ['御意見の概要', 'opinion'],
      ['コメントの概要', 'opinion'],
      ['素案に対する意見（概要）', 'opinion'],
      ['御意見に対する考え方', 'response'],
      ['国土交通省の考え方', 'response'],
      ['金融庁の考え方', 'response'],
      ['市の考え方', 'response'],
    ];
    for (const [name, column] of cases) assert.equal(columnOfHeader(name), column, name);
    assert.equal(columnOfHeader('正式名称'), undefined);
  });
  test('chapters, pages in brackets and municipal numbering with any dash', () => {
    assert.equal(parseLocation('第３章 基本的方針D')?.section, '3');
    assert.equal(parseLocation('第２章')?.section, '2');
    assert.equal(parseLocation('【14ページ】')?.page, 14);
    assert.equal(parseLocation('12頁')?.page, 12);
    for (const dash of ['―', '-', '－', '‐', '—', 'ー'])
      assert.equal(parseLocation(`2${dash}6${dash}2`)?.section, '2.6.2', dash);
    assert.equal(parseLocation('第57条第2項')?.section, '第57条');
    assert.equal(parseLocation('3.8.1 （解説）（2）⑬（注7）')?.section, '3.8.1');
  });
});

describe('extracted text in columns (pdftotext -layout, fixed-width reports)', () => {
  test('columns by runs of spaces, wrapped cells joined, a page number and a repeated header dropped', () => {
    const text = readFileSync(join(FIXTURES, 'comments/text/layout-columns.txt'), 'utf8');
    const round = readCommentDocument('file:///layout-columns.txt', text)!;
    assert.equal(round.title, '「みどり市個人情報保護条例施行規程（改正案）」に対する意見と市の考え方');
    assert.deepEqual(round.period && [round.period.from, round.period.to], ['2025-05-01', '2025-05-31']);
    assert.deepEqual(
      round.comments.map((c) => [c.id, c.location?.section ?? null, c.opinion, c.response, c.disposition]),
      [
        [
          '1',
          '第3条',
          '保有個人情報の提供の手続について、提供先における安全管理措置の確認方法を定めるべきである。',
          '御意見を踏まえ、提供先における安全管理措置の確認方法を第3条第3項に追加しました。',
          'accepted',
        ],
        [
          '2',
          '第5条',
          '開示請求の手数料を無料にしていただきたい。',
          '手数料は条例で定めるものであり、改正案のとおりとします。',
          'as-drafted',
        ],
        [
          '3',
          null,
          '改正の趣旨を市民に分かりやすく周知していただきたい。',
          '今後の参考とさせていただきます。',
          'noted',
        ],
      ],
    );
  });
  test('columns that do not line up give no records rather than wrong ones', () => {
    const text = readFileSync(join(FIXTURES, 'comments/layouts/mlit-merged.layout.txt'), 'utf8');
    assert.equal(readCommentDocument('file:///mlit.txt', text), null);
  });
});

describe('the published text of the 2015 layout', () => {
  test('a period line before the table is the period, the result date stays the date', () => {
    const text = [
      '「○○ガイドライン（案）」に対する意見及びそれに対する考え方',
      '意見募集期間：平成27年２月６日～平成27年３月９日',
      '平成27年３月31日',
      '',
      '番号 該当箇所 提出者 提出された意見 意見に対する考え方',
      '1 3.8.1',
      '個人',
      '意見です。',
      '',
      '原案のとおりとします。',
    ].join('\n');
    const round = readCommentDocument('file:///r.txt', text)!;
    assert.equal(round.date, '2015-03-31');
    assert.deepEqual(round.period && [round.period.from, round.period.to], ['2015-02-06', '2015-03-09']);
    assert.equal(round.comments.length, 1);
  });
});
