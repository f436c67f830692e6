import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseJsonComments, toCommentsJson } from '../../../server/src/core/comments/formats/json';
import { parsePublishedText } from '../../../server/src/core/comments/formats/published-text';
import { printYamlComments } from '../../../server/src/core/comments/formats/yaml';
import { printCsvComments } from '../../../server/src/core/comments/formats/csv';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { exportCommentsCsv, exportCommentsMarkdown, groupComments } from '../../../server/src/core/comments/export';
import { isToolExport } from '../../../server/src/core/comments/export-marker';
import { parseCsvTable } from '../../../server/src/core/comments/formats/csv-table';
import { storeData } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures/comments', name), 'utf8');
const SEED_TEXT = fixture('seed-pubcomment-2015-lg-security-guideline.txt');
const seed = parsePublishedText(SEED_TEXT, 'seed.txt');

describe('JSON', () => {
  test('the CLI shape', () => {
    const json = toCommentsJson(seed);
    assert.deepEqual(json.comments[0], {
      number: 1,
      location: {
        raw: '3.8.1 （解説）（2）⑬（注7） （107ページ）',
        section: '3.8.1',
        part: '解説',
        items: ['(2)', '⑬', '(注7)'],
        page: 107,
      },
      submitter: '個人',
      opinion: seed.comments[0].opinion,
      response: seed.comments[0].response,
      disposition: 'noted',
      group: null,
      id: '1',
      partial: false,
    });
    assert.equal(json.comments[4].location, null);
  });

  test('round trip, with ranges of each record', () => {
    seed.comments[1].dispositionOverride = 'accepted';
    seed.comments[1].disposition = 'accepted';
    seed.comments[2].notes = '要確認';
    const text = JSON.stringify(toCommentsJson(seed), null, 2);
    const back = parseJsonComments(text, 'c.json');
    assert.deepEqual(back.problems, []);
    assert.deepEqual(storeData(back), storeData(seed));
    // title, date, period, comments: the first record opens on line 5.
    assert.deepEqual(back.comments[0].range.start, { line: 5, character: 4 });
    delete seed.comments[1].dispositionOverride;
    seed.comments[1].disposition = 'already-covered';
    delete seed.comments[2].notes;
  });

  test('an effective disposition differing from the wording becomes an override', () => {
    const r = parseJsonComments(
      '{"comments":[{"number":1,"location":"3.6","opinion":"a","response":"参考とさせていただきます。","disposition":"accepted"}]}',
      'x',
    );
    assert.equal(r.comments[0].dispositionOverride, 'accepted');
    assert.equal(r.comments[0].location?.section, '3.6');
  });

  test('syntax errors have a position; nothing thrown', () => {
    const r = parseJsonComments('{\n  "comments": [\n    {"number": 1,}\n  ]\n}', 'x');
    assert.equal(r.problems[0].code, 'comment-parse');
    assert.deepEqual(r.problems[0].range.start, { line: 2, character: 17 });
    for (const bad of ['', '[', '{"comments": 3}', 'null', '{"comments":[1,"a",null]}']) parseJsonComments(bad, 'x');
  });
});

describe('readCommentDocument', () => {
  test('detects each format by content and extension', () => {
    assert.equal(readCommentDocument('file:///a/seed.txt', SEED_TEXT)?.format, 'text');
    assert.equal(readCommentDocument('file:///a/seed', SEED_TEXT)?.comments.length, 27);
    const yamlRound = readCommentDocument('c.yaml', printYamlComments(seed));
    assert.equal(yamlRound?.format, 'yaml');
    assert.deepEqual(storeData(yamlRound!), storeData(seed));
    assert.deepEqual(yamlRound?.problems, []);
    assert.equal(readCommentDocument('c.json', JSON.stringify(toCommentsJson(seed)))?.format, 'json');
    assert.equal(readCommentDocument('c.data', JSON.stringify(toCommentsJson(seed)))?.format, 'json');
    assert.equal(readCommentDocument('c.csv', printCsvComments(seed))?.comments.length, 27);
    assert.equal(readCommentDocument('c.tsv', '番号\t意見\t回答\n1\ta\tb\n')?.comments[0].response, 'b');
  });

  test('null for documents that are not comments', () => {
    assert.equal(readCommentDocument('guideline.md', `# ガイドライン\n\n${SEED_TEXT}`), null);
    assert.equal(readCommentDocument('.github/workflows/ci.yml', 'on: push\njobs: {}\n'), null);
    assert.equal(readCommentDocument('package.json', '{"name":"x"}'), null);
    assert.equal(readCommentDocument('data.csv', 'a,b\n1,2\n'), null);
    assert.equal(readCommentDocument('notes.txt', '会議メモ\n1 議題\n'), null);
  });

  test('bytes: Shift_JIS CSV from Excel decodes; damage becomes comment-encoding problems', () => {
    const csv = printCsvComments(seed);
    const round = readCommentDocument('c.csv', new Uint8Array(iconv.encode(csv, 'cp932')));
    assert.equal(round?.comments.length, 27);
    assert.deepEqual(round?.problems, []);
    const bytes = new Uint8Array(iconv.encode(`${csv}28,,,意見`, 'cp932'));
    const cut = readCommentDocument('c.csv', bytes.subarray(0, bytes.length - 1));
    assert.ok(cut?.problems.some((p) => p.code === 'comment-encoding'));
  });
});

