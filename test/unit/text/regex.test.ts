import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { execAll } from '../../../server/src/core/text/regex';

/** What matchAll gives: the matched text, the index and the groups of each match. */
const shape = (matches: Iterable<RegExpMatchArray>) => [...matches].map((m) => [m.index, ...m]);

// Patterns of the shapes the rules use, and ones that match the empty string (the loop must advance).
const PATTERNS = [
  /但し|尚|且つ/g,
  /出来(?<!不出来)(?=る|な[いかくけ]|ます)/g,
  /([0-9０-９]+)(?=[件人円])/g,
  /^[ \t]*(?:[-*]|#{1,6})?/gm,
  /(?:)/g,
  /x*/g,
  /(?:)/gu,
  /[𠮟𩸽]?/gu,
];
const ALPHABET = [
  '但',
  'し',
  '尚',
  '且',
  'つ',
  '出',
  '来',
  'る',
  '不',
  '1',
  '２',
  '件',
  '#',
  '-',
  ' ',
  '\n',
  'x',
  '𠮟',
  '𩸽',
  'あ',
];

describe('execAll (core/text/regex.ts)', () => {
  test('gives the matches String.prototype.matchAll gives, empty matches and surrogate pairs included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATTERNS),
        fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((cs) => cs.join('')),
        (pattern, text) => {
          assert.deepEqual(shape(execAll(pattern, text)), shape(text.matchAll(pattern)));
          assert.equal(pattern.lastIndex, 0, 'the shared pattern is left at the start');
        },
      ),
      { numRuns: 400 },
    );
  });

  test('refuses a pattern without the g flag, as matchAll does', () => {
    assert.throws(() => execAll(/但し/, '但し'), /global/);
  });
});
