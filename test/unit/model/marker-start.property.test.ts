import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MARKER_START } from '../../../server/src/core/model/tree';
import { parseHeadingNumber, parseItemMarker, parsePartMarker } from '../../../server/src/core/model/markers';
import { KATAKANA_ITEM_LABELS } from '../../../server/src/core/text/width';

/** What addBlocks hands the marker parsers: the first line without list marker, emphasis and indent. */
function markerText(prose: string): string {
  let lineEnd = prose.indexOf('\n');
  if (lineEnd < 0) lineEnd = prose.length;
  else if (lineEnd > 0 && prose.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const firstLine = prose.slice(0, lineEnd);
  const match = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\*\*|__|\*|_)?/.exec(firstLine);
  const text = firstLine.slice(match ? match[0].length : 0).replace(/(\*\*|__)(?=[^*_]*$)/, '');
  return text.slice(/^[ \t]*/.exec(text)![0].length);
}

/** Everything addBlocks looks for in a paragraph that MARKER_START rejects. */
function opensSomething(prose: string): boolean {
  const text = markerText(prose);
  return (
    /^\s*[（(]/.test(prose) ||
    /^第/.test(text) ||
    parsePartMarker(text) !== null ||
    parseHeadingNumber(text) !== null ||
    parseItemMarker(text, true) !== null ||
    parseItemMarker(text, false) !== null
  );
}

const PIECES = [
  ...KATAKANA_ITEM_LABELS.slice(0, 12),
  'ー',
  'ガ',
  '（',
  '(',
  '）',
  ')',
  '【',
  '】',
  '例文',
  '解説',
  '趣旨',
  '注',
  '図表',
  '図',
  '表',
  '第',
  '条',
  '章',
  '①',
  '⑳',
  '㉑',
  '㊱',
  '一',
  '十',
  '百',
  '1',
  '１',
  '.',
  '．',
  '-',
  '―',
  '*',
  '**',
  '_',
  '__',
  '+',
  ' ',
  '　',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  'a',
  'ａ',
  '本文',
  'の',
  '。',
  '、',
  '#',
  '>',
  '\\',
  // Whole markers, so that the rare forms come up often.
  '注1）',
  '注 ２)',
  '図表3',
  '図2',
  '表１',
  '(1)',
  '（１）',
  '（ア）',
  '(a)',
  '（ｂ）',
  '3.6',
  '３．６．２',
  '1-1',
  '2―6―2',
  '第3条',
  '第二章',
  '【例文】',
  '（解説）',
  '三 ',
  '2 ',
];

describe('MARKER_START (fast-check)', () => {
  test('a paragraph it rejects holds no part marker, caption, article, section number or item marker', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
        (prose) => {
          if (!MARKER_START.test(prose)) assert.ok(!opensSomething(prose), JSON.stringify(prose));
        },
      ),
      { numRuns: 20000 },
    );
  });

  test('ordinary prose is rejected, markers are not', () => {
    assert.ok(!MARKER_START.test('本文の段落である。'));
    assert.ok(!MARKER_START.test('アクセス制御を行う。'));
    for (const prose of ['（1）項目', '(注1) 注記', 'ア 細目', '**【例文】**', '第1条　目的', '3.6 見出し', '① 小項目'])
      assert.ok(MARKER_START.test(prose), prose);
  });
});
