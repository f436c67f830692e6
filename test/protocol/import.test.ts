import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/paths';
import { fileUri, startServer, type TestServer } from './lsp-client';
import { GuidelineErrorCodes, ImportDocumentRequest } from '../../server/src/protocol/protocol';

describe('language server: guideline/importDocument', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: 'ja' });
  });
  after(async () => {
    await server.shutdown();
  });

  test('a PDF comes back as Markdown with the notes in Japanese', async () => {
    const result = await server.connection.sendRequest(ImportDocumentRequest, {
      uri: fileUri(join(FIXTURES, 'import/municipal-two-column.pdf')),
    });
    assert.ok(result);
    assert.equal(result.kind, 'pdf');
    assert.equal(result.pages, 2);
    assert.match(result.markdown, /^# 〇〇市情報セキュリティ対策基準\n/);
    assert.ok(
      result.notes.includes(
        '2ページ: このページには文字がありません（画像として読み取られたページの可能性があります。文字認識が必要です）',
      ),
    );
  });

  test('a Word file comes back as Markdown', async () => {
    const result = await server.connection.sendRequest(ImportDocumentRequest, {
      uri: fileUri(join(FIXTURES, 'import/regulation-articles.docx')),
    });
    assert.ok(result);
    assert.equal(result.kind, 'docx');
    assert.equal(result.pages, null);
    assert.match(result.markdown, /## 第１章 総則/);
  });

  test('a file that is not Word or PDF is an error with a message for the user; the server lives on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-import-'));
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'メモ\n');
    await assert.rejects(
      server.connection.sendRequest(ImportDocumentRequest, { uri: fileUri(path) }),
      (error: { code: number; message: string }) =>
        error.code === GuidelineErrorCodes.ImportFailed &&
        /取り込めるのは Word（\.docx）と PDF のファイルです/.test(error.message),
    );
    await assert.rejects(
      server.connection.sendRequest(ImportDocumentRequest, { uri: 'untitled:Untitled-1' }),
      /ディスク上のファイル/,
    );
    const again = await server.connection.sendRequest(ImportDocumentRequest, {
      uri: fileUri(join(FIXTURES, 'import/regulation-articles.docx')),
    });
    assert.ok(again);
    assert.equal(again.kind, 'docx');
  });
});
