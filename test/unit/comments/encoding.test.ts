import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../../server/src/core/text/encoding';

const JA = '番号,該当箇所,提出者\r\n1,３．６．１ 【例文】（１４）①,地方公共団体\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  test('UTF-8 with and without BOM', () => {
    const plain = decodeBytes(utf8(JA));
    assert.deepEqual([plain.text, plain.encoding, plain.confidence, plain.problems], [JA, 'utf-8', 'certain', []]);
    const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(JA)]));
    assert.deepEqual([bom.text, bom.encoding, bom.confidence], [JA, 'utf-8-bom', 'certain']);
  });

  test('UTF-16 with BOM and without (NUL pattern)', () => {
    const le = iconv.encode(JA, 'utf-16le');
    const withBom = decodeBytes(new Uint8Array([0xff, 0xfe, ...le]));
    assert.deepEqual([withBom.text, withBom.encoding, withBom.confidence], [JA, 'utf-16le', 'certain']);
    const be = decodeBytes(new Uint8Array([0xfe, 0xff, ...iconv.encode(JA, 'utf-16be')]));
    assert.deepEqual([be.text, be.encoding], [JA, 'utf-16be']);
    const ascii = 'No,comment\r\n1,abc\r\n';
    const noBom = decodeBytes(new Uint8Array(iconv.encode(ascii, 'utf-16le')));
    assert.deepEqual([noBom.text, noBom.encoding, noBom.confidence], [ascii, 'utf-16le', 'likely']);
  });

  test('Shift_JIS / CP932 bytes from iconv-lite', () => {
    const bytes = new Uint8Array(iconv.encode(JA, 'cp932'));
    const d = decodeBytes(bytes);
    assert.deepEqual([d.text, d.encoding, d.confidence, d.problems], [JA, 'shift_jis', 'likely', []]);
    const kana = decodeBytes(new Uint8Array(iconv.encode('ｱｲｳ 半角カナと①②', 'cp932')));
    assert.equal(kana.text, 'ｱｲｳ 半角カナと①②');
  });

  test('a file cut in the middle of a character is reported', () => {
    const cutUtf8 = utf8('意見');
    const d = decodeBytes(cutUtf8.subarray(0, 4));
    assert.equal(d.encoding, 'utf-8');
    assert.deepEqual(
      d.problems.map((p) => [p.code, p.byteOffset]),
      [['encoding-truncated', 3]],
    );
    assert.match(d.problems[0].message.ja, /文字の途中で切れています/);
    const sjis = new Uint8Array(iconv.encode('提出された意見', 'cp932'));
    const s = decodeBytes(sjis.subarray(0, sjis.length - 1));
    assert.equal(s.encoding, 'shift_jis');
    assert.ok(s.problems.some((p) => p.code === 'encoding-truncated' && p.byteOffset === sjis.length - 2));
  });

  test('NUL bytes and undecodable bytes are reported with positions', () => {
    const nul = decodeBytes(utf8('a\nb\u0000c'));
    assert.deepEqual(
      nul.problems.map((p) => [p.code, p.byteOffset, p.range.start]),
      [['encoding-nul', 3, { line: 1, character: 1 }]],
    );
    const garbage = decodeBytes(new Uint8Array([0x41, 0x80, 0x80, 0xff, 0x42]));
    assert.equal(garbage.confidence, 'unsure');
    assert.ok(garbage.problems.some((p) => p.code === 'encoding-invalid'));
    assert.ok(garbage.problems.some((p) => p.code === 'encoding-guess'));
  });

  test('empty input', () => {
    assert.deepEqual(decodeBytes(new Uint8Array()), {
      text: '',
      encoding: 'utf-8',
      confidence: 'certain',
      problems: [],
    });
  });
});
