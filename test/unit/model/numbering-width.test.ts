import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuideline } from '../../../server/src/core/model/document';
import { numberingFindings, treeNumberingFindings } from '../../../server/src/core/model/numbering';
import { applyFixes } from '../../../server/src/core/checks/fixes';

// A 【例文】 whose list was written with half-width (1)–(3), then a clause pasted from a snippet in
// full-width 「（4）」.
const MIXED = `### 3.8.3 ソーシャルメディアサービスの利用

【例文】

(1) 情報セキュリティ管理者は、ソーシャルメディアサービスの運用手順を定めなければならない。

(2) 職員等は、アカウントのパスワードを適切に管理しなければならない。

(3) 職員等は、なりすまし対策として、公式アカウントであることを明示しなければならない。

（4）情報セキュリティ管理者は、不正アクセスを確認した場合、直ちに対応しなければならない。

（解説）

（１）運用手順には、投稿の承認手続を含めることが望ましい。

（２）公式アカウントの一覧を公開することが望ましい。
`;

describe('numbering-width', () => {
  test('the item in another width is a finding naming the list width; the other list is consistent', () => {
    const doc = parseGuideline('file:///w.md', MIXED);
    const findings = numberingFindings(doc, 'ja').filter((f) => f.code === 'numbering-width');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.message, '番号「（4）」の全角・半角が同じ並びの「(1)」と異なります。「(4)」に揃えます。');
    const line = doc.lines.lineText(finding.range.start.line);
    assert.equal(line.slice(finding.range.start.character, finding.range.end.character), '（4）');
    assert.equal(finding.fixes?.[0].safe, true);
    const fixed = applyFixes(MIXED, finding.fixes![0].edits).text;
    assert.ok(
      fixed.includes('\n(4) 情報セキュリティ管理者は、不正アクセス') || fixed.includes('\n(4)情報セキュリティ管理者は'),
    );
    assert.deepEqual(
      numberingFindings(parseGuideline('file:///w.md', fixed), 'ja').map((f) => f.code),
      [],
    );
    // The split computation equals the whole-tree one.
    assert.deepEqual(
      treeNumberingFindings(doc, 'ja').map((f) => [f.code, f.range]),
      numberingFindings(doc, 'ja').map((f) => [f.code, f.range]),
    );
  });

  test('the majority width wins; on a tie, the first item', () => {
    const majority = parseGuideline('x', '### 3.1 例\n\n（１） a\n\n(2) b\n\n（３） c\n');
    const [f] = numberingFindings(majority, 'ja');
    assert.equal(f.fixes?.[0].edits[0].newText, '（２）');
    const tie = parseGuideline('x', '### 3.1 例\n\n(1) a\n\n（２） b\n');
    assert.equal(numberingFindings(tie, 'en')[0].fixes?.[0].edits[0].newText, '(2)');
    assert.match(numberingFindings(tie, 'en')[0].message, /not written in the width of its list/);
  });
});
