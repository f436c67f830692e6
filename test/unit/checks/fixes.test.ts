import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes, applyOffsetEdits, safeFixEdits } from '../../../server/src/core/checks/fixes';
import type { Finding } from '../../../server/src/core/findings';

const r = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

describe('applying edits', () => {
  test('applies sorted, non-overlapping edits in one pass whatever the input order', () => {
    const result = applyOffsetEdits('ポリシ｜とサ一バ', [
      { start: 6, end: 7, newText: 'ー' },
      { start: 3, end: 4, newText: 'ー' },
    ]);
    assert.equal(result.text, 'ポリシーとサーバ');
    assert.deepEqual(result.rejected, []);
  });

  test('rejects an edit overlapping an earlier one and edits out of range', () => {
    const result = applyOffsetEdits('abcdef', [
      { start: 1, end: 3, newText: 'X' },
      { start: 2, end: 4, newText: 'Y' },
      { start: 3, end: 3, newText: '+' },
      { start: 5, end: 9, newText: 'Z' },
      { start: 4, end: 2, newText: 'W' },
    ]);
    assert.equal(result.text, 'aX+def');
    assert.deepEqual(result.rejected.map((e) => e.newText).sort(), ['W', 'Y', 'Z']);
  });

  test('two insertions at one point: the second is rejected', () => {
    const result = applyOffsetEdits('ab', [
      { start: 1, end: 1, newText: 'x' },
      { start: 1, end: 1, newText: 'y' },
    ]);
    assert.equal(result.text, 'axb');
    assert.equal(result.rejected.length, 1);
  });

  test('applyFixes takes LSP ranges, CRLF included', () => {
    const text = 'ポリシ｜\r\nサ一バ';
    const result = applyFixes(text, [
      { range: r(1, 1, 1, 2), newText: 'ー' },
      { range: r(0, 3, 0, 4), newText: 'ー' },
    ]);
    assert.equal(result.text, 'ポリシー\r\nサーバ');
  });

  test('safeFixEdits takes the first safe fix of each finding and skips overlapping whole fixes', () => {
    const finding = (range: ReturnType<typeof r>, newText: string, safe: boolean): Finding => ({
      code: 'x',
      severity: 'warning',
      message: '',
      range,
      fixes: [
        { title: 'unsafe', edits: [{ range, newText: '?' }], safe: false },
        { title: 'safe', edits: [{ range, newText }], safe },
      ],
    });
    const findings = [
      finding(r(0, 0, 0, 2), 'A', true),
      finding(r(0, 1, 0, 3), 'B', true),
      finding(r(0, 4, 0, 5), 'C', false),
      finding(r(0, 3, 0, 4), 'D', true),
    ];
    assert.deepEqual(
      safeFixEdits('abcdef', findings).map((e) => e.newText),
      ['A', 'D'],
    );
  });
});
