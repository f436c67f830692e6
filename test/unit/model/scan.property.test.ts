import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scanRange } from '../../../server/src/core/model/scan';
import { LineIndex } from '../../../server/src/core/text/position';
import { markdownText } from '../reliability/helpers';

/** The line-by-line definition scanRange's skipping must equal (the fence and heading rules, every line). */
function referenceBoundaries(text: string, from: number, to: number): { starts: number[]; fenceOpen: boolean } {
  const starts: number[] = [];
  let chunkStart = from;
  let hasHeading = false;
  let fence: { char: string; length: number } | null = null;
  let offset = from;
  if (from === 0 && text.startsWith('---')) {
    // Front matter: left to scanRange itself (compared only on texts without it).
    return { starts: [], fenceOpen: false };
  }
  while (offset < to) {
    let lineEnd = text.indexOf('\n', offset);
    const next = lineEnd < 0 ? text.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (contentEnd > offset && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    const line = text.slice(offset, contentEnd);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
    } else if (fenceMatch && !(fenceMatch[1][0] === '`' && line.slice(fenceMatch[0].length).includes('`'))) {
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
    } else if (/^ {0,3}(#{1,6})(?:[ \t\u3000]+|$)/.test(line)) {
      if (offset > chunkStart || hasHeading) starts.push(chunkStart);
      chunkStart = offset;
      hasHeading = true;
    }
    offset = next;
  }
  starts.push(chunkStart);
  return { starts, fenceOpen: fence !== null };
}

/** Line starts by the definition: after \n, after \r\n, after a lone \r. */
function referenceLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

describe('line scans (fast-check)', () => {
  test('scanRange finds the chunks a line-by-line scan finds, from any chunk start', () => {
    fc.assert(
      fc.property(markdownText(150), fc.nat(), (text, cut) => {
        if (text.startsWith('---')) return;
        const whole = referenceBoundaries(text, 0, text.length);
        const scanned = scanRange(text, 0, text.length);
        assert.deepEqual(
          { starts: scanned.boundaries.map((b) => b.start), fenceOpen: scanned.fenceOpen },
          whole,
          JSON.stringify(text),
        );
        // From a later chunk start to an arbitrary end.
        const from = whole.starts[cut % whole.starts.length];
        const to = from + ((cut >> 3) % (text.length - from + 1));
        const part = scanRange(text, from, to);
        assert.deepEqual(
          { starts: part.boundaries.map((b) => b.start), fenceOpen: part.fenceOpen },
          referenceBoundaries(text, from, to),
        );
      }),
      { numRuns: 1500 },
    );
  });

  test('LineIndex line starts follow \\n, \\r\\n and a lone \\r', () => {
    fc.assert(
      fc.property(markdownText(150), (text) => {
        assert.deepEqual(new LineIndex(text).lineStarts, referenceLineStarts(text), JSON.stringify(text));
      }),
      { numRuns: 1500 },
    );
  });
});
