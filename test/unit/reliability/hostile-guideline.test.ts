/**
 * Hostile guidelines through the whole analysis (model, references, numbering, notation checks).
 * The `timeout` of each test is a hang guard, not a timed assertion.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuideline } from '../../../server/src/core/model/document';
import { guidelineFindings } from '../../../server/src/core/workspace/document-findings';
import { GuidelineIndex } from '../../../server/src/core/workspace/guideline-index';
import { defaultCheckConfig } from '../../../server/src/core/checks/config';
import { fixAllSafe } from '../../../server/src/core/checks/document';
import { walk } from '../../../server/src/core/model/node';
import { LineIndex } from '../../../server/src/core/text/position';
import { assertModelInvariants } from './helpers';

const HANG_GUARD = { timeout: 120_000 };

function analyse(text: string) {
  const document = parseGuideline('file:///hostile.md', text);
  const index = new GuidelineIndex();
  index.set(document);
  const findings = guidelineFindings(document, index, { locale: 'ja', rules: {}, checks: defaultCheckConfig() });
  const lines = new LineIndex(text);
  for (const f of findings) {
    assert.ok(lines.offsetAt(f.range.start) <= lines.offsetAt(f.range.end), 'finding range ordered');
    assert.ok(f.range.end.line < lines.lineCount, 'finding inside the document');
  }
  return { document, findings };
}

/** A realistic section: heading, parts, items, notes, references, a few notation slips. */
function section(i: number): string {
  return [
    `#### 3.${1 + (i % 9)}.${i} 管理項目${i}`,
    '',
    '**【例文】**',
    '',
    `(1) 職員等は、「3.6.2 アクセス制御」に従いサーバの管理を行わなければならない。`,
    '',
    '① 情報システム管理者は、ポリシ一及び手順を定める。',
    '',
    `（注${i % 20}）詳細は 3.8.1 （解説）（2）⑬を参照。`,
    '',
  ].join('\n');
}

describe('hostile guidelines', () => {
  test('10 MB, 100,000+ lines: analysed, nothing thrown, findings inside', HANG_GUARD, () => {
    const parts: string[] = ['# 情報セキュリティポリシーに関するガイドライン\n\n### 3.6.2 アクセス制御\n\n'];
    let size = 0;
    for (let i = 1; size < 10 * 1024 * 1024; i++) {
      const s = section(i);
      parts.push(s);
      size += Buffer.byteLength(s);
    }
    const text = parts.join('');
    const lines = new LineIndex(text).lineCount;
    assert.ok(Buffer.byteLength(text) >= 10 * 1024 * 1024 && lines >= 100_000, `${lines} lines`);
    const { document, findings } = analyse(text);
    assert.ok(document.sectionsByNumber.size > 1000);
    assert.ok(
      findings.some((f) => f.code === 'xref-unknown-section'),
      'references checked',
    );
  });

  for (const [name, line] of [
    ['list', (k: number) => `${'  '.repeat(k)}- 項目 ${k}`],
    ['block quote', (k: number) => `${'>'.repeat(k)} 引用 ${k}`],
    ['mixed containers', (k: number) => `${'> - '.repeat(k)}項目`],
  ] as const) {
    test(`a ${name} nested 3,000 levels deep`, HANG_GUARD, () => {
      const text = `# 3.1 見出し\n\n${Array.from({ length: 3000 }, (_, k) => line(k)).join('\n')}\n\n(1) 後の項目\n`;
      const { document } = analyse(text);
      assertModelInvariants(document);
      assert.ok(document.root.children.length > 0);
    });
  }

  test('one line of bullets and ordered markers nested 3,000 deep', HANG_GUARD, () => {
    const { document } = analyse(`${'- 1. '.repeat(3000)}項目\n`);
    assertModelInvariants(document);
  });

  for (const [name, unit] of [
    ['prose', '職員等は、情報セキュリティポリシーを遵守しなければならない。'],
    [
      'prose with links, code, tags and references',
      'これは「3.6.2 アクセス制御」を参照する[リンク](https://example.jp/a)と`code`と<br>の文。サーバ',
    ],
    ['unclosed HTML comments', 'a<!--'],
    ['unclosed link destinations', '[a]('],
    ['unclosed angle brackets', '<a'],
    ['backticks', '`a'],
  ] as const) {
    test(`a line of 1 MB: ${name}`, HANG_GUARD, () => {
      const text = `# 3.1 見出し\n\n${unit.repeat(Math.ceil(1_000_000 / unit.length))}\n\n(1) 項目\n`;
      const { document } = analyse(text);
      assertModelInvariants(document);
    });
  }

  test('150,000 items in one section (more children than a call takes arguments)', HANG_GUARD, () => {
    const text = `### 3.1 見出し\n\n${Array.from({ length: 150_000 }, (_, k) => `(${(k % 50) + 1}) 項目`).join('\n\n')}\n`;
    const { document, findings } = analyse(text);
    assert.equal(document.sectionsByNumber.get('3.1')?.[0] !== undefined, true);
    assert.ok(findings.some((f) => f.code.startsWith('numbering-')));
  });

  test('5,000 headings with the same number: each reported as a duplicate', HANG_GUARD, () => {
    const text = Array.from({ length: 5000 }, () => '### 3.1 同じ番号\n\n「3.1 同じ番号」を参照。\n').join('\n');
    const { document, findings } = analyse(text);
    assert.equal(document.sectionsByNumber.get('3.1')?.length, 5000);
    assert.equal(findings.filter((f) => f.code === 'numbering-duplicate').length, 4999);
  });

  test('half-finished Markdown while typing: every prefix of a section analyses', HANG_GUARD, () => {
    const typed = [
      '# ガイドライン',
      '#',
      '## ',
      '### 3.6.2',
      ' アクセス制御\n\n',
      '**【例',
      '文】**\n\n',
      '(1',
      ') 職員等は',
      '（注',
      '7',
      '）',
      '「3.6.',
      '2 アクセス',
      '```',
      'js\nconst a = 1;',
      '\n~~~',
      '\n- ',
      '  - ',
      '> ',
      '<!-- ',
      '[リンク](',
      'https://',
      '\n\n| a |',
      ' b |\n|---',
      '\n',
    ];
    let text = '';
    for (const piece of typed) {
      for (const ch of Array.from(piece)) {
        text += ch;
        const { document } = analyse(text);
        assertModelInvariants(document);
      }
    }
    const fixed = fixAllSafe('file:///t.md', text, defaultCheckConfig()).text;
    assert.equal(fixAllSafe('file:///t.md', fixed, defaultCheckConfig()).text, fixed);
  });

  test('NUL bytes, lone surrogates and CR-only line ends', HANG_GUARD, () => {
    const text = '# 3.1 見出し\r\r(1) 項\u0000目\r\ud800サーバ\rポリシ一\r';
    const { document } = analyse(text);
    assertModelInvariants(document);
    assert.ok([...walk(document.root)].some((n) => n.kind === 'section'));
  });
});
