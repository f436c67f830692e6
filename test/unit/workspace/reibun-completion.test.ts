import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { parseSnippets, reibunCandidates } from '../../../server/src/core/workspace/reibun-completion';

const snippets = parseSnippets(readFileSync(join(REPO_ROOT, 'snippets/reibun.code-snippets'), 'utf8'));

// A municipality's standard: a half-width (1)–(3) list in the 【例文】, full-width （１） in another.
const TEXT = `### 3.8 クラウドサービス等の利用

【例文】

(1) 情報セキュリティ管理者は、クラウドサービスの利用に関する規定を整備しなければならない。

(2) 職員等は、許可されたクラウドサービスのみを利用しなければならない。

(3) 情報システム管理者は、利用するクラウドサービスの一覧を管理しなければならない。

例文

（解説）

（１）規定には、利用の可否の判断基準を含めることが望ましい。

例文
`;

function at(text: string, needle: string, occurrence = 0) {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  const lines = text.slice(0, offset + needle.length).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('例文 snippets as completion', () => {
  const doc = parseGuideline('file:///std.md', TEXT);

  test('typing 例文 inside 【例文】 offers the snippets; the cloud clause continues (1)–(3) as (4)', () => {
    const position = at(TEXT, '例文', 1);
    const candidates = reibunCandidates(doc, position, '例文', snippets, 'ja');
    assert.ok(candidates.length > 10);
    const cloud = candidates.find((c) => c.label.startsWith('reibun-cloud'))!;
    assert.ok(cloud.snippet);
    assert.ok(cloud.insertText.startsWith('(4)クラウドサービスの利用'), cloud.insertText.slice(0, 20));
    assert.deepEqual(cloud.replace, { start: { line: position.line, character: 0 }, end: position });
    assert.match(cloud.detail ?? '', /^例文：/);
  });

  test('outside 【例文】 (in （解説）) nothing is offered', () => {
    const position = at(TEXT, '例文', 2);
    assert.deepEqual(reibunCandidates(doc, position, '例文', snippets, 'ja'), []);
  });

  test('the first words of a clause find it: 「職員等は、外部から」', () => {
    const text = TEXT.replace(/\n例文\n\n（解説）/, '\n職員等は、外部から\n\n（解説）');
    const d = parseGuideline('file:///std.md', text);
    const position = at(text, '職員等は、外部から');
    const candidates = reibunCandidates(d, position, '職員等は、外部から', snippets, 'ja');
    assert.deepEqual(
      candidates.map((c) => c.label.split(' ')[0]),
      ['reibun-malware'],
    );
    // A ① clause after a (n) list with no ① before it keeps its own marker.
    assert.ok(candidates[0].insertText.startsWith('① 職員等は、外部から'));
  });

  test('a full-width list continues in full width', () => {
    const text = '### 3.9 自己点検\n\n【例文】\n\n（１）実施方法\n\n（２）報告\n\nreibun-\n';
    const d = parseGuideline('file:///b.md', text);
    const position = at(text, 'reibun-');
    const audit = reibunCandidates(d, position, 'reibun-', snippets, 'ja').find((c) =>
      c.label.startsWith('reibun-audit'),
    )!;
    assert.ok(audit.insertText.startsWith('（３）実施方法'), audit.insertText.slice(0, 10));
  });
});
