import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES, FIXTURES } from '../support/paths';
import { fileUri, positionOf, startServer, type TestServer } from './lsp-client';
import {
  CommentStatusRequest,
  CommentTreeRequest,
  ConvertCommentsRequest,
  ExportCommentsRequest,
  GuidelineErrorCodes,
  SetCommentStatusRequest,
  GuidelineSectionsRequest,
  NewRoundRequest,
  CommentsChangedNotification,
} from '../../server/src/protocol/protocol';
import { applyFixes } from '../../server/src/core/checks/fixes';

// The editor's workspace: the example guideline and rounds, plus what a careless export and a
// conversion leave behind in it.
const workspace = mkdtempSync(join(tmpdir(), 'guideline-workflow-'));
cpSync(EXAMPLES, workspace, { recursive: true });
const guidelinePath = join(workspace, 'guideline/security-policy-guideline.md');
const guidelineUri = fileUri(guidelinePath);
const guidelineText = readFileSync(guidelinePath, 'utf8');
const seedUri = fileUri(join(workspace, 'comments/pubcomment-2015.txt'));
const storePath = join(workspace, 'comments/pubcomment-2015.yaml');
const storeUri = fileUri(storePath);
const exportedMdPath = join(workspace, 'comments/pubcomment-2015-table.md');
const exportedCsvPath = join(workspace, 'comments/pubcomment-2015-table.csv');
/** Every other format a careless export may leave in the workspace, by file name. */
const otherExports = { xlsx: 'table.xlsx', docx: 'table.docx', 'csv-sjis': 'table-sjis.csv' } as const;

async function until<T>(get: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let value = await get();
  for (let i = 0; i < 500 && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 20));
    value = await get();
  }
  return value;
}

