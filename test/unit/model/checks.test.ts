import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { parseGuideline } from '../../../server/src/core/model/document';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { xrefFindings } from '../../../server/src/core/workspace/xref-check';
import { numberingFindings } from '../../../server/src/core/model/numbering';

const text = readFileSync(resolve(FIXTURES, 'model/guideline-basic.md'), 'utf8');
const doc = parseGuideline('file:///basic.md', text);
const index = new GuidelineIndex();
index.set(doc);

describe('cross-reference findings', () => {
  const findings = xrefFindings(doc, index, 'ja');

  test('title mismatch names the real title and the section that has the cited title, with both fixes', () => {
    const mismatch = findings.filter((f) => f.code === 'xref-title-mismatch');
    assert.equal(mismatch.length, 1);
    const [finding] = mismatch;
    assert.match(finding.message, /「3\.6\.1」の見出しは「コンピュータ及びネットワークの管理」/);
    assert.match(finding.message, /「アクセス制御」は 3\.6\.2 の見出し/);
    assert.deepEqual(
      finding.fixes!.map((f) => f.edits[0].newText),
      ['3.6.2', 'コンピュータ及びネットワークの管理'],
    );
    const line = doc.lines.lineText(finding.range.start.line);
    assert.equal(line.slice(finding.range.start.character, finding.range.end.character), '3.6.1 アクセス制御');
  });

  test('width- and space-insensitive title comparison', () => {
    const other = parseGuideline(
      'file:///o.md',
      '### 3.1 ＩＤ及びパスワード等の管理\n\n「3.1 ID及び パスワード等の管理」\n',
    );
    const idx = new GuidelineIndex();
    idx.set(other);
    assert.deepEqual(xrefFindings(other, idx, 'ja'), []);
  });

  test('unknown sections are reported, known ones in other documents are not', () => {
    const unknown = findings.filter((f) => f.code === 'xref-unknown-section').map((f) => f.message);
    assert.deepEqual(unknown, ['参照先の項番「3.4.2」はありません。', '参照先の項番「3.5.4」はありません。']);
    const other = parseGuideline(
      'file:///other.md',
      '### 3.4.2 管理区域の管理\n\n### 3.5.4 ID及びパスワード等の管理\n',
    );
    const both = new GuidelineIndex();
    both.set(doc);
    both.set(other);
    assert.equal(xrefFindings(doc, both, 'ja').filter((f) => f.code === 'xref-unknown-section').length, 0);
  });

  test('English messages', () => {
    assert.match(
      xrefFindings(doc, index, 'en').find((f) => f.code === 'xref-title-mismatch')!.message,
      /Section 3\.6\.1 is titled "コンピュータ及びネットワークの管理"/,
    );
  });
});

describe('numbering findings', () => {
  test('gaps among chapters, sections and items, a duplicate section, with related information', () => {
    const findings = numberingFindings(doc, 'ja');
    assert.deepEqual(
      findings.map((f) => [f.code, f.range.start.line + 1]).sort((a, b) => Number(a[1]) - Number(b[1])),
      [
        ['numbering-gap', 11], // 第1章 → 第3章: the fixture is an excerpt
        ['numbering-gap', 41], // 3.4 → 3.6
        ['numbering-gap', 51], // (2) → (4)
        ['numbering-duplicate', 71], // 3.6.2 twice
      ],
    );
    const gap = findings.find((f) => f.range.start.line + 1 === 51)!;
    assert.equal(gap.message, '番号が飛んでいます：「(2)」の次が「(4)」です（(3) がありません）。');
    assert.equal(gap.related![0].range.start.line, doc.lines.positionAt(text.indexOf('(2) バックアップ')).line);
    const duplicate = findings.find((f) => f.code === 'numbering-duplicate')!;
    assert.equal(duplicate.related![0].range.start.line + 1, 57);
  });

  test('order and duplicate among items, separate sequences per level', () => {
    const d = parseGuideline(
      'x',
      '### 3.1 例\n\n(1) a\n\n① x\n\n② y\n\n(2) b\n\n① z\n\n(3) c\n\n(3) d\n\n(5) e\n\n(4) f\n\n㉑ g\n',
    );
    assert.deepEqual(
      numberingFindings(d, 'ja').map((f) => f.code),
      ['numbering-duplicate', 'numbering-gap', 'numbering-order'],
    );
  });

  test('sections: 3.1, 3.3 is a gap; 3.2 after 3.3 is out of order', () => {
    const d = parseGuideline('x', '## 第3章 基準\n\n### 3.1 a\n\n### 3.3 c\n\n### 3.2 b\n');
    assert.deepEqual(
      numberingFindings(d, 'ja').map((f) => f.code),
      ['numbering-gap', 'numbering-order'],
    );
  });
});
