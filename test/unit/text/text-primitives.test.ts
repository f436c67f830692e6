import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/core/text/position';
import { toHalfWidthAscii } from '../../../server/src/core/text/width';

/** The definitions the fast implementations must keep: one break per \r\n, \n or lone \r. */
function referenceLineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

function referenceHalfWidth(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
      return code === 0x3000 ? ' ' : ch;
    })
    .join('');
}

describe('text primitives', () => {
  test('LineIndex finds every line start: \\n, \\r\\n and a lone \\r, at either end too', () => {
    assert.deepEqual(new LineIndex('一行目\r\n二行目\r三行目\n\n').lineStarts, [0, 5, 9, 13, 14]);
    assert.deepEqual(new LineIndex('\r').lineStarts, [0, 1]);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'あ', '\n', '\r', '\r\n', ' ', '𠮷'), maxLength: 80 }),
        (text) => {
          assert.deepEqual(new LineIndex(text).lineStarts, referenceLineStarts(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('toHalfWidthAscii maps full-width ASCII and the ideographic space, and nothing else', () => {
    assert.equal(toHalfWidthAscii('３．８．１　（２）ＳＭＳ'), '3.8.1 (2)SMS');
    assert.equal(toHalfWidthAscii('ｶﾀｶﾅ・「」ー'), 'ｶﾀｶﾅ・「」ー');
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'Ａ', '１', '（', '～', '\u3000', '｡', 'ｰ', 'あ', '𠮷', '\uff00', '\uff5f'),
          maxLength: 40,
        }),
        (text) => {
          assert.equal(toHalfWidthAscii(text), referenceHalfWidth(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
