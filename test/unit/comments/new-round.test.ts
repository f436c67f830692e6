import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EXAMPLES, FIXTURES } from '../../support/paths';
import { parsePublishedText } from '../../../server/src/core/comments/formats/published-text';
import { parseYamlComments } from '../../../server/src/core/comments/formats/yaml';
import { newRoundFromReceived } from '../../../server/src/core/comments/new-round';
import { dedupeRounds } from '../../../server/src/core/comments/duplicate-rounds';
import { readCommentFile } from '../../../server/src/host/comments/read-comment-file';
import { responsePhrases } from '../../../server/src/core/comments/response-phrases';
import type { CommentRecord, CommentRound } from '../../../server/src/core/comments/model';

const received = parsePublishedText(
  readFileSync(join(EXAMPLES, 'comments/pubcomment-2015.txt'), 'utf8'),
  'file:///w/comments/pubcomment-2015.txt',
);

/** A ○○市 team's table of received opinions with draft answers, one already decided. */
function municipalRound(records: Array<Partial<CommentRecord> & { number: number }>): CommentRound {
  return {
    uri: 'file:///w/受付一覧.csv',
    title: '「○○市情報セキュリティポリシー（改定案）」に対する意見及びそれに対する考え方',
    date: '2026-11-20',
    format: 'csv',
    problems: [],
    comments: records.map((r) => ({
      location: null,
      submitter: '個人',
      opinion: '',
      response: '',
      disposition: 'other',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      ...r,
    })),
  };
}

describe('新しい回を作成: a received table as the YAML store of a new round', () => {
  test('the 2015 result: every opinion, place and submitter kept; the responses empty for the editors', () => {
    const drafted = newRoundFromReceived(received, 'empty');
    assert.equal(drafted.comments, 27);
    assert.equal(drafted.withResponses, 27);
    assert.equal(drafted.renumbered, false);
    const round = parseYamlComments(drafted.yaml, 'file:///w/comments/round.yaml');
    assert.deepEqual(round.problems, []);
    assert.equal(round.title, received.title);
    assert.deepEqual(
      round.comments.map((c) => [c.number, c.location?.raw ?? null, c.submitter, c.opinion.trim()]),
      received.comments.map((c) => [c.number, c.location?.raw ?? null, c.submitter, c.opinion.trim()]),
    );
    assert.ok(round.comments.every((c) => c.response === ''));
    // The value is left blank where the editor types, and the store says how to go on.
    assert.equal((drafted.yaml.match(/^ {4}response:$/gm) ?? []).length, 27);
    assert.match(drafted.yaml, /^# 新しい意見募集の回/);
    assert.doesNotMatch(drafted.yaml, /^\s+(status|assignee|disposition):/m);
  });

  test('carried over: the drafts stay and the disposition follows them; decisions on old answers do not', () => {
    const team = municipalRound([
      {
        number: 1,
        location: { raw: '3.6.2 （解説）', section: '3.6.2', part: '解説', items: [], page: null },
        opinion: 'アクセス権限の棚卸しの頻度を示してほしい。',
        response: 'ご指摘の趣旨を踏まえ、年1回以上の棚卸しを追記いたします。',
        disposition: 'accepted',
        status: 'done',
        assignee: '情報政策課 山田',
      },
      {
        number: 2,
        opinion: 'パスワードの定期変更は不要ではないか。',
        response: '原案のとおりとします。',
        disposition: 'noted',
        dispositionOverride: 'noted',
        notes: '課内で再検討',
      },
      { number: 3, opinion: 'USBメモリの持出し手続を簡素化してほしい。' },
    ]);
    const drafted = newRoundFromReceived(team, 'keep');
    assert.equal(drafted.withResponses, 2);
    const round = parseYamlComments(drafted.yaml, 'file:///w/round.yaml');
    assert.deepEqual(
      round.comments.map((c) => [c.number, c.disposition, c.status ?? null, c.assignee ?? null, c.notes ?? null]),
      [
        [1, 'accepted', null, null, null],
        [2, 'as-drafted', null, null, '課内で再検討'],
        [3, 'other', null, null, null],
      ],
    );
    assert.equal(round.comments[0].response, 'ご指摘の趣旨を踏まえ、年1回以上の棚卸しを追記いたします。');
  });

  test('numbers restarting in each group (Ⅰ-1, Ⅱ-1) are numbered 1…n, the received id kept in notes', async () => {
    const path = join(FIXTURES, 'comments/layouts/soumu-groups-restart.xlsx');
    const table = (await readCommentFile(path, 'file:///w/soumu.xlsx', readFileSync(path)))!;
    const ids = table.comments.map((c) => c.id);
    assert.ok(new Set(table.comments.map((c) => c.number)).size < ids.length, 'the fixture restarts its numbers');
    const drafted = newRoundFromReceived(table, 'empty');
    assert.equal(drafted.renumbered, true);
    const round = parseYamlComments(drafted.yaml, 'file:///w/round.yaml');
    assert.deepEqual(
      round.comments.map((c) => c.number),
      ids.map((_, i) => i + 1),
    );
    assert.deepEqual(
      round.comments.map((c) => c.notes),
      ids.map((id) => `元の番号: ${id}`),
    );
  });

  test('the new round and the received table in one workspace count once: the YAML store is kept', () => {
    const drafted = parseYamlComments(newRoundFromReceived(received, 'empty').yaml, 'file:///w/comments/round.yaml');
    const { rounds, duplicates } = dedupeRounds([received, drafted]);
    assert.deepEqual(
      rounds.map((r) => r.uri),
      ['file:///w/comments/round.yaml'],
    );
    assert.equal(duplicates[0].dropped.uri, received.uri);
  });

  test('completion on a blank `response:` inserts the phrase after a space, so the YAML stays a mapping', () => {
    const round = parseYamlComments(newRoundFromReceived(received, 'empty').yaml, 'file:///w/round.yaml');
    const line = '    response:';
    const phrases = responsePhrases(round, line, { line: 20, character: line.length }, 'ja');
    assert.equal(phrases[0].insertText, ' 原案のとおりとさせていただきます。');
    const typed = '    response: ';
    assert.equal(
      responsePhrases(round, typed, { line: 20, character: typed.length }, 'ja')[0].insertText,
      '原案のとおりとさせていただきます。',
    );
    const answered = newRoundFromReceived(received, 'empty').yaml.replace(
      /^( {4}response:)$/m,
      `$1${phrases[1].insertText}`,
    );
    const reread = parseYamlComments(answered, 'file:///w/round.yaml');
    assert.deepEqual(reread.problems, []);
    assert.equal(reread.comments[0].disposition, 'accepted');
  });

  test('property: any received opinions, places and submitters read back from the new round as written', () => {
    const text = fc.string({ unit: fc.constantFrom('あ', '漢', 'A', ' ', '\n', ':', '#', '"', '「', '」', '-', '|') });
    fc.assert(
      fc.property(fc.array(fc.record({ opinion: text, submitter: text }), { minLength: 1, maxLength: 5 }), (rows) => {
        const team = municipalRound(rows.map((r, i) => ({ number: i + 1, ...r })));
        const round = parseYamlComments(newRoundFromReceived(team, 'empty').yaml, 'file:///w/round.yaml');
        assert.deepEqual(
          round.comments.map((c) => [c.opinion, c.submitter ?? '']),
          rows.map((r) => [r.opinion, r.submitter]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
