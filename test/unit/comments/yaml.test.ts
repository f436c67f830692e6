import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseYamlComments, printYamlComments } from '../../../server/src/core/comments/formats/yaml';
import type { CommentRecord } from '../../../server/src/core/comments/model';
import { parseLocation } from '../../../server/src/core/comments/location';
import { classifyResponse } from '../../../server/src/core/comments/disposition';
import { storeData } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../../test/fixtures/comments', name), 'utf8');

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('YAML store', () => {
  const round = parseYamlComments(fixture('comments.yaml'), 'file:///comments.yaml');

  test('fields, parsed location, classifier and override', () => {
    // The fixture is an excerpt (1, 6, 7): only the gap is reported.
    assert.deepEqual(
      round.problems.map((p) => p.code),
      ['comment-number-gap'],
    );
    assert.equal(
      round.title,
      '地方公共団体における情報セキュリティポリシーに関するガイドライン（案）に対する意見（抜粋）',
    );
    assert.equal(round.date, '2015-03-31');
    assert.deepEqual(
      round.comments.map((c) => c.number),
      [1, 6, 7],
    );
    const [c1, c6, c7] = round.comments;
    assert.deepEqual(c1.location?.items, ['(2)', '⑬', '(注7)']);
    assert.equal(c1.location?.page, 107);
    assert.ok(c1.opinion.endsWith('排除するようにならないか。\n'));
    assert.equal(c1.disposition, 'noted');
    assert.equal(c6.disposition, 'accepted');
    assert.equal(c6.notes, '用語「ソーシャルメディアサービス」の根拠');
    assert.equal(c7.location?.section, null);
    assert.equal(c7.dispositionOverride, 'accepted');
    assert.equal(c7.disposition, 'accepted');
  });

  test('ranges point at the YAML nodes', () => {
    const [c1, c6] = round.comments;
    assert.deepEqual(c1.range.start, { line: 3, character: 4 });
    assert.equal(c1.fields?.location?.start.line, 4);
    assert.equal(c1.fields?.opinion?.start.line, 6);
    assert.equal(c1.fields?.response?.start.line, 9);
    assert.equal(c6.range.start.line, 12);
    assert.deepEqual(c6.range.end, { line: 17, character: 31 });
  });

  test('syntax errors carry line and column; the rest is kept', () => {
    const bad = parseYamlComments('title: x\ncomments:\n  - number: 1\n    opinion: "unterminated\n', 'bad.yaml');
    assert.ok(bad.problems.length > 0);
    assert.equal(bad.problems[0].code, 'comment-parse');
    assert.match(bad.problems[0].message.ja, /YAML の構文エラー/);
    assert.ok(bad.problems[0].range.start.line >= 3);
  });

  test('shape problems: unknown keys, bad numbers, bad disposition, missing opinion, duplicates', () => {
    const text = [
      'comments:',
      '  - number: x',
      '    opinion: a',
      '    colour: red',
      '  - number: 1',
      '    opinion: b',
      '    disposition: maybe',
      '  - number: 3',
      '    response: c',
      '  - just text',
    ].join('\n');
    const r = parseYamlComments(text, 'x.yaml');
    assert.deepEqual(
      r.comments.map((c) => c.number),
      [1, 1, 3, 4],
    );
    const codes = r.problems.map((p) => `${p.code}@${p.range.start.line}`);
    assert.ok(codes.includes('comment-invalid-value@1'), codes.join());
    assert.ok(codes.includes('comment-unknown-field@3'));
    assert.ok(codes.includes('comment-invalid-value@6'));
    assert.ok(codes.includes('comment-missing-opinion@7'));
    assert.ok(codes.includes('comment-parse@9'));
    assert.ok(codes.includes('comment-number-duplicate@4'));
  });

  test('not a mapping: reported, never thrown', () => {
    for (const text of ['', '42', '- a\n- b', 'comments: 5', '{', ': :']) {
      const r = parseYamlComments(text, 'x.yaml');
      assert.ok(Array.isArray(r.comments));
    }
    assert.equal(parseYamlComments('comments: 5', 'x').problems[0].code, 'comment-parse');
  });

  test('print then parse returns the same data (fixture)', () => {
    const printed = printYamlComments(round);
    assert.match(printed, /opinion: \|/);
    assert.deepEqual(storeData(parseYamlComments(printed, 'p')), storeData(round));
  });

  test('property: parse(print(x)) = x on random Japanese text', () => {
    const jaChar = fc.constantFrom(
      ...'あいうえお漢字カタカナ「」（）【】、。・ー　 \n\t:#-|>\'"{}[]&*!%@`ａ１①ｱabc'.split(''),
    );
    const jaText = fc.string({ unit: jaChar, maxLength: 60 });
    const record = fc.record({
      number: fc.integer({ min: 1, max: 10000 }),
      location: fc.option(
        fc.constantFrom(
          '3.8.1 （解説）（2）⑬（注7）（107ページ）',
          '全般',
          '３．６．１ 【例文】（１４）',
          '1.6.1 図表5',
        ),
        { nil: null },
      ),
      submitter: fc.option(
        jaText.filter((s) => s.length > 0),
        { nil: null },
      ),
      opinion: jaText,
      response: jaText,
      override: fc.option(fc.constantFrom('accepted', 'as-drafted', 'already-covered', 'noted', 'other' as const), {
        nil: undefined,
      }),
      notes: fc.option(jaText, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.option(jaText, { nil: null }), fc.array(record, { maxLength: 5 }), (title, records) => {
        const comments: CommentRecord[] = records.map((r) => {
          const c: CommentRecord = {
            number: r.number,
            location: r.location === null ? null : parseLocation(r.location),
            submitter: r.submitter,
            opinion: r.opinion,
            response: r.response,
            disposition: r.override ?? classifyResponse(r.response),
            range: zero,
          };
          if (r.override) c.dispositionOverride = r.override;
          if (r.notes !== undefined) c.notes = r.notes;
          return c;
        });
        const round = { title, date: null, comments };
        const back = parseYamlComments(printYamlComments(round), 'p');
        assert.deepEqual(storeData(back), storeData(round));
        assert.deepEqual(
          back.problems.filter((p) => !p.code.startsWith('comment-number') && p.code !== 'comment-missing-opinion'),
          [],
        );
      }),
      { numRuns: 300 },
    );
  });
});
