/**
 * Comment documents and CSV in the encodings users bring: each is read without mojibake, or the
 * reading problem is reported at a position. Property: decoded text never holds U+FFFD (or NUL)
 * without a problem saying so.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { readCommentDocument } from '../../../server/src/core/comments/read';
import { decodeBytes } from '../../../server/src/core/text/encoding';
import { FIXTURES } from '../../support/paths';

const SEED = readFileSync(join(FIXTURES, 'comments/seed-pubcomment-2015-lg-security-guideline.txt'), 'utf8');
const CSV = readFileSync(join(FIXTURES, 'comments/comments-excel.csv'), 'utf8');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const encode = (s: string, encoding: string) => new Uint8Array(iconv.encode(s, encoding));
const withBom = (bom: number[], bytes: Uint8Array) => new Uint8Array([...bom, ...bytes]);

const numbers = (round: ReturnType<typeof readCommentDocument>) => round?.comments.map((c) => c.number) ?? [];
const codes = (round: ReturnType<typeof readCommentDocument>) => round?.problems.map((p) => p.code) ?? [];

describe('comment documents in every encoding', () => {
  const expectedText = readCommentDocument('seed.txt', SEED)!;
  const expectedCsv = readCommentDocument('c.csv', CSV)!;
  const cases: Array<[string, (s: string) => Uint8Array]> = [
    ['UTF-8', utf8],
    ['UTF-8 with BOM', (s) => withBom([0xef, 0xbb, 0xbf], utf8(s))],
    ['UTF-16LE with BOM', (s) => withBom([0xff, 0xfe], encode(s, 'utf-16le'))],
    ['UTF-16BE with BOM', (s) => withBom([0xfe, 0xff], encode(s, 'utf-16be'))],
    ['Shift_JIS (CP932)', (s) => encode(s, 'cp932')],
    ['CRLF line ends', (s) => utf8(s.replace(/\r?\n/g, '\r\n'))],
    ['Shift_JIS with CRLF', (s) => encode(s.replace(/\r?\n/g, '\r\n'), 'cp932')],
  ];
  for (const [name, bytesOf] of cases) {
    test(`${name}: published text and CSV read the same records and text`, () => {
      const text = readCommentDocument('file:///seed.txt', bytesOf(SEED));
      assert.deepEqual(numbers(text), numbers(expectedText));
      assert.deepEqual(
        text!.comments.map((c) => c.opinion),
        expectedText.comments.map((c) => c.opinion),
      );
      assert.ok(!text!.comments.some((c) => c.opinion.includes('\uFFFD')));
      const csv = readCommentDocument('file:///c.csv', bytesOf(CSV));
      assert.deepEqual(numbers(csv), numbers(expectedCsv));
      assert.deepEqual(
        csv!.comments.map((c) => c.opinion.replace(/\r\n/g, '\n')),
        expectedCsv.comments.map((c) => c.opinion.replace(/\r\n/g, '\n')),
      );
    });
  }

  test('a file cut in the middle of a multi-byte character: records kept, the cut reported', () => {
    for (const bytes of [utf8(`${SEED}意`), encode(`${SEED}意`, 'cp932')]) {
      // The last character is two or three bytes long: drop its last byte.
      const round = readCommentDocument('file:///cut.txt', bytes.subarray(0, bytes.length - 1));
      assert.ok(round, 'still read');
      assert.deepEqual(numbers(round), numbers(expectedText));
      assert.ok(codes(round).includes('comment-encoding'));
      assert.ok(
        round!.problems.some((p) => p.code === 'comment-encoding' && p.range.start.line > 400),
        'at the end of the file',
      );
    }
  });

  test('NUL bytes are reported at their place', () => {
    const lines = SEED.split('\n');
    lines[20] = `${lines[20].slice(0, 3)}\u0000${lines[20].slice(3)}`;
    const round = readCommentDocument('file:///nul.txt', utf8(lines.join('\n')));
    const nul = round!.problems.find((p) => p.code === 'comment-encoding');
    assert.deepEqual(nul?.range.start, { line: 20, character: 3 });
  });

  test('mixed encodings (a Shift_JIS record pasted into UTF-8): reported, never silent mojibake', () => {
    const half = SEED.indexOf('\n15 ');
    const bytes = new Uint8Array([...utf8(SEED.slice(0, half)), ...encode(SEED.slice(half), 'cp932')]);
    const decoded = decodeBytes(bytes);
    assert.notEqual(decoded.confidence, 'certain');
    const round = readCommentDocument('file:///mixed.txt', bytes);
    assert.ok(round, 'still read');
    assert.ok(
      round!.problems.some((p) => p.code === 'comment-encoding'),
      'problem reported',
    );
  });

  test('property: arbitrary bytes never throw; U+FFFD or NUL in the text always comes with a problem', () => {
    const fragments = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.constantFrom(
        utf8('意見'),
        encode('意見', 'cp932'),
        encode('意見', 'utf-16le'),
        new Uint8Array([0xef, 0xbb, 0xbf]),
        new Uint8Array([0xff, 0xfe]),
        new Uint8Array([0]),
        utf8('\r\n'),
      ),
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 8 }), (parts) => {
        const bytes = new Uint8Array(parts.flatMap((p) => [...p]));
        const decoded = decodeBytes(bytes);
        const textHasProblemChars = /[\uFFFD\0]/.test(decoded.text.replace(/^\uFEFF/, ''));
        if (textHasProblemChars) assert.ok(decoded.problems.length > 0, 'a problem explains the replacement');
        for (const uri of ['x.txt', 'x.csv', 'x.json', 'x.yaml']) readCommentDocument(uri, bytes);
      }),
      { numRuns: 400 },
    );
  });
});
