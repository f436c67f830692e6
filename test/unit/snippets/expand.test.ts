import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { expandSnippet, parseSnippet, tabStopNumbers, type SnippetError } from './expand';

function expanded(body: string | string[], variables?: Record<string, string>): string {
  const result = expandSnippet(body, { variables });
  if (!result.ok) assert.fail(result.error.message);
  return result.value.text;
}

function errorOf(body: string | string[]): SnippetError {
  const result = parseSnippet(body);
  if (result.ok) assert.fail('expected a parse error');
  return result.error;
}

describe('expandSnippet', () => {
  test('placeholders take their default text and tab stops their mirrored value', () => {
    assert.equal(expanded('（${1:1}）${2:見出し}$0'), '（1）見出し');
    assert.equal(expanded(['（1）${4:見出し}', '（1）$4']), '（1）見出し\n（1）見出し');
  });

  test('a choice expands to its first option, mirrors included', () => {
    assert.equal(
      expanded('${1|情報セキュリティ管理者,情報システム管理者|}は、速やかに${1}に報告する。'),
      '情報セキュリティ管理者は、速やかに情報セキュリティ管理者に報告する。',
    );
  });

  test('a mirror before the definition still gets the value', () => {
    assert.equal(expanded('$1と${1:CISO}'), 'CISOとCISO');
  });

  test('nested placeholders expand recursively', () => {
    assert.equal(expanded('${1:機密性${2:2}以上}の情報資産（$2）'), '機密性2以上の情報資産（2）');
  });

  test('a tab stop without definition is empty', () => {
    assert.equal(expanded('② $0'), '② ');
    assert.equal(expanded('前$1後'), '前後');
  });

  test('escapes give literal characters', () => {
    assert.equal(expanded('\\$100と\\}と\\\\'), '$100と}と\\');
    assert.equal(expanded('${1|a\\,b,c\\|d|}'), 'a,b');
  });

  test('variables: given value, else default, else the name', () => {
    assert.equal(expanded('${CURRENT_YEAR}年度', { CURRENT_YEAR: '2025' }), '2025年度');
    assert.equal(expanded('${TM_SELECTED_TEXT:本文}'), '本文');
    assert.equal(expanded('$UNKNOWN'), 'UNKNOWN');
  });

  test('a placeholder containing its own tab stop does not recurse forever', () => {
    assert.equal(expanded('${1:a$1b}'), 'ab');
  });

  test('tab stop numbers are collected from nested nodes', () => {
    const parsed = parseSnippet('${1:x ${3:y}} $2 ${4|a,b|} $0');
    assert.ok(parsed.ok);
    assert.deepEqual(tabStopNumbers(parsed.value), [0, 1, 2, 3, 4]);
  });
});

describe('parseSnippet errors', () => {
  test('an unclosed ${ is reported at its start with line and character', () => {
    const error = errorOf(['（1）見出し', '① ${1:対策の内容を行う。']);
    assert.match(error.message, /unclosed/);
    assert.deepEqual([error.line, error.character], [1, 2]);
  });

  test('a stray } is an error', () => {
    assert.match(errorOf('見出し}').message, /unmatched "}"/);
  });

  test('a bare $ is an error', () => {
    const error = errorOf('費用は$と記載');
    assert.match(error.message, /neither a tab stop nor a variable/);
    assert.equal(error.offset, 3);
  });

  test('choices must be closed with |} and have no empty option', () => {
    assert.match(errorOf('${1|a,b}').message, /unclosed choice/);
    assert.match(errorOf('${1|a,,b|}').message, /empty choice option/);
    assert.match(errorOf('${1|a,b|').message, /\|}/);
  });

  test('a transform is reported as unsupported', () => {
    assert.match(errorOf('${1/(.*)/$1/}').message, /transforms are not supported/);
  });

  test('${ must be followed by a number or a name', () => {
    assert.match(errorOf('${:x}').message, /tab stop number or a variable name/);
  });
});
