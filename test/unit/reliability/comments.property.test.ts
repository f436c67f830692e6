import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePublishedText } from '../../../server/src/core/comments/formats/published-text';
import type { CommentRound } from '../../../server/src/core/comments/model';
import { comparePositions, LineIndex, type Range } from '../../../server/src/core/text/position';
import { FIXTURES } from '../../support/paths';

const SEED = readFileSync(join(FIXTURES, 'comments/seed-pubcomment-2015-lg-security-guideline.txt'), 'utf8');
const HEADER = '番号 該当箇所 提出者 提出された意見 意見に対する考え方';
const seed = parsePublishedText(SEED, 'seed.txt');
const seedLines = SEED.split('\n');
/** Lines of each record: from its first line to the line before the next record. */
const blocks = seed.comments.map((c, i) =>
  seedLines.slice(
    c.range.start.line,
    i + 1 < seed.comments.length ? seed.comments[i + 1].range.start.line : seedLines.length,
  ),
);
const preamble = seedLines.slice(0, seed.comments[0].range.start.line);

function assertSane(text: string, round: CommentRound): void {
  const index = new LineIndex(text);
  const end = index.positionAt(text.length);
  const inside = (r: Range) =>
    comparePositions({ line: 0, character: 0 }, r.start) <= 0 &&
    comparePositions(r.start, r.end) <= 0 &&
    comparePositions(r.end, end) <= 0;
  let previous: Range | null = null;
  for (const c of round.comments) {
    assert.ok(inside(c.range), 'record range inside');
    if (previous) assert.ok(comparePositions(previous.end, c.range.start) <= 0, 'records ordered and disjoint');
    previous = c.range;
    // Every record's text is taken from the input: each line of the extracted fields is in the file.
    for (const field of [c.raw?.opinion ?? '', c.raw?.response ?? '']) {
      for (const line of field.split('\n'))
        if (line.trim()) assert.ok(text.includes(line.trim()), `from the input: ${line}`);
    }
  }
  for (const p of round.problems) assert.ok(inside(p.range), 'problem range inside');
}

const byNumber = (round: CommentRound) => new Map(round.comments.map((c) => [c.number, c]));
const squash = (s: string) => s.replace(/\s+/g, '');

describe('comment parser: mutations of the 2015 seed (fast-check)', () => {
  test('a header row spliced into the middle of a sentence is transparent', () => {
    const opinionLines = seed.comments.flatMap((c) => {
      const from = c.fields?.opinion?.start.line ?? -1;
      const to = c.fields?.opinion?.end.line ?? -2;
      return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k).filter(
        (l) => seedLines[l].trim().length > 4,
      );
    });
    fc.assert(
      fc.property(fc.constantFrom(...opinionLines), fc.nat(), (line, at) => {
        const copy = [...seedLines];
        const cut = 1 + (at % (copy[line].length - 1));
        copy[line] = copy[line].slice(0, cut) + HEADER + copy[line].slice(cut);
        const text = copy.join('\n');
        const round = parsePublishedText(text, 'x');
        assertSane(text, round);
        assert.deepEqual(
          round.comments.map((c) => c.number),
          seed.comments.map((c) => c.number),
        );
        for (const c of round.comments)
          assert.equal(
            squash(c.opinion),
            squash(byNumber(seed).get(c.number)!.opinion),
            `opinion ${c.number} unchanged`,
          );
      }),
      { numRuns: 60 },
    );
  });

  test('records out of order: nothing lost, each record intact, the order reported', () => {
    fc.assert(
      fc.property(fc.nat({ max: blocks.length - 1 }), fc.nat({ max: blocks.length - 1 }), (a, b) => {
        fc.pre(a !== b);
        const order = blocks.map((_, i) => i);
        [order[a], order[b]] = [order[b], order[a]];
        const text = [...preamble, ...order.flatMap((i) => blocks[i])].join('\n');
        const round = parsePublishedText(text, 'x');
        assertSane(text, round);
        assert.deepEqual(
          round.comments.map((c) => c.number),
          order.map((i) => seed.comments[i].number),
        );
        for (const c of round.comments)
          assert.equal(squash(c.opinion), squash(byNumber(seed).get(c.number)!.opinion), `opinion ${c.number}`);
        assert.ok(
          round.problems.some((p) => p.code === 'comment-number-order'),
          'order problem',
        );
      }),
      { numRuns: 60 },
    );
  });

  test('a duplicated number keeps both records and is reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: blocks.length - 1 }), (k) => {
        const copy = blocks.map((b) => [...b]);
        // Record k+1 written with the number of record k.
        copy[k][0] = copy[k][0].replace(/^(\s*)\d+/, `$1${k}`);
        const text = [...preamble, ...copy.flat()].join('\n');
        const round = parsePublishedText(text, 'x');
        assertSane(text, round);
        assert.equal(round.comments.length, seed.comments.length);
        assert.equal(round.comments.filter((c) => c.number === k).length, 2);
        assert.ok(round.problems.some((p) => p.code === 'comment-number-duplicate'));
      }),
      { numRuns: 30 },
    );
  });

  test('an opinion that contains lines like "12 3.8.1 …" keeps them as text', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: blocks.length - 2 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(
          '3.8.1 （解説）（2）⑬にも同様の記載を追加すべきである。',
          '3.6.2 アクセス制御の例文を見直すべき。',
          '3.4.4 【例文】（1）と同じ',
        ),
        (k, n, rest) => {
          const record = seed.comments[k];
          fc.pre(n !== record.number + 1);
          const opinionLine = record.fields?.opinion?.start.line;
          fc.pre(opinionLine !== undefined);
          const copy = [...seedLines];
          const inserted = `${n} ${rest}`;
          copy.splice(opinionLine! + 1, 0, inserted);
          const text = copy.join('\n');
          const round = parsePublishedText(text, 'x');
          assertSane(text, round);
          assert.deepEqual(
            round.comments.map((c) => c.number),
            seed.comments.map((c) => c.number),
          );
          assert.ok(
            squash(round.comments[k].opinion).includes(squash(inserted)),
            `line kept in opinion ${record.number}`,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
