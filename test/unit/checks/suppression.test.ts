import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { filterSuppressed, parseSuppressionDirectives } from '../../../server/src/core/checks/suppression';

/** One finding per occurrence of ｜ (code a) and ― (code b). */
function findingsOf(text: string): Array<{ code: string; start: number }> {
  const out: Array<{ code: string; start: number }> = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '｜') out.push({ code: 'a', start: i });
    if (text[i] === '―') out.push({ code: 'b', start: i });
  }
  return out;
}

function kept(text: string): string[] {
  return filterSuppressed(text, findingsOf(text)).map((f) => `${f.code}@${text.slice(0, f.start).split('\n').length}`);
}

describe('suppression comments', () => {
  test('parses kinds, codes, commas and reasons', () => {
    const text =
      '<!-- guideline-disable a, b -- 引用のため -->\n<!-- guideline-enable -->\n<!-- guideline-disable-next-line a -->';
    assert.deepEqual(
      parseSuppressionDirectives(text).map((d) => [d.kind, d.codes]),
      [
        ['disable', ['a', 'b']],
        ['enable', []],
        ['disable-next-line', ['a']],
      ],
    );
  });

  test('disable with codes until enable', () => {
    const text = '｜―\n<!-- guideline-disable a -->\n｜―\n<!-- guideline-enable a -->\n｜―';
    assert.deepEqual(kept(text), ['a@1', 'b@1', 'b@3', 'a@5', 'b@5']);
  });

  test('disable without codes disables everything; enable of one code re-enables it only', () => {
    const text = '<!-- guideline-disable -->\n｜―\n<!-- guideline-enable b -->\n｜―\n<!-- guideline-enable -->\n｜―';
    assert.deepEqual(kept(text), ['b@4', 'a@6', 'b@6']);
  });

  test('disable-next-line affects only the next line', () => {
    const text = '<!-- guideline-disable-next-line a -->\n｜―\n｜―\n<!-- guideline-disable-next-line -->\n｜―';
    assert.deepEqual(kept(text), ['b@2', 'a@3', 'b@3']);
  });

  test('a multi-line directive applies to the line after its end', () => {
    const text = '<!--\n guideline-disable-next-line a\n-->\n｜';
    assert.deepEqual(kept(text), []);
  });

  test('directives in code blocks and unknown comments do nothing', () => {
    const text = '```\n<!-- guideline-disable -->\n```\n<!-- guideline-disabled a -->\n<!-- メモ -->\n｜―';
    assert.deepEqual(kept(text), ['a@6', 'b@6']);
  });

  test('input order is preserved', () => {
    const text = '<!-- guideline-disable b -->\n｜―｜';
    const input = findingsOf(text).reverse();
    assert.deepEqual(
      filterSuppressed(text, input).map((f) => f.start),
      [input[0].start, input[2].start],
    );
  });
});
