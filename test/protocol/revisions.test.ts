import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { FIXTURES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';

// A private copy of the revisions fixture: a draft (versions/), the revised guideline, a round on the draft.
const workspace = mkdtempSync(join(tmpdir(), 'guideline-revisions-'));
cpSync(join(FIXTURES, 'revisions'), workspace, { recursive: true });
const revisedPath = join(workspace, 'revised.md');
const revisedUri = fileUri(revisedPath);
const revisedText = readFileSync(revisedPath, 'utf8');

interface Lens {
  range: { start: { line: number } };
  command: { title: string; command: string; arguments: unknown[] };
}

describe('language server: earlier versions (revisions)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspace });
    await server.open(revisedUri, revisedText);
  });
  after(async () => {
    await server.shutdown();
  });

  test('diagnostics: promised fixes checked, comment-accepted gone, the draft not treated as current text', async () => {
    const items = (await server.diagnostics(revisedUri)) as {
      code: string;
      message: string;
      range: { start: { line: number } };
    }[];
    const codes = items.map((d) => d.code);
    assert.ok(!codes.includes('comment-accepted'), codes.join(','));
    assert.equal(codes.filter((c) => c === 'comment-applied').length, 3);
    assert.equal(codes.filter((c) => c === 'comment-not-applied').length, 2);
    assert.equal(codes.filter((c) => c === 'comment-target-deleted').length, 1);
    const sms = items.find((d) => d.code === 'comment-applied' && d.message.includes('SMS'))!;
    assert.equal(
      sms.range.start.line,
      positionOf(revisedText, '(1) 情報セキュリティ管理者は、本市が管理するアカウント').line,
    );
    const draftUri = fileUri(join(workspace, 'versions/2015-draft.md'));
    await server.open(draftUri, readFileSync(join(workspace, 'versions/2015-draft.md'), 'utf8'));
    assert.deepEqual(await server.diagnostics(draftUri), []);
  });

  test("hover on today's 3.9.3 shows the 2015 comment on 3.8.3, labelled （2015年案では 3.8.3）", async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: revisedUri },
      position: positionOf(revisedText, '#### 3.9.3', 6),
    });
    const text = hover.contents.value;
    assert.match(text, /\*\*意見6（2015年）\*\* （2015年案では 3\.8\.3） · `修正あり` · 反映済み/);
    assert.doesNotMatch(text, /意見7/);
  });

  test('hover on the section that held a deleted one lists it under 削除された箇所', async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: revisedUri },
      position: positionOf(revisedText, '### 3.7 運用', 4),
    });
    assert.match(hover.contents.value, /\*\*削除された箇所\*\*[\s\S]*意見5（2015年）[\s\S]*箇所は削除/);
  });

  test('code lens 前版から変更（n箇所） on changed sections only', async () => {
    const lenses = await server.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: revisedUri } });
    const changed = lenses.filter((l) => l.command.title.startsWith('前版から変更'));
    const at = (needle: string) => changed.find((l) => l.range.start.line === positionOf(revisedText, needle).line);
    assert.equal(at('#### 3.6.1')?.command.title, '前版から変更（2箇所）', 'the split: (3) changed, (4) added');
    assert.equal(at('#### 3.9.3')?.command.title, '前版から変更（3箇所）', 'renumbered, (1) and (2) changed');
    assert.equal(at('### 3.7 運用')?.command.title, '前版から変更（1箇所）', '3.7.3 deleted');
    assert.equal(at('#### 3.7.1'), undefined);
    assert.equal(at('#### 3.6.1')?.command.command, 'guideline.showPreviousVersion');
  });

  test("the comments view lists the round on the draft under today's sections, with status and history", async () => {
    const tree = await server.request<{
      rounds: {
        uri: string;
        label: string;
        items: {
          number: number;
          section: string | null;
          verification?: string;
          promise: { status: string; source: string } | null;
          history?: string;
          target: unknown;
        }[];
      }[];
    }>('guideline/commentTree', {});
    const round = tree.rounds.find((r) => r.uri.endsWith('pubcomment-2015-draft.yaml'))!;
    assert.match(round.label, /（2015年3月 意見募集案）$/);
    const item = (n: number) => round.items.find((i) => i.number === n)!;
    assert.deepEqual(
      [item(6).section, item(6).verification, item(6).history],
      ['3.9.3', 'applied', '（2015年案では 3.8.3）'],
    );
    // The comparison of versions sets the promise's state: kept → 対応済み, not kept → 未着手.
    assert.deepEqual([item(6).promise?.status, item(6).promise?.source], ['done', 'automatic']);
    assert.equal(item(3).verification, 'not-applied');
    assert.deepEqual([item(3).promise?.status, item(3).promise?.source], ['open', 'automatic']);
    assert.deepEqual([item(5).section, item(5).target], ['削除された箇所', null]);
    assert.equal(round.items.at(-1)!.number, 5, 'deleted places last');
    assert.equal(item(7).verification, undefined);
  });

  test('previousSection and revisionTable for the client commands', async () => {
    const previous = await server.request<{
      label: string;
      section: string;
      previousSection: string;
      previous: string;
    }>('guideline/previousSection', {
      textDocument: { uri: revisedUri },
      position: positionOf(revisedText, 'で発信してはならない'),
    });
    assert.deepEqual(
      [previous.label, previous.section, previous.previousSection],
      ['2015年3月 意見募集案', '3.9.3', '3.8.3'],
    );
    assert.match(previous.previous, /SMSを利用する/);
    const html = await server.request<{ content: string; encoding: string; counts: { added: number } }>(
      'guideline/revisionTable',
      { textDocument: { uri: revisedUri }, format: 'html' },
    );
    assert.equal(html.encoding, 'utf8');
    assert.match(html.content, /<th>改正後<\/th><th>改正前<\/th>/);
    assert.equal(html.counts.added, 1);
    const docx = await server.request<{ content: string; encoding: string }>('guideline/revisionTable', {
      textDocument: { uri: revisedUri },
      format: 'docx',
    });
    const xml = await (
      await JSZip.loadAsync(Buffer.from(docx.content, 'base64'))
    )
      .file('word/document.xml')!
      .async('string');
    assert.match(xml, /<w:u w:val="single"\/>/);
  });

  test("the client chooses the previous version: configured labels, another file, errors in the user's language", async () => {
    const { labels } = await server.request<{ labels: string[] }>('guideline/versions', {});
    assert.deepEqual(labels, ['2015年3月 意見募集案']);
    const byFile = await server.request<{ versionLabel: string; counts: { deleted: number } }>(
      'guideline/revisionTable',
      {
        textDocument: { uri: revisedUri },
        format: 'md',
        file: fileUri(join(workspace, 'versions/2015-draft.md')),
      },
    );
    assert.deepEqual([byFile.versionLabel, byFile.counts.deleted], ['2015-draft.md', 1]);
    await assert.rejects(
      server.request('guideline/revisionTable', {
        textDocument: { uri: revisedUri },
        format: 'md',
        file: fileUri(join(workspace, 'versions/none.md')),
      }),
      /を読めません/,
    );
  });
  test('an edit that makes a promised change turns comment-not-applied into comment-applied once typing pauses', async () => {
    // Last in this suite: it edits revised.md.
    const uri = revisedUri;
    const text = revisedText;
    const notApplied = async () =>
      ((await server.diagnostics(uri)) as { code: string; message: string }[]).filter(
        (d) => d.code === 'comment-not-applied' && d.message.includes('意見3'),
      ).length;
    assert.equal(await notApplied(), 1);
    const at = positionOf(text, '(1) 監視により取得したログは、一定期間保存することが望ましい。', 4);
    await server.change(uri, 2, [{ range: { start: at, end: at }, text: '保存期間は1年以上とし、' }]);
    for (let i = 0; i < 100 && (await notApplied()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await notApplied(), 0);
  });
});