describe('export', () => {
  test('Markdown in number order: marker, title, date and counts above the table', () => {
    const md = exportCommentsMarkdown({ ...seed, date: '2015-03-31' });
    const lines = md.split('\n');
    assert.ok(lines[0].startsWith('<!-- guideline-tools:export '));
    assert.ok(isToolExport(md));
    assert.equal(lines[2], `# ${seed.title}`);
    assert.equal(lines[4], '2015年3月31日');
    assert.equal(lines[6], '意見 27件（法人 16件、個人 6件、地方公共団体 4件、不明 1件）');
    assert.equal(lines[8], '| 番号 | 該当箇所 | 提出者 | 提出された意見 | 意見に対する考え方 |');
    assert.ok(lines[10].startsWith('| 1 | 3.8.1 （解説）（2）⑬（注7） （107ページ） | 個人 | 情報セキュリティ'));
    assert.ok(lines[10].includes('ありません。<br>ご指摘につきましては'));
    assert.equal(lines.filter((l) => l.startsWith('| ') && /^\| \d+ \|/.test(l)).length, 27);
  });

  test('grouped by section, numeric order, general last, optional disposition and status columns', () => {
    const groups = groupComments(seed, 'section');
    assert.deepEqual(
      groups.map((g) => g.section),
      ['1.6.1', '3.4.2', '3.4.4', '3.5.1', '3.5.4', '3.6', '3.6.1', '3.6.2', '3.6.3', '3.6.5', '3.8.1', '3.8.3', null],
    );
    assert.deepEqual(
      groups[groups.length - 1].comments.map((c) => c.number),
      [5, 10, 11],
    );
    const md = exportCommentsMarkdown(seed, { order: 'section', disposition: true, promise: true });
    assert.ok(
      md.indexOf('## 3.6\n') < md.indexOf('## 3.6.1\n') && md.indexOf('## 3.8.3') < md.indexOf('## 全般・その他'),
    );
    assert.ok(md.includes('| 対応 | 対応状況 |'));
    assert.ok(md.includes('| 修正あり | 未着手 |'));
    assert.ok(md.includes('| 参考 |  |'));
    const en = exportCommentsMarkdown(seed, { order: 'section', locale: 'en' });
    assert.ok(en.includes('## General') && en.includes('| No. | Location |'));
  });

  test('pipes are escaped in Markdown cells', () => {
    const md = exportCommentsMarkdown({ title: null, date: null, comments: [{ ...seed.comments[0], opinion: 'a|b' }] });
    assert.ok(md.includes('a\\|b'));
  });

  test('CSV export: a marker row above the header; never read back as a round', () => {
    const csv = exportCommentsCsv(seed, { order: 'section', disposition: true });
    const rows = parseCsvTable(csv).rows;
    assert.match(rows[0][0].value, /^guideline-tools:export /);
    assert.deepEqual(
      rows[1].map((c) => c.value),
      ['番号', '該当箇所', '提出者', '提出された意見', '意見に対する考え方', '対応'],
    );
    assert.equal(rows[2][0].value, '9');
    assert.equal(readCommentDocument('export.csv', csv), null);
    assert.equal(readCommentDocument('export.csv', `\uFEFF${csv}`), null);
    // Without the marker the same table is a comment table (a store the editor made by hand).
    const back = readCommentDocument('table.csv', csv.slice(csv.indexOf('\r\n') + 2))!;
    assert.equal(back.comments.length, 27);
    assert.deepEqual(back.comments.find((c) => c.number === 6)?.dispositionOverride, 'accepted');
  });
});
