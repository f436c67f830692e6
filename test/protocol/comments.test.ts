import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';
import {
  CommentsAtRequest,
  CommentStatusRequest,
  CommentTreeRequest,
  ConvertCommentsRequest,
  ExportCommentsRequest,
  GuidelineErrorCodes,
} from '../../server/src/protocol/protocol';

// A private copy of the example workspace: the tests change comment files on disk.
const workspace = mkdtempSync(join(tmpdir(), 'guideline-comments-'));
cpSync(EXAMPLES, workspace, { recursive: true });
const guidelinePath = join(workspace, 'guideline/security-policy-guideline.md');
const guidelineUri = fileUri(guidelinePath);
const guidelineText = readFileSync(guidelinePath, 'utf8');
const seedUri = fileUri(join(workspace, 'comments/pubcomment-2015.txt'));
const seedText = readFileSync(join(workspace, 'comments/pubcomment-2015.txt'), 'utf8');

describe('language server over stdio: public comments', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ workspace });
    await server.open(guidelineUri, guidelineText);
  });
  after(async () => {
    await server.shutdown();
  });

  test('hover on a commented note shows its history, newest round first', async () => {
    const position = positionOf(guidelineText, '（注7）', 1);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position,
    });
    const text = hover.contents.value;
    // The 2015 text round, and the 2025 PDF round (examples/comments/pubcomment-2025-groups.pdf).
    assert.match(text, /意見 4件/);
    for (const n of [1, 12, 19]) assert.match(text, new RegExp(`\\*\\*意見${n}\\*\\*`));
    assert.match(text, /\*\*意見Ⅰ-1\*\* · Ⅰ．当該意見を踏まえて内容を修正するもの · 地方公共団体 · `修正あり・未着手`/);
    assert.ok(text.includes('pubcomment-2025-groups.pdf)'), 'a PDF record links to the file itself');
    assert.match(text, /`参考`/);
    assert.match(text, /日本の法令の範囲内で運用できるデータセンター/);
    assert.ok(text.includes(`${seedUri}#L5`), 'full text link to the record');
  });

  test('hover on a section heading rolls up the comments on its parts and items', async () => {
    const position = positionOf(guidelineText, '#### 3.6.1 ', 6);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position,
    });
    assert.match(hover.contents.value, /配下の箇所への意見 \d+件/);
    // Short: five comments in full, the rest one click away (the list and the view).
    assert.equal(hover.contents.value.match(/\*\*意見\d+\*\* · /g)?.length, 5);
    assert.match(hover.contents.value, /ほか \d+件。\[すべての意見を一覧で見る\]\(command:guideline\.showComments\?/);
    assert.match(hover.contents.value, /\[意見ビューを開く\]\(command:guideline\.focusComments\)/);
    assert.match(hover.contents.value, /`修正あり・未着手`/);
  });

  test('history across rounds: the 2014 YAML round and the 2015 text round on 図表5', async () => {
    const position = positionOf(guidelineText, '図表5 情報セキュリティポリシーの体系', 1);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position,
    });
    const text = hover.contents.value;
    const newer = text.indexOf('**意見9**');
    const older = text.indexOf('#### 2014');
    assert.ok(newer > 0 && older > newer, 'the undated 2015 round is shown before the dated 2014 one');
  });

  test('code lens on section headings: 意見 N件（修正 M）', async () => {
    const lenses = await server.request<
      Array<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }>
    >('textDocument/codeLens', { textDocument: { uri: guidelineUri } });
    const line = positionOf(guidelineText, '#### 3.6.1 ').line;
    const lens = lenses.find((l) => l.range.start.line === line)!;
    assert.ok(lens, 'lens on 3.6.1');
    assert.equal(lens.command.title, '意見 7件（修正 2・未着手 2）');
    assert.equal(lens.command.command, 'guideline.showComments');
    assert.equal(lens.command.arguments[0], guidelineUri);
  });

  test('diagnostics: comment-accepted on the places whose response promised a change', async () => {
    const diagnostics = await server.diagnostics(guidelineUri);
    const accepted = diagnostics.filter((d) => d.code === 'comment-accepted');
    const lines = accepted.map((d) => d.range.start.line);
    for (const needle of ['#### 3.8.3 ', '(17) 無許可ソフトウェアの導入等の禁止\n\n提供元']) {
      const at = guidelineText.indexOf(needle);
      if (at >= 0) assert.ok(lines.includes(positionOf(guidelineText, needle).line), needle);
    }
    const sms = accepted.find((d) => d.message.includes('「SMS」は「ソーシャルメディアサービス」に修正いたします'))!;
    assert.ok(sms, 'record 6');
    assert.equal(sms.severity, 3);
    assert.equal(sms.relatedInformation![0].location.uri, seedUri);
  });

  test('after edits the comment diagnostics stay on their nodes: text typed above, then an item inserted', async () => {
    let text = guidelineText;
    await server.close(guidelineUri);
    await server.open(guidelineUri, text, 'markdown', 10);
    const line = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    const smsLine = async () =>
      (await server.diagnostics(guidelineUri)).find(
        (d) => d.code === 'comment-accepted' && d.message.includes('「SMS」'),
      )!.range.start.line;
    assert.equal(await smsLine(), line('#### 3.8.3 '));
    // Typing a paragraph in 1.1: the structure is the same, every place below moves down.
    const at = text.indexOf('本ガイドラインは、各地方公共団体');
    const insert = '追記した一文である。\n\n';
    const before = text.slice(0, at).split('\n');
    text = text.slice(0, at) + insert + text.slice(at);
    await server.change(guidelineUri, 11, [
      {
        range: { start: { line: before.length - 1, character: 0 }, end: { line: before.length - 1, character: 0 } },
        text: insert,
      },
    ]);
    assert.equal(await smsLine(), line('#### 3.8.3 '));
    // A new item changes the structure: the comment on 3.4.2 【例文】（2）③ still lands on ③.
    const item = text.indexOf('（２）管理区域の入退室管理等');
    const itemText = '（１）追加した項目\n\n';
    const b2 = text.slice(0, item).split('\n');
    text = text.slice(0, item) + itemText + text.slice(item);
    await server.change(guidelineUri, 12, [
      {
        range: { start: { line: b2.length - 1, character: 0 }, end: { line: b2.length - 1, character: 0 } },
        text: itemText,
      },
    ]);
    const rack = (await server.diagnostics(guidelineUri)).find(
      (d) => d.code === 'comment-accepted' && d.message.includes('サーバラック'),
    )!;
    assert.match(text.split('\n')[rack.range.start.line], /^③情報システム管理者は、外部からの訪問者/);
    assert.equal(await smsLine(), line('#### 3.8.3 '));
    await server.close(guidelineUri);
    await server.open(guidelineUri, guidelineText);
  });

  test('comments.diagnostics = off removes them, all adds the rest as hints', async () => {
    server.settings = { comments: { diagnostics: 'all' } };
    await server.notify('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 100));
    const all = await server.diagnostics(guidelineUri);
    assert.ok(all.some((d) => d.code === 'comment-noted' && d.severity === 4));
    server.settings = { comments: { diagnostics: 'off' } };
    await server.notify('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!(await server.diagnostics(guidelineUri)).some((d) => d.code.startsWith('comment-')));
    server.settings = {};
    await server.notify('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 100));
  });

  test('in a comment file: definition from a 該当箇所 to the node, hover shows the guideline text', async () => {
    await server.open(seedUri, seedText, 'plaintext');
    const position = positionOf(seedText, '27 3.6.5 （解説）（1）（注2）', 5);
    const [location] = await server.request<Array<{ uri: string; range: { start: { line: number } } }>>(
      'textDocument/definition',
      { textDocument: { uri: seedUri }, position },
    );
    assert.equal(location.uri, guidelineUri);
    assert.equal(location.range.start.line, positionOf(guidelineText, '（注2）CSIRTは').line);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: seedUri },
      position,
    });
    assert.match(hover.contents.value, /対応付け：（注2） CSIRTは.*（完全一致）/);
    assert.deepEqual(await server.diagnostics(seedUri), []);
  });

  test('in a comment file: every linked 該当箇所 is a document link to its node', async () => {
    await server.open(seedUri, seedText, 'plaintext');
    const links = await server.request<Array<{ range: { start: { line: number } }; target: string; tooltip: string }>>(
      'textDocument/documentLink',
      { textDocument: { uri: seedUri } },
    );
    assert.equal(links.length, 24, '27 records, less the three about the whole guideline (全般: records 5, 10, 11)');
    const note = links.find((l) => l.range.start.line === positionOf(seedText, '27 3.6.5 （解説）（1）（注2）').line)!;
    assert.equal(note.target, `${guidelineUri}#L${positionOf(guidelineText, '（注2）CSIRTは').line + 1},1`);
    assert.match(note.tooltip, /^（注2） CSIRTは.* を開く$/);
  });

  test('find references from a node includes the comments about it', async () => {
    const position = positionOf(guidelineText, '（注7）', 1);
    const locations = await server.request<Array<{ uri: string; range: { start: { line: number } } }>>(
      'textDocument/references',
      { textDocument: { uri: guidelineUri }, position, context: { includeDeclaration: false } },
    );
    const inSeed = locations
      .filter((l) => l.uri === seedUri)
      .map((l) => l.range.start.line + 1)
      .sort((a, b) => a - b);
    assert.deepEqual(inSeed, [5, 188, 355]);
  });

  test('editing a comment file updates the open guideline: a new accepted comment, an unresolved one', async () => {
    const yamlUri = fileUri(join(workspace, 'comments/extra.yaml'));
    const yaml = [
      'title: 追加の意見募集（試験）',
      'date: 2016-02-01',
      'comments:',
      '  - number: 1',
      '    location: "3.4.1 【例文】（1）"',
      '    submitter: 個人',
      '    opinion: 耐震対策について明記してほしい。',
      '    response: ご指摘を踏まえ、耐震対策について追記いたします。',
      '  - number: 2',
      '    location: "3.10.2 【例文】（1）"',
      '    submitter: 法人',
      '    opinion: 例外措置の手続を明確にしてほしい。',
      '    response: 今後の参考とさせていただきます。',
      '',
    ].join('\n');
    const refreshesBefore = server.refreshes;
    await server.open(yamlUri, yaml, 'yaml');
    const fileDiagnostics = await server.diagnostics(yamlUri);
    const unresolved = fileDiagnostics.find((d) => d.code === 'comment-unresolved')!;
    assert.ok(unresolved, 'unresolved location reported in the comment file');
    assert.equal(unresolved.range.start.line, 9);
    assert.match(unresolved.message, /3\.10\.2/);
    const diagnostics = await server.diagnostics(guidelineUri);
    assert.ok(
      diagnostics.some((d) => d.code === 'comment-accepted' && d.message.includes('耐震対策について追記いたします')),
    );
    for (let i = 0; i < 100 && server.refreshes === refreshesBefore; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(server.refreshes > refreshesBefore, 'the server asked the client to pull diagnostics again');
    await server.close(yamlUri);
  });

  test('a comment file changed on disk is re-read (workspace/didChangeWatchedFiles)', async () => {
    const path = join(workspace, 'comments/disk.yaml');
    writeFileSync(
      path,
      'title: 試験\ndate: 2017-01-01\ncomments:\n  - number: 1\n    location: "3.9 【例文】（2）"\n    submitter: 個人\n    opinion: 自己点検の頻度を示してほしい。\n    response: ご指摘を踏まえ、年1回以上と追記いたします。\n',
    );
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path), type: 1 }] });
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      found = (await server.diagnostics(guidelineUri)).some((d) => d.message.includes('年1回以上と追記いたします'));
      if (!found) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(found);
  });

  test('custom requests: comments at a position, the comment tree, status, convert and export', async () => {
    const { connection } = server;
    const at = await connection.sendRequest(CommentsAtRequest, {
      textDocument: { uri: guidelineUri },
      position: positionOf(guidelineText, '#### 3.8.3 ', 6),
    });
    assert.equal(at.title, '3.8.3 ソーシャルメディアサービスの利用');
    assert.deepEqual(
      at.items.map((i) => [i.id, i.group, i.disposition]),
      [
        ['Ⅲ-2', 'Ⅲ．その他', 'already-covered'],
        ['6', null, 'accepted'],
      ],
    );
    const tree = await connection.sendRequest(CommentTreeRequest, {});
    const seedRound = tree.rounds.find((r) => r.items.length === 27)!;
    assert.ok(seedRound);
    // Sections in numeric order (1.6.1 before 3.4.2 before 3.10 …), general comments last.
    assert.deepEqual(
      seedRound.items.slice(0, 2).map((i) => [i.section, i.number]),
      [
        ['1.6.1', 9],
        ['3.4.2', 8],
      ],
    );
    assert.deepEqual(
      seedRound.items.slice(-3).map((i) => i.section),
      [null, null, null],
    );
    const status = await connection.sendRequest(CommentStatusRequest, { textDocument: { uri: guidelineUri } });
    assert.equal(status.kind, 'guideline');
    assert.ok(status.linked >= 37);
    const yaml = await connection.sendRequest(ConvertCommentsRequest, { uri: seedUri, format: 'yaml' });
    assert.match(yaml.text, /^title: /m);
    assert.match(yaml.text, /location: 3\.8\.1 （解説）（2）⑬（注7） （107ページ）/);
    const table = await connection.sendRequest(ExportCommentsRequest, { uri: seedUri, format: 'md', order: 'section' });
    assert.match(table.text ?? '', /\| 番号 \| 該当箇所 \|/);
    // Errors carry a named code and a message in the user's language.
    await assert.rejects(connection.sendRequest(ConvertCommentsRequest, { uri: guidelineUri, format: 'yaml' }), {
      code: GuidelineErrorCodes.NotCommentDocument,
      message: /意見の文書として読み取れません/,
    });
    await assert.rejects(connection.sendRequest(ConvertCommentsRequest, { uri: seedUri, format: 'xml' as 'yaml' }), {
      code: GuidelineErrorCodes.UnknownFormat,
    });
  });
});
