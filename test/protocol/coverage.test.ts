import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';

// A private copy of the coverage fixtures: the guideline excerpt, two policies, the project file
// (policy.guideline, policy.substitutions) and a comment round; plus a memo that is no policy.
const workspace = mkdtempSync(join(tmpdir(), 'guideline-coverage-'));
cpSync(join(FIXTURES, 'coverage'), workspace, { recursive: true });
const memoText = '# 打合せメモ\n\n## 1 次回の予定\n\n次回は来週火曜日に開催する。\n';
writeFileSync(join(workspace, 'memo.md'), memoText);
const guidelineUri = fileUri(join(workspace, 'guideline-excerpt.md'));
const policyPath = join(workspace, 'policy-articles.md');
const policyUri = fileUri(policyPath);
const policyText = readFileSync(policyPath, 'utf8');

describe('language server: coverage of a policy against the guideline’s 例文', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspace });
    await server.open(policyUri, policyText);
  });
  after(async () => {
    await server.shutdown();
  });

  test('hover on a changed clause: the 例文, the difference, the （解説） and the public comments', async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: policyUri },
      position: positionOf(policyText, '速やかに利用者登録を抹消する'),
    });
    const text = hover.contents.value;
    assert.match(text, /\*\*例文との対応：変更あり\*\*/);
    assert.match(text, /【例文】3\.6\.2 アクセス制御 \(2\)②/);
    assert.match(text, /> 職員等は、業務上必要がなくなった場合は、利用者登録を抹消するよう/);
    assert.match(text, /相違：.*\*\*速やかに\*\*/);
    assert.match(text, /\*\*（解説）\*\*\n\n> \(2\) ③の点検は、少なくとも年1回行うことが望ましい。/);
    assert.match(
      text,
      /この節への意見 1件[\s\S]*\[意見1\]\(file:.*pubcomment-excerpt\.yaml#L\d+\) `[^`]+` 利用されていないIDの点検の頻度/,
    );
  });

  test('hover lists the comments on the clause’s own 例文 first, marked', async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: policyUri },
      position: positionOf(policyText, '翌日までに対応'),
    });
    assert.match(hover.contents.value, /\[意見2\]\([^)]*\) `[^`]+`（この例文） 「（○日）以内」では/);
  });

  test('hover on an adopted clause merged from two 例文 names both', async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: policyUri },
      position: positionOf(policyText, '副町長を、最高情報'),
    });
    const text = hover.contents.value;
    assert.match(text, /例文との対応：反映済み.*3\.2 組織体制 \(1\)/);
    assert.match(text, /例文との対応：反映済み.*3\.2 組織体制 \(2\)/);
  });

  test('go to definition from a policy clause lands on its 例文', async () => {
    const locations = await server.request<Array<{ uri: string; range: { start: { line: number } } }>>(
      'textDocument/definition',
      { textDocument: { uri: policyUri }, position: positionOf(policyText, '入手後直ちに変更すること') },
    );
    const guidelineText = readFileSync(join(workspace, 'guideline-excerpt.md'), 'utf8');
    assert.deepEqual(
      locations.map((l) => [l.uri, l.range.start.line]),
      [[guidelineUri, positionOf(guidelineText, 'ア 特権を付与されたIDの初期設定').line]],
    );
  });

  test('an information diagnostic on each policy article whose guideline section lacks 例文', async () => {
    const found = (await server.diagnostics(policyUri)).filter((d) => d.code === 'coverage-missing-example');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.severity, d.message]),
      [
        [
          positionOf(policyText, '第1条（適用範囲）').line,
          3,
          '「3.1 対象範囲」の例文のうち 1 件が対策基準にありません：第2段落',
        ],
        [
          positionOf(policyText, '第2条（組織体制）').line,
          3,
          '「3.2 組織体制」の例文のうち 1 件が対策基準にありません：(3)',
        ],
        [
          positionOf(policyText, '第3条（アクセス制御）').line,
          3,
          '「3.6.2 アクセス制御」の例文のうち 1 件が対策基準にありません：(2)③',
        ],
        [
          positionOf(policyText, '第5条（ファイルサーバ）').line,
          3,
          '「3.6.1 コンピュータ及びネットワークの管理」の例文のうち 1 件が対策基準にありません：(2)',
        ],
      ],
    );
    assert.equal(found[2].relatedInformation?.[0].location.uri, guidelineUri);
  });

  test('guideline/coverage: missing and modified clauses by section, for the view', async () => {
    const view = await server.request<{
      guidelineUri: string;
      versions: unknown;
      summary: Record<string, number>;
      sections: Array<{
        section: string;
        policyLabel: string | null;
        items: Array<{ status: string; name: string; policyLabel: string | null }>;
      }>;
    }>('guideline/coverage', { uri: policyUri });
    assert.equal(view.guidelineUri, guidelineUri);
    assert.equal(view.versions, null, 'no versions in the project file: no version group');
    assert.deepEqual(view.summary, { covered: 16, modified: 3, missing: 4, extra: 2 });
    assert.deepEqual(
      view.sections.map(
        (s) =>
          `${s.section} → ${s.policyLabel}: ${s.items.map((i) => `${i.name} ${i.status} ${i.policyLabel ?? '—'}`).join(', ')}`,
      ),
      [
        '3.1 → 第1条 適用範囲: 第2段落 missing —',
        '3.2 → 第2条 組織体制: (3) missing —',
        '3.5.1 → 第6条 職員等の遵守事項: (2) modified 第6条第4項',
        '3.6.1 → 第5条 ファイルサーバ: (2) missing —',
        '3.6.2 → 第3条 アクセス制御: (2)② modified 第3条第3項, (2)③ missing —',
        '3.8.1 → 第7条 情報システムの監視: (3) modified 第7条第3項',
      ],
    );
  });

  test('a memo in the same folder is no policy: no coverage diagnostics, hover or view', async () => {
    const memoUri = fileUri(join(workspace, 'memo.md'));
    await server.open(memoUri, memoText);
    const found = (await server.diagnostics(memoUri)).filter((d) => d.code === 'coverage-missing-example');
    assert.deepEqual(found, []);
    const view = await server.request<{ guidelineUri: string | null }>('guideline/coverage', { uri: memoUri });
    assert.equal(view.guidelineUri, null);
    const guidelineView = await server.request<{ guidelineUri: string | null }>('guideline/coverage', {
      uri: guidelineUri,
    });
    assert.equal(guidelineView.guidelineUri, null, 'the guideline itself is no policy');
  });
});