describe('language server: git versions in Restricted Mode', () => {
  test('an untrusted workspace starts no git: the version is unavailable, comments fall back to comment-accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-revisions-git-'));
    cpSync(join(FIXTURES, 'revisions'), dir, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.jp', ...args], {
        cwd: dir,
        stdio: 'ignore',
      });
    git('init', '-q');
    cpSync(join(dir, 'versions/2015-draft.md'), join(dir, 'revised.md'));
    git('add', 'revised.md');
    git('commit', '-qm', 'draft');
    cpSync(join(FIXTURES, 'revisions/revised.md'), join(dir, 'revised.md'));
    writeFileSync(
      join(dir, 'guideline.config.json'),
      JSON.stringify({
        versions: [{ label: '2015年案', git: 'HEAD', comments: ['comments/pubcomment-2015-draft.yaml'] }],
      }),
    );
    const uri = fileUri(join(dir, 'revised.md'));
    const text = readFileSync(join(dir, 'revised.md'), 'utf8');
    for (const trusted of [false, true]) {
      const server = await startServer({ workspace: dir, initializationOptions: { trusted } });
      try {
        await server.open(uri, text);
        const codes = ((await server.diagnostics(uri)) as { code: string }[]).map((d) => d.code);
        if (trusted) assert.ok(codes.includes('comment-not-applied'), codes.join(','));
        else assert.ok(!codes.some((c) => c.startsWith('comment-') && c !== 'comment-accepted'), codes.join(','));
        const table = server.request<{ counts: { deleted: number } }>('guideline/revisionTable', {
          textDocument: { uri },
          format: 'md',
          git: 'HEAD',
        });
        if (trusted) assert.equal((await table).counts.deleted, 1);
        else await assert.rejects(table, /信頼されていないワークスペース/);
      } finally {
        await server.shutdown();
      }
    }
  });
});
