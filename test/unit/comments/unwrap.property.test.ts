import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { displayWidth } from '../../../server/src/core/comments/unwrap';

/** The definition: every code point (a lone surrogate is one) counts 2 unless Latin-1 or half-width katakana. */
function referenceWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code > 0xff && !(code >= 0xff61 && code <= 0xff9f) ? 2 : 1;
  }
  return width;
}

const CHARS = [
  'a',
  ' ',
  '\t',
  'é',
  '\u00ff',
  '\u0100',
  'あ',
  '漢',
  '　',
  'ｱ',
  '\uff60',
  '\uff61',
  '\uff9f',
  '\uffa0',
  '（',
  '１',
  '😀',
  '\ud800',
  '\udc00',
  '\uffff',
];

describe('displayWidth (fast-check)', () => {
  test('equals the per-code-point definition on random and Japanese text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((a) => a.join('')),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
        ),
        (text) => assert.equal(displayWidth(text), referenceWidth(text), JSON.stringify(text)),
      ),
      { numRuns: 2000 },
    );
    for (const text of [
      '',
      '昨今の攻撃においても、ゲートウェイを狙った手法が一定量存在している。',
      'CSIRT（Computer Security）',
    ])
      assert.equal(displayWidth(text), referenceWidth(text));
  });
});
