import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvComments, printCsvComments, looksLikeCommentCsv } from '../../../server/src/core/comments/formats/csv';
import { formatCsvTable, parseCsvTable } from '../../../server/src/core/comments/formats/csv-table';
import { parsePublishedText } from '../../../server/src/core/comments/formats/published-text';
import { storeData } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures/comments', name), 'utf8');

describe('CSV table (RFC 4180)', () => {
  test('quotes, doubled quotes, embedded CRLF and LF, offsets', () => {
    const t = parseCsvTable('a,"b,1","c ""q""\r\nd"\r\n"x"\n,\n');
    assert.deepEqual(
      t.rows.map((r) => r.map((c) => c.value)),
      [['a', 'b,1', 'c "q"\r\nd'], ['x'], ['', '']],
    );
    assert.deepEqual([t.rows[0][1].start, t.rows[0][1].end], [2, 7]);
    assert.deepEqual(t.issues, []);
  });
  test('unterminated quote and text after a quote are issues, not exceptions', () => {
    assert.deepEqual(parseCsvTable('a,"open\nrest').issues, [{ kind: 'unterminated-quote', offset: 2 }]);
    const t = parseCsvTable('"a"b,c');
    assert.equal(t.rows[0][0].value, 'ab');
    assert.equal(t.issues[0].kind, 'text-after-quote');
  });
  test('format quotes only where needed and round-trips', () => {
    const rows = [['1', 'a,b', 'say "hi"', 'two\nlines', ' lead', '']];
    const text = formatCsvTable(rows);
    assert.equal(text, '1,"a,b","say ""hi""","two\nlines"," lead",\r\n');
    assert.deepEqual(
      parseCsvTable(text).rows.map((r) => r.map((c) => c.value)),
      rows,
    );
  });
});

describe('CSV comments', () => {
  const text = fixture('comments-excel.csv');
  const round = parseCsvComments(text, 'file:///comments.csv');

  test('title row, header mapping, separate location columns', () => {
    assert.ok(looksLikeCommentCsv(text));
    assert.equal(round.title, '「地方公共団体における情報セキュリティポリシーに関するガイドライン（案）」に対する意見');
    assert.deepEqual(
      round.comments.map((c) => c.number),
      [1, 2, 3],
    );
    const [c1, c2, c3] = round.comments;
    assert.deepEqual(c1.location, {
      raw: '3.8.1 （解説） （2）⑬（注7） （107ページ）',
      section: '3.8.1',
      part: '解説',
      items: ['(2)', '⑬', '(注7)'],
      page: 107,
    });
    assert.equal(c1.submitter, '個人');
    assert.equal(
      c1.opinion,
      'データセンターの所在地を国内に限定すべきではない。\n選択の幅を広げる記述にしていただきたい。',
    );
    assert.equal(c1.disposition, 'noted');
    assert.equal(c2.opinion, '「SMS」は"ショートメッセージサービス"と紛らわしい。');
    assert.equal(c2.dispositionOverride, 'accepted');
    assert.equal(c3.location, null);
    assert.equal(c3.disposition, 'other');
  });

  test('unknown column and unknown disposition are problems with locations; values kept in notes', () => {
    const codes = round.problems.map((p) => `${p.code}@${p.range.start.line}:${p.range.start.character}`);
    assert.deepEqual(codes, ['comment-unknown-field@1:37', 'comment-invalid-value@6:29']);
    assert.equal(round.comments[0].notes, '担当: 情報政策課');
    assert.equal(round.comments[2].notes, '対応: 検討中');
  });

  test('ranges: records span their (multi-line) rows', () => {
    assert.deepEqual(round.comments[0].range.start, { line: 2, character: 0 });
    assert.equal(round.comments[0].range.end.line, 4);
    assert.equal(round.comments[1].range.start.line, 5);
    assert.equal(round.comments[0].fields?.opinion?.start.line, 2);
  });

  test('alternative header names', () => {
    const r = parseCsvComments(
      '№,該当箇所,提出者,御意見,回答,区分\n1,3.6,法人,意見です,原案のとおりとします。,\n',
      'x.csv',
    );
    assert.deepEqual(r.problems, []);
    assert.equal(r.comments[0].location?.section, '3.6');
    assert.equal(r.comments[0].disposition, 'as-drafted');
  });

  test('no header, bad numbers: problems, never thrown', () => {
    assert.equal(parseCsvComments('a,b\n1,2\n', 'x').problems[0].code, 'comment-parse');
    const r = parseCsvComments('番号,意見\nx,a\n,b\n', 'x');
    assert.deepEqual(
      r.comments.map((c) => c.number),
      [1, 2],
    );
    assert.equal(r.problems.filter((p) => p.code === 'comment-invalid-value').length, 2);
    for (const bad of ['', '"', '\r\n\r\n', ',,,', '番号,意見\n"']) parseCsvComments(bad, 'x');
  });

  test('print then parse keeps the data (seed round, with title, overrides and notes)', () => {
    const seed = parsePublishedText(fixture('seed-pubcomment-2015-lg-security-guideline.txt'), 's');
    seed.comments[4].dispositionOverride = 'as-drafted';
    seed.comments[4].disposition = 'as-drafted';
    seed.comments[5].notes = 'メモ, "引用" 付き\n二行目';
    const printed = printCsvComments(seed);
    assert.ok(printed.includes('\r\n'));
    const back = parseCsvComments(printed, 'p');
    assert.deepEqual(back.problems, []);
    assert.deepEqual(storeData(back), { ...storeData(seed), date: null });
    assert.ok(printCsvComments(seed, { bom: true }).startsWith('\uFEFF番号') === false);
    assert.ok(printCsvComments(seed, { bom: true }).startsWith('\uFEFF「'));
  });
});
