import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { textSimilarity } from '../../../server/src/core/revisions/similarity';
import { charDiff } from '../../../server/src/core/revisions/char-diff';

const japanese = fc.string({
  unit: fc.constantFrom(...'情報セキュリティ対策基準を定める。職員等はサーバー'),
  maxLength: 40,
});

describe('similarity and character diff (core/revisions)', () => {
  test('similarity: 1 for equal texts, symmetric, higher for a small edit than for another sentence', () => {
    const a = '職員等は、情報資産を外部に持ち出してはならない。';
    assert.equal(textSimilarity(a, a), 1);
    const edited = textSimilarity(a, '職員等は、情報資産を無断で外部に持ち出してはならない。');
    const other = textSimilarity(a, '外部委託事業者の選定に当たっては確認する。');
    assert.ok(edited > 0.8 && other < 0.3, `${edited} ${other}`);
    fc.assert(fc.property(japanese, japanese, (x, y) => textSimilarity(x, y) === textSimilarity(y, x)));
  });

  test('charDiff rebuilds both texts and groups a replaced word into one removed and one added span', () => {
    const spans = charDiff('SMSを利用する。', 'ソーシャルメディアサービスを利用する。');
    assert.deepEqual(spans, [
      { kind: 'removed', text: 'SMS' },
      { kind: 'added', text: 'ソーシャルメディアサービス' },
      { kind: 'same', text: 'を利用する。' },
    ]);
    fc.assert(
      fc.property(japanese, japanese, (before, after) => {
        const d = charDiff(before, after);
        const rebuild = (skip: string) =>
          d
            .filter((s) => s.kind !== skip)
            .map((s) => s.text)
            .join('');
        return rebuild('added') === before && rebuild('removed') === after;
      }),
    );
  });
});
