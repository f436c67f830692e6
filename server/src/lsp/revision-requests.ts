/**
 * Custom requests behind the client's revision commands: the previous version's section for the
 * side-by-side diff, and the 新旧対照表 of the open guideline against a configured version.
 */
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { localize } from '../core/i18n/locale';
import { comparisonTable } from '../core/revisions/table';
import { renderTableHtml, renderTableMarkdown } from '../core/revisions/render-table';
import { renderTableDocx } from '../host/revisions/table-docx';
import {
  GuidelineErrorCodes,
  PreviousSectionRequest,
  RevisionTableRequest,
  type PreviousSectionResult,
  type RevisionTableResult,
} from '../protocol/protocol';
import type { RevisionsService } from './revisions';
import type { ServerState } from './state';
import type { Guard } from './guard';
import { URI } from './uri';

const NO_VERSION = {
  ja: 'guideline.config.json に以前の版（versions）がないか、読めませんでした。',
  en: 'guideline.config.json lists no earlier version (versions), or it could not be read.',
};

export function registerRevisionRequests(
  connection: Connection,
  state: ServerState,
  revisions: RevisionsService,
  guard: Guard,
  ready: Promise<void>,
): void {
  connection.onRequest(
    PreviousSectionRequest,
    guard('previousSection', null as PreviousSectionResult | null, async (params) => {
      await ready;
      const doc = state.guideline(params.textDocument.uri);
      return doc ? revisions.previousSection(doc, params.position) : null;
    }),
  );
  connection.onRequest(RevisionTableRequest, async (params): Promise<RevisionTableResult> => {
    await ready;
    const doc = state.guideline(params.textDocument.uri);
    const compared = doc ? revisions.alignmentWith(doc, params.version) : null;
    if (!doc || !compared) throw new ResponseError(GuidelineErrorCodes.NoVersion, localize(state.locale, NO_VERSION));
    const name = decodeURIComponent(URI.path(doc.uri).split('/').pop() ?? doc.uri);
    const table = comparisonTable(compared.alignment, { newLabel: name, oldLabel: compared.label });
    const base = { versionLabel: compared.label, counts: table.counts };
    if (params.format === 'docx')
      return {
        ...base,
        content: Buffer.from(await renderTableDocx(table, state.locale)).toString('base64'),
        encoding: 'base64',
      };
    const content =
      params.format === 'html' ? renderTableHtml(table, state.locale) : renderTableMarkdown(table, state.locale);
    return { ...base, content, encoding: 'utf8' };
  });
}
