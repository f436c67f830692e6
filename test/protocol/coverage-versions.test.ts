/**
 * Coverage across versions in the language server: with `versions` in the project file, the
 * 「例文との対応」 view gains the group 「令和4年3月版から新設・変更（未反映）」, the hover on a policy clause
 * says when its 例文 changed (with the diff), and `coverage-unreflected-example` marks the policy
 * sections with unreflected new or changed 例文 and the clauses that keep a deleted one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';

const workspace = mkdtempSync(join(tmpdir(), 'guideline-coverage-versions-'));
cpSync(join(FIXTURES, 'coverage-versions'), workspace, { recursive: true });
const policyPath = join(workspace, 'policy-city.md');
const policyUri = fileUri(policyPath);
const policyText = readFileSync(policyPath, 'utf8');
const guidelineUri = fileUri(join(workspace, 'guideline-r6.md'));

interface View {
  guidelineUri: string | null;
  versions: {
    title: string;
    oldLabel: string;
    summary: Record<string, number>;
    items: Array<{ change: string; label: string; section: string; name: string; policyLabel: string | null }>;
  } | null;
}

const hoverAt = async (server: TestServer, needle: string): Promise<string> =>
  (
    await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: policyUri },
      position: positionOf(policyText, needle),
    })
  ).contents.value;

describe('language server: coverage of a policy across guideline versions', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspace });
    await server.open(policyUri, policyText);
  });
  after(async () => {
    await server.shutdown();
  });

  test('guideline/coverage: the group of unreflected new and changed 例文, then deleted ones still adopted', async () => {
    const view = await server.request<View>('guideline/coverage', { uri: policyUri });
    assert.equal(view.guidelineUri, guidelineUri);
    assert.equal(view.versions?.title, '令和4年3月版から新設・変更（未反映）');
    assert.deepEqual(view.versions?.summary, { new: 3, changed: 6, unreflected: 5, deletedRemaining: 1 });
    assert.deepEqual(
      view.versions?.items.map((i) => `${i.section} ${i.name} ${i.label} ${i.policyLabel ?? '—'}`),
      [
        '3.1 第2段落 変更・未反映（旧文のまま） 2―1 第2段落',
        '3.2 (4) 新設・未反映（対策基準にない） —',
        '3.5.1 (1)③ 変更・未反映（旧文のまま） 2―5―1 (1) ②',
        '3.6.2 (1) 変更・未反映（旧文のまま） 2―6―2 (1)',
        '3.6.3 例文 新設・未反映（対策基準にない） —',
        '3.6.2 (2)④ 削除（対策基準に残る） 2―6―2 (2) ④',
      ],
    );
  });

  test('hover on a clause adopted before its 例文 changed: the change, the verdict and the diff', async () => {
    const text = await hoverAt(server, '職員等は、支給以外のパソコン');
    assert.match(text, /\*\*令和4年3月版から変更された例文です（未反映（旧文のまま））\*\*/);
    assert.match(
      text,
      /令和4年3月版からの改正：\*\*ただし、業務上必要な場合は、統括情報セキュリティ責任者の許可を得て/,
    );
    const reflected = await hoverAt(server, 'その結果を情報セキュリティ委員会に報告');
    assert.match(reflected, /令和4年3月版から変更された例文です（反映済み）/);
    const added = await hoverAt(server, 'インターネットから利用できる本市の情報システム');
    assert.match(added, /令和4年3月版以降に新設された例文です（反映済み）/);
    const unchanged = await hoverAt(server, '情報セキュリティポリシー及び実施手順を遵守');
    assert.doesNotMatch(unchanged, /令和4年3月版/);
  });

  test('hover on a clause whose 例文 was deleted says so, with the old 例文', async () => {
    const text = await hoverAt(server, 'パスワードを定期的に');
    assert.match(text, /この条項の例文は令和4年3月版の後の改定で削除されています/);
    assert.match(text, /【例文】（令和4年3月版）3\.6\.2 \(2\)④/);
  });

  test('coverage-unreflected-example: on each section with unreflected 例文, and on a kept deleted clause', async () => {
    const found = (await server.diagnostics(policyUri)).filter((d) => d.code === 'coverage-unreflected-example');
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.severity, d.message]),
      [
        [
          positionOf(policyText, '# 〇〇市情報セキュリティ対策基準').line,
          3,
          '「3.6.3 クラウドサービスの利用」の例文のうち、令和4年3月版から新設・変更された 1 件が対策基準に反映されていません：例文（新設・未反映（対策基準にない））',
        ],
        [
          positionOf(policyText, '## 2―1 対象範囲').line,
          3,
          '「3.1 対象範囲」の例文のうち、令和4年3月版から新設・変更された 1 件が対策基準に反映されていません：第2段落（変更・未反映（旧文のまま））',
        ],
        [
          positionOf(policyText, '## 2―2 組織体制').line,
          3,
          '「3.2 組織体制」の例文のうち、令和4年3月版から新設・変更された 1 件が対策基準に反映されていません：(4)（新設・未反映（対策基準にない））',
        ],
        [
          positionOf(policyText, '### 2―5―1 職員等の遵守事項').line,
          3,
          '「3.5.1 職員等の遵守事項」の例文のうち、令和4年3月版から新設・変更された 1 件が対策基準に反映されていません：(1)③（変更・未反映（旧文のまま））',
        ],
        [
          positionOf(policyText, '### 2―6―2 アクセス制御').line,
          3,
          '「3.6.2 アクセス制御」の例文のうち、令和4年3月版から新設・変更された 1 件が対策基準に反映されていません：(1)（変更・未反映（旧文のまま））',
        ],
        [
          positionOf(policyText, '④ 職員等は、パスワード').line,
          3,
          'この条項の例文（3.6.2 (2)④）は令和4年3月版の後の改定で削除されています',
        ],
      ],
    );
    assert.equal(found[1].relatedInformation?.[0].location.uri, guidelineUri);
  });
});

describe('language server: guideline.coverage.since and the rule setting', () => {
  test('an unknown version label: no version group, no version diagnostics', async () => {
    const server = await startServer({ workspace, settings: { coverage: { since: '令和2年版' } } });
    try {
      await server.open(policyUri, policyText);
      const view = await server.request<View>('guideline/coverage', { uri: policyUri });
      assert.equal(view.guidelineUri, guidelineUri);
      assert.equal(view.versions, null);
      const found = (await server.diagnostics(policyUri)).filter((d) => d.code === 'coverage-unreflected-example');
      assert.deepEqual(found, []);
    } finally {
      await server.shutdown();
    }
  });

  test('the named version is used; the diagnostic can be turned off in rules', async () => {
    const server = await startServer({
      workspace,
      settings: { coverage: { since: '令和４年３月版' }, rules: { 'coverage-unreflected-example': 'off' } },
    });
    try {
      await server.open(policyUri, policyText);
      const view = await server.request<View>('guideline/coverage', { uri: policyUri });
      assert.equal(view.versions?.oldLabel, '令和4年3月版');
      const found = (await server.diagnostics(policyUri)).filter((d) => d.code === 'coverage-unreflected-example');
      assert.deepEqual(found, []);
    } finally {
      await server.shutdown();
    }
  });
});
