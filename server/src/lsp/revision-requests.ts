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
  VersionListRequest,
  type PreviousSectionResult,
  type RevisionTableParams,
  type RevisionTableResult,
} from '../protocol/protocol';
import type { RevisionsService } from './revisions';
import type { ServerState } from './state';
import type { Guard } from './guard';
import { URI } from './uri';
import { basename, dirname } from 'node:path';
import { readVersion } from '../host/revisions/read-version';
import { alignDocuments, type Alignment } from '../core/revisions/align';
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';

const NO_VERSION = {
  ja: 'guideline.config.json に以前の版（versions）がないか、読めませんでした。',
  en: 'guideline.config.json lists no earlier version (versions), or it could not be read.',
};

/**
 * The alignment the table is made from: another file or a git revision when asked (through the
 * same reader as configured versions: no git in Restricted Mode), else a configured version.
 */
async function comparedWith(
  doc: GuidelineDocument,
  params: RevisionTableParams,
  state: ServerState,
  revisions: RevisionsService,
): Promise<{ alignment: Alignment; label: string } | null> {
  if (!params.file && !params.git) return revisions.alignmentWith(doc, params.version);
  const current = URI.toPath(doc.uri) ?? null;
  const filePath = params.file ? URI.toPath(params.file) : undefined;
  const label = params.git ?? (filePath ? basename(filePath) : '');
  const read = await readVersion(
    { label, ...(filePath ? { file: filePath } : { git: params.git ?? '' }), comments: [], range: NO_RANGE },
    {
      baseDir: current ? dirname(current) : (state.workspaceRoots[0] ?? '.'),
      currentGuideline: current,
      trusted: state.trusted,
    },
  );
  if (!read.ok) throw new ResponseError(GuidelineErrorCodes.NoVersion, localize(state.locale, read.message));
  return { alignment: alignDocuments(new GuidelineModelCache().build(read.uri, 0, read.text), doc), label };
}

const NO_RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

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
  connection.onRequest(
    VersionListRequest,
    guard('versions', { labels: [] as string[] }, async () => {
      await ready;
      return { labels: revisions.labels() };
    }),
  );
  connection.onRequest(RevisionTableRequest, async (params): Promise<RevisionTableResult> => {
    await ready;
    const doc = state.guideline(params.textDocument.uri);
    if (!doc) throw new ResponseError(GuidelineErrorCodes.NoVersion, localize(state.locale, NO_VERSION));
    const compared = await comparedWith(doc, params, state, revisions);
    if (!compared) throw new ResponseError(GuidelineErrorCodes.NoVersion, localize(state.locale, NO_VERSION));
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
