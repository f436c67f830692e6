/**
 * official-joyo-kanji finds its characters by jumping through one character class of every kanji outside
 * the table: for every BMP kanji alone and inside text, it flags exactly those the shipped table lacks.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { officialJoyoKanjiRule } from '../../../../server/src/core/checks/rules/official/joyo-kanji';
import joyo from '../../../../server/src/core/checks/rules/official/data/joyo-kanji.json';

const TABLE = new Set<string>([...joyo.kanji, ...joyo.allowedVariants, '々', '〆', '〇']);
const flagged = (text: string) =>
  officialJoyoKanjiRule.check({ masked: text, text } as never).map((f) => text.slice(f.start, f.end));

describe('official-joyo-kanji scans every kanji block', () => {
  test('each BMP kanji, between kana: flagged exactly when outside the table', () => {
    const wrong: string[] = [];
    for (const [from, to] of [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
    ]) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        const outside = !TABLE.has(ch);
        const found = flagged(`これは${ch}です。`);
        if (found.length > 0 !== outside || (outside && !found.some((f) => f.includes(ch)))) wrong.push(ch);
      }
    }
    assert.deepEqual(wrong.slice(0, 20), []);
  });

  test('supplementary ideographs: 𠮟 is in the table, 𩸽 is not; the scan goes on after both', () => {
    assert.deepEqual(flagged('𠮟責と𩸽と綺麗な'), ['𩸽', '綺麗']);
  });
});
