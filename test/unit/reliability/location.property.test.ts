import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLocation } from '../../../server/src/core/comments/location';
import { toHalfWidthAscii } from '../../../server/src/core/text/width';

const LOCATION_TOKENS = [
  '3.8.1',
  '３．８．１',
  '3.6',
  '3',
  '12',
  '3.6.3.',
  '107',
  '（解説）',
  '(解説)',
  '【例文】',
  '【趣旨】',
  '解説',
  '（2）',
  '(2)',
  '（１４）',
  '⑬',
  '①',
  '㉑',
  '（注7）',
  '注2',
  '(注',
  '図表5',
  '図 3',
  '表',
  'ア',
  '（イ）',
  'アクセス制御',
  '（107ページ）',
  '107頁',
  'P41',
  'p.108',
  'p',
  'ページ',
  '全般',
  'その他',
  '-',
  'なし',
  ' ',
  '　',
  '\n',
  '、',
  ',',
  '・',
  ':',
  '：',
  '(',
  ')',
  '（',
  '）',
  '【',
  '】',
  '〔',
  '[',
  '.',
  '．',
  '。',
];
const locationText = fc.oneof(
  fc.array(fc.constantFrom(...LOCATION_TOKENS), { maxLength: 12 }).map((p) => p.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('location parser properties (fast-check)', () => {
  test('never throws; raw is the collapsed input; fields are well-formed and come from the text', () => {
    fc.assert(
      fc.property(locationText, (raw) => {
        const result = parseLocation(raw);
        const collapsed = raw.replace(/\s+/g, ' ').trim();
        if (result === null) {
          assert.ok(collapsed.length <= 3, `only placeholders are no location: ${JSON.stringify(raw)}`);
          return;
        }
        assert.equal(result.raw, collapsed);
        // Municipal numbering (「2―6―2」, any dash between numbers) is read as the section 2.6.2.
        const normal = toHalfWidthAscii(collapsed)
          .replace(/[．｡。]/g, '.')
          .replace(/(?<=\d)\s*[-‐‑–—―−－ー]\s*(?=\d)/g, '.');
        if (result.section !== null) {
          assert.match(result.section, /^\d+(?:\.\d+)*$/);
          assert.ok(normal.includes(result.section), `section ${result.section} is in ${normal}`);
        }
        if (result.page !== null) {
          assert.ok(Number.isSafeInteger(result.page) && result.page >= 0);
          assert.ok(normal.includes(String(result.page)), `page ${result.page} from the text`);
        }
        for (const item of result.items)
          assert.match(
            item,
            /^(?:\((?:\d+|[ア-ン]|[a-zA-Z]|注\d+)\)|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|[ア-ン]|(?:図表|図|表)\d+)$/u,
          );
        // Parsing what was kept gives the same location.
        assert.deepEqual(parseLocation(result.raw), result);
      }),
      { numRuns: 1500 },
    );
  });

  test('long hostile strings finish (hang guard)', { timeout: 60_000 }, () => {
    for (const unit of ['(', '（注', '3.', '1', 'ア', '【', ' ', 'p', '図表']) {
      const raw = unit.repeat(20_000);
      const result = parseLocation(raw);
      assert.ok(result === null || result.raw.length <= raw.length);
    }
  });
});
