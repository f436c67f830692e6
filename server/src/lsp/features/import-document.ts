/**
 * `guideline/importDocument`: the extension's import command asks the server to read a Word file
 * or PDF (host/import) and gets the Markdown and the notes back; the extension decides where the
 * text goes (a new editor). Bad input answers with a ResponseError carrying the user's message.
 */
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { importFile, ImportInputError } from '../../host/import/import-document';
import { issueLines } from '../../core/import/report';
import { GuidelineErrorCodes, ImportDocumentRequest, type ImportDocumentResult } from '../../protocol/protocol';
import { URI } from '../uri';
import type { ServerState } from '../state';
import type { Guard } from '../guard';

const NOT_A_FILE = { ja: 'ディスク上のファイルを選んでください', en: 'choose a file on disk' };

export function registerImportRequest(connection: Connection, state: ServerState, guard: Guard): void {
  connection.onRequest(
    ImportDocumentRequest,
    guard('importDocument', null as ImportDocumentResult | null, async (params): Promise<ImportDocumentResult> => {
      const path = URI.toPath(params.uri);
      if (!path) throw new ResponseError(GuidelineErrorCodes.ImportFailed, NOT_A_FILE[state.locale]);
      try {
        const imported = await importFile(path);
        return {
          kind: imported.kind,
          pages: imported.pages ?? null,
          markdown: imported.markdown,
          notes: issueLines(imported.issues, state.locale),
        };
      } catch (error) {
        if (error instanceof ImportInputError)
          throw new ResponseError(GuidelineErrorCodes.ImportFailed, error.text(state.locale));
        throw error;
      }
    }),
  );
}