describe('language server over stdio: the comment workflow', () => {
  let server: TestServer;
  /** Whether the comments view lists a round read from `uri`. */
  const inCommentTree = async (uri: string) =>
    (await server.connection.sendRequest(CommentTreeRequest, {})).rounds.some((r) => r.uri === uri);
  before(async () => {
    // The exports and the YAML store are made by a first server, then the workspace is reopened.
    const first = await startServer({ workspace });
    const { connection } = first;
    const md = await connection.sendRequest(ExportCommentsRequest, { uri: seedUri, format: 'md', order: 'number' });
    writeFileSync(exportedMdPath, Buffer.from(md.data, 'base64'));
    const csv = await connection.sendRequest(ExportCommentsRequest, { uri: seedUri, format: 'csv', order: 'number' });
    writeFileSync(exportedCsvPath, Buffer.from(csv.data, 'base64'));
    for (const [format, name] of Object.entries(otherExports)) {
      const out = await connection.sendRequest(ExportCommentsRequest, {
        uri: seedUri,
        format: format as keyof typeof otherExports,
        order: 'number',
      });
      writeFileSync(join(workspace, 'comments', `pubcomment-2015-${name}`), Buffer.from(out.data, 'base64'));
    }
    const yaml = await connection.sendRequest(ConvertCommentsRequest, { uri: seedUri, format: 'yaml' });
    writeFileSync(storePath, yaml.text);
    await first.shutdown();
    server = await startServer({ workspace });
    await server.open(guidelineUri, guidelineText);
  });
  after(async () => {
    await server.shutdown();
  });

  test('exports are not read back: no third round, no guideline findings in the exported table', async () => {
    const { rounds } = await server.connection.sendRequest(CommentTreeRequest, {});
    assert.deepEqual(
      rounds.map((r) => r.uri.split('/').pop()),
      ['team-review-2026.md', 'pubcomment-2025-groups.pdf', 'pubcomment-2015.yaml', 'pubcomment-2014-draft.yaml'],
    );
    await server.open(fileUri(exportedMdPath), readFileSync(exportedMdPath, 'utf8'));
    assert.deepEqual(await server.diagnostics(fileUri(exportedMdPath)), []);
    assert.equal(rounds.find((r) => r.uri.endsWith('/pubcomment-2015.yaml'))!.items.length, 27);
    // Every comment linked to the guideline counted once: the status bar's count is the view's.
    const status = await server.connection.sendRequest(CommentStatusRequest, { textDocument: { uri: guidelineUri } });
    const linked = rounds.flatMap((r) => r.items).filter((i) => i.target?.uri === guidelineUri);
    assert.equal(status.linked, linked.length);
    assert.equal(status.accepted, linked.filter((i) => i.disposition === 'accepted').length);
  });

  test('the published text, read as well as its YAML store, is reported once with both files named', async () => {
    const diagnostics = await server.diagnostics(seedUri);
    const duplicate = diagnostics.find((d) => d.code === 'comment-duplicate-round');
    assert.ok(duplicate);
    assert.match(duplicate.message, /comments\/pubcomment-2015\.txt と comments\/pubcomment-2015\.yaml/);
  });

  test('exports: CSV for Excel has a BOM; xlsx and docx come as bytes', async () => {
    const csv = await server.connection.sendRequest(ExportCommentsRequest, {
      uri: storeUri,
      format: 'csv',
      order: 'number',
    });
    assert.deepEqual([...Buffer.from(csv.data, 'base64').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(csv.extension, 'csv');
    const xlsx = await server.connection.sendRequest(ExportCommentsRequest, {
      uri: storeUri,
      format: 'xlsx',
      order: 'number',
    });
    assert.equal(xlsx.text, null);
    assert.equal(Buffer.from(xlsx.data, 'base64').subarray(0, 2).toString(), 'PK');
    await assert.rejects(
      server.connection.sendRequest(ExportCommentsRequest, { uri: storeUri, format: 'pdf' as 'md', order: 'number' }),
      { code: GuidelineErrorCodes.UnknownFormat },
    );
  });

  test('a promise is 未着手 until the editor sets 対応済み; then its diagnostic goes', async () => {
    const promiseOn9 = (d: { code: string; message: string }) =>
      d.code === 'comment-accepted' && d.message.startsWith('意見9（2015年');
    const before = await server.diagnostics(guidelineUri);
    assert.match(before.find(promiseOn9)?.message ?? '', /修正が約束されています（未着手）/);
    const tree = await server.connection.sendRequest(CommentTreeRequest, {});
    const nine = tree.rounds.find((r) => r.uri.endsWith('/pubcomment-2015.yaml'))!.items.find((i) => i.number === 9)!;
    assert.deepEqual(nine.promise, { status: 'open', label: '未着手', assignee: null, notes: null, source: 'default' });
    assert.equal(nine.editable, true);
    const opened = await server.connection.sendRequest(CommentStatusRequest, { textDocument: { uri: guidelineUri } });

    const { edit } = await server.connection.sendRequest(SetCommentStatusRequest, {
      uri: storeUri,
      number: 9,
      status: 'done',
      assignee: '情報政策課 山田',
    });
    const text = applyFixes(readFileSync(storePath, 'utf8'), edit.changes![storeUri]).text;
    assert.match(text, /status: 対応済み\n\s+assignee: 情報政策課 山田\n/);
    writeFileSync(storePath, text);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: storeUri, type: 2 }] });
    const after = await until(
      () => server.diagnostics(guidelineUri),
      (ds) => !ds.some(promiseOn9),
    );
    assert.equal(after.filter(promiseOn9).length, 0);
    const status = await server.connection.sendRequest(CommentStatusRequest, { textDocument: { uri: guidelineUri } });
    assert.equal(status.openPromises, opened.openPromises - 1);
  });

  test('the state is recorded only in a YAML store: elsewhere a named error in the user language', async () => {
    await assert.rejects(
      server.connection.sendRequest(SetCommentStatusRequest, { uri: seedUri, number: 9, status: 'done' }),
      { code: GuidelineErrorCodes.NotEditableStore, message: /YAML の意見ファイルに記録します/ },
    );
  });

  test('hover merges a response shared word for word: 「意見1・12・19への考え方（共通）」', async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position: positionOf(guidelineText, '（注7）', 1),
    });
    const text = hover.contents.value;
    assert.match(text, /意見1・12・19への考え方（共通）：/);
    assert.equal(text.split('データセンターの設置されている国の法令により').length - 1, 1, 'the response once');
  });

  test('項番へ移動 offers the guideline documents only, not the README of the workspace', async () => {
    const readmeUri = fileUri(join(workspace, 'README.md'));
    const all = await server.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: '' });
    assert.ok(
      all.some((s) => s.location.uri === readmeUri),
      'workspace symbols keep every Markdown file',
    );
    const sections = await server.connection.sendRequest(GuidelineSectionsRequest, { query: '' });
    assert.ok(sections.length > 20);
    assert.deepEqual([...new Set(sections.map((s) => s.location.uri))], [guidelineUri]);
    assert.ok(sections.some((s) => s.name === '3.6.2 アクセス制御'));
  });

  test('drafting a round: an empty response is an information finding; standard phrases are completed', async () => {
    const draftPath = join(workspace, 'comments/draft-2026.yaml');
    const draft = [
      'title: 「○○市情報セキュリティポリシー（改定案）」に対する意見及びそれに対する考え方',
      'date: 2026-11-30',
      'comments:',
      '  - number: 1',
      '    location: "3.6.2 （解説）"',
      '    submitter: 個人',
      '    opinion: アクセス権限の見直しの頻度を示してほしい。',
      '    response: ',
      '',
    ].join('\n');
    writeFileSync(draftPath, draft);
    const draftUri = fileUri(draftPath);
    await server.open(draftUri, draft, 'yaml');
    const diagnostics = await server.diagnostics(draftUri);
    const empty = diagnostics.find((d) => d.code === 'comment-missing-response');
    assert.ok(empty);
    assert.equal(empty.severity, 3);
    assert.match(empty.message, /意見1への考え方はまだ書かれていません/);
    const completion = await server.request<{ items: Array<{ label: string; detail: string }> }>(
      'textDocument/completion',
      { textDocument: { uri: draftUri }, position: { line: 7, character: 14 } },
    );
    assert.deepEqual(
      completion.items.slice(0, 3).map((i) => [i.label, i.detail]),
      [
        ['原案のとおりとさせていただきます。', '原案どおり'],
        ['ご指摘の趣旨を踏まえ、次のとおり修正いたします。', '修正あり'],
        ['今後の参考とさせていただきます。', '参考'],
      ],
    );
    // Not on other fields.
    const none = await server.request<unknown>('textDocument/completion', {
      textDocument: { uri: draftUri },
      position: { line: 6, character: 20 },
    });
    assert.equal(none, null);
  });

  test('typing 例文 in a 【例文】 offers the model clauses only, numbered after the list', async () => {
    const uri = fileUri(join(workspace, 'guideline/draft-clauses.md'));
    const text =
      '### 3.8 クラウドサービス等の利用\n\n【例文】\n\n(1) 利用の許可\n\n(2) 一覧の管理\n\n(3) 契約の確認\n\n例文\n';
    await server.open(uri, text);
    const list = await server.request<{
      items: Array<{ label: string; insertTextFormat?: number; textEdit: { newText: string } }>;
    }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 10, character: 2 },
      context: { triggerKind: 2, triggerCharacter: '文' },
    });
    assert.ok(list.items.length > 10);
    assert.ok(list.items.every((i) => i.label.startsWith('reibun-') && i.insertTextFormat === 2));
    const cloud = list.items.find((i) => i.label.startsWith('reibun-cloud'))!;
    assert.ok(cloud.textEdit.newText.startsWith('(4)クラウドサービスの利用'));
  });

  test('新しい回を作成: a received table outside the workspace becomes a YAML round about the guideline', async () => {
    const received = fileUri(join(FIXTURES, 'comments/layouts/soumu-groups-restart.xlsx'));
    const empty = await server.connection.sendRequest(NewRoundRequest, { uri: received, responses: 'empty' });
    assert.equal(empty.guidelineUri, guidelineUri);
    assert.equal(empty.renumbered, true);
    assert.ok(empty.withResponses > 0 && empty.comments >= empty.withResponses);
    assert.match(empty.yaml, /^ {4}response:$/m);
    const kept = await server.connection.sendRequest(NewRoundRequest, { uri: received, responses: 'keep' });
    assert.doesNotMatch(kept.yaml, /^ {4}response:$/m);
    // From a round of the workspace (the published 2015 text) too.
    const again = await server.connection.sendRequest(NewRoundRequest, { uri: seedUri, responses: 'empty' });
    assert.equal(again.comments, 27);
  });

  test('新しい回を作成 from a file that is no comment table: a named error in the user language', async () => {
    await assert.rejects(
      server.connection.sendRequest(NewRoundRequest, {
        uri: fileUri(join(workspace, 'README.md')),
        responses: 'empty',
      }),
      { code: GuidelineErrorCodes.NotCommentDocument, message: /README\.md: 意見の文書として読めません/ },
    );
    await assert.rejects(
      server.connection.sendRequest(NewRoundRequest, {
        uri: fileUri(join(workspace, 'comments/pubcomment-2015-table.xlsx')),
        responses: 'empty',
      }),
      { code: GuidelineErrorCodes.NotCommentDocument, message: /書き出した表です/ },
    );
  });

  test('live refresh: typing in an open round changes view, hover and diagnostics before saving', async () => {
    const roundPath = join(workspace, 'comments/pubcomment-2014-draft.yaml');
    const roundUri = fileUri(roundPath);
    const onDisk = readFileSync(roundPath, 'utf8');
    const promiseOf2014Comment1 = (d: { code: string; message: string }) =>
      d.code === 'comment-accepted' && d.message.startsWith('意見1（2014');
    const first = (tree: { rounds: Array<{ uri: string; items: Array<{ number: number; disposition: string }> }> }) =>
      tree.rounds.find((r) => r.uri === roundUri)!.items.find((i) => i.number === 1)!;
    assert.equal(first(await server.connection.sendRequest(CommentTreeRequest, {})).disposition, 'accepted');
    assert.ok((await server.diagnostics(guidelineUri)).some(promiseOf2014Comment1));

    let notified = 0;
    const told = new Promise<void>((resolve) =>
      server.connection.onNotification(CommentsChangedNotification, () => {
        notified++;
        resolve();
      }),
    );
    await server.open(roundUri, onDisk, 'yaml');
    // The editor types over the promise: 原案のとおり instead of 追記いたします (not saved).
    const edited = onDisk.replace(
      'ご指摘の趣旨を踏まえ、図表5に公開・非公開の区分を追記いたします。',
      '原案のとおりとさせていただきます。',
    );
    assert.notEqual(edited, onDisk);
    await server.change(roundUri, 2, [{ text: edited }]);
    await told;
    assert.ok(notified >= 1);
    assert.equal(first(await server.connection.sendRequest(CommentTreeRequest, {})).disposition, 'as-drafted');
    const after = await until(
      () => server.diagnostics(guidelineUri),
      (ds) => !ds.some(promiseOf2014Comment1),
    );
    assert.equal(after.filter(promiseOf2014Comment1).length, 0);
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: guidelineUri },
      position: positionOf(guidelineText, '図表5', 1),
    });
    assert.match(hover.contents.value, /原案のとおりとさせていただきます。/);
    // In the round itself, the response's hover says the disposition it now makes.
    const own = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: roundUri },
      position: positionOf(edited, '原案のとおりとさせていただきます。', 2),
    });
    assert.match(own.contents.value, /^対応区分：\*\*原案どおり\*\*（考え方の文言から判定/);
    assert.equal(readFileSync(roundPath, 'utf8'), onDisk, 'nothing was saved');
    // Closed without saving: the disk copy counts again, and the client is asked to pull again.
    const refreshes = server.refreshes;
    await server.close(roundUri);
    await until(
      async () => server.refreshes,
      (n) => n > refreshes,
    );
    assert.ok(server.refreshes > refreshes, 'workspace/diagnostic/refresh after closing an edited round');
    assert.ok((await server.diagnostics(guidelineUri)).some(promiseOf2014Comment1));
  });

  test('a round file deleted while its document is still open stops counting, until it is edited again', async () => {
    const path = join(workspace, 'comments/deleted-round.yaml');
    const uri = fileUri(path);
    const text = [
      'title: 「○○市情報セキュリティポリシー（改定案）」に対する意見及びそれに対する考え方',
      'comments:',
      '  - number: 1',
      '    location: "3.6.2"',
      '    opinion: 権限の棚卸しの頻度を示してほしい。',
      '    response: 今後の参考とさせていただきます。',
      '',
    ].join('\n');
    writeFileSync(path, text);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await server.open(uri, text, 'yaml');
    const has = () => inCommentTree(uri);
    assert.equal(await has(), true);
    rmSync(path);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    assert.equal(await until(has, (v) => !v), false, 'a tab closed and its file deleted: no stale round');
    await server.change(uri, 2, [{ text: text.replace('3.6.2', '3.6.1') }]);
    assert.equal(await has(), true, 'typing in it again makes it a round again');
    await server.close(uri);
  });

  test('disk events count in the order they came: a read for "created" does not bring back a round "deleted" after it', async () => {
    const path = join(workspace, 'comments/created-then-deleted.yaml');
    const uri = fileUri(path);
    const text = [
      'title: 「○○町情報セキュリティポリシー（改定案）」に対する意見及びそれに対する考え方',
      'comments:',
      '  - number: 1',
      '    location: "3.6.2"',
      '    opinion: 外部記録媒体の管理台帳の様式を示してほしい。',
      '    response: 今後の参考とさせていただきます。',
      '',
    ].join('\n');
    const has = () => inCommentTree(uri);
    // The file stays on disk while both events arrive (a watcher reports late), so the read started
    // for "created" succeeds: only the order of handling decides what counts.
    writeFileSync(path, text);
    const refreshes = server.refreshes;
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    // Each handled event ends with a refresh request: wait for both, then ask.
    await until(
      async () => server.refreshes,
      (n) => n >= refreshes + 2,
    );
    assert.equal(await has(), false, 'the last event says deleted');
    rmSync(path);
  });
});
