/**
 * The language server's wiring: capabilities, and which module answers which request. Every
 * handler is guarded so that a failure answers null (or an empty result) and is logged, never
 * taking the server down.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  TextDocumentSyncKind,
  type Connection,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { localeFromTag } from '../core/i18n/locale';
import { ancestryAt, type GuidelineDocument } from '../core/model/document';
import { isNumberedContainer } from '../core/model/node';
import { completionCandidates } from '../core/workspace/completion';
import { ServerState } from './state';
import { morphologyLoader } from './morphology';
import { URI } from './uri';
import { createGuard } from './guard';
import { createGuidelineHandler } from './document-handler';
import { WorkspaceLoader } from './workspace-loader';
import { FindingsCache } from './findings-cache';
import { documentDiagnostics, registerPullDiagnostics } from './diagnostics';
import { PushDiagnostics, clientPullsDiagnostics } from './push-diagnostics';
import { registerCommentRequests } from './comment-requests';
import { registerImportRequest } from './features/import-document';
import {
  commentDefinition,
  commentFileHover,
  commentHover,
  commentLenses,
  commentReferences,
  nodeForCommand,
} from './features/comments';
import { documentSymbols } from './features/document-symbols';
import { foldingRanges } from './features/folding';
import { selectionRanges } from './features/selection-ranges';
import { workspaceSymbols } from './features/workspace-symbols';
import { definition, referenceHover, references } from './features/navigation';
import { commentLocationLinks, referenceLinks } from './features/document-links';
import { codeActions, FIX_ALL_KIND } from './features/code-actions';
import { COMPLETION_TRIGGERS, responseCompletionList, toCompletionList, wantsReibunOnly } from './features/completion';
import { reibunCandidates } from '../core/workspace/reibun-completion';
import { loadReibunSnippets } from '../host/snippets';
import { RevisionsService } from './revisions';
import { registerRevisionRequests } from './revision-requests';
import { PolicyCoverage, registerCoverageRequests } from './features/coverage';

const SERVER_NAME = 'guideline-language-server';

interface InitializationOptions {
  /** VS Code's workspace trust; other editors have none and are trusted. */
  trusted?: boolean;
}

export function startServer(connection: Connection, version: string): void {
  const state = new ServerState();
  const guard = createGuard(connection);
  const loader = new WorkspaceLoader(connection, state);
  const revisions = new RevisionsService(state, (message) => connection.console.warn(message));
  const findings = new FindingsCache(state, {
    key: () => revisions.stamp,
    findings: (doc) => revisions.findings(doc),
  });
  const coverage = new PolicyCoverage(state, (g) => revisions.versionFor(g, state.settings.coverageSince));
  // Cross-file answers wait until the workspace's guidelines are read once.
  let markReady: () => void = () => undefined;
  const workspaceReady = new Promise<void>((resolve) => (markReady = resolve));
  const onGuideline = createGuidelineHandler(state, guard, workspaceReady);
  const push = new PushDiagnostics(connection, {
    compute: async (uri) => {
      await workspaceReady;
      return documentDiagnostics(state, findings, uri, undefined, (doc) => coverage.diagnostics(doc));
    },
    openUris: () => state.documents.keys(),
    log: (message) => connection.console.error(message),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    state.locale = localeFromTag(params.locale);
    state.trusted = (params.initializationOptions as InitializationOptions | undefined)?.trusted !== false;
    loader.hasConfigurationCapability = Boolean(params.capabilities.workspace?.configuration);
    push.enable(!clientPullsDiagnostics(params.capabilities));
    state.workspaceRoots = (params.workspaceFolders ?? [])
      .map((f) => URI.toPath(f.uri))
      .filter((p): p is string => Boolean(p));
    if (state.workspaceRoots.length === 0 && params.rootUri) {
      const root = URI.toPath(params.rootUri);
      if (root) state.workspaceRoots.push(root);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: { label: 'ガイドライン' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        diagnosticProvider: { identifier: 'guideline', interFileDependencies: true, workspaceDiagnostics: false },
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      try {
        await loader.initialize();
        await loadRevisions();
      } finally {
        markReady();
      }
      loader.reportRestrictedMode();
      refreshAll();
    }),
  );

  async function loadRevisions(): Promise<void> {
    await revisions.load();
    state.setVersionExclusions(revisions.versionFileUris, revisions.versionRoundUris);
  }

  // The 公用文 rules' analyser, loaded in the background once a rule needing it is on.
  const ensureMorphology = morphologyLoader(
    state,
    () => refreshAll(),
    (message) => connection.console.log(message),
  );

  function refreshAll(): void {
    ensureMorphology();
    push.scheduleAll();
    connection.languages.diagnostics.refresh().catch(() => undefined);
    connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  // An edit in a comment file changes what every open guideline shows.
  let refreshTimer: NodeJS.Timeout | undefined;
  function refreshSoon(): void {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshAll, 200);
  }

  loader.registerWatching(guard, () => void loadRevisions().then(refreshAll, refreshAll));
  revisions.onRecomputed = refreshAll;

  state.documents.onDidChangeContent((event) => {
    push.schedule(event.document.uri);
    state.refresh(event.document.uri);
    if (state.commentRound(event.document.uri)) refreshSoon();
  });
  state.documents.onDidClose((event) => {
    push.clear(event.document.uri);
    state.refresh(event.document.uri);
    state.closeCommentDocument(event.document.uri);
    findings.forget(event.document.uri);
  });

  registerPullDiagnostics(connection, state, guard, workspaceReady, findings, (doc) => coverage.diagnostics(doc));

  connection.onCodeAction(
    onGuideline('codeAction', null, (doc, params: Parameters<typeof codeActions>[0]) => {
      const found = findings.findingsOf(doc.uri);
      return found ? codeActions(params, doc.text, found, state.locale) : null;
    }),
  );

  // The outline, folding and selection need only the document itself.
  const local = { waitForWorkspace: false };
  connection.onDocumentSymbol(onGuideline('documentSymbol', null, (doc) => documentSymbols(doc), local));
  connection.onFoldingRanges(onGuideline('foldingRange', null, (doc) => foldingRanges(doc), local));
  connection.onSelectionRanges(
    onGuideline('selectionRange', null, (doc, params) => selectionRanges(doc, params.positions), local),
  );
  connection.onWorkspaceSymbol(
    guard('workspaceSymbol', [], async (params) => {
      await workspaceReady;
      return workspaceSymbols(state.allGuidelines(), params.query);
    }),
  );

  /** A request about a comment document or about a guideline, by what the URI is. */
  const byDocumentKind = <T>(
    uri: string,
    onComments: () => T,
    onGuidelineDoc: (doc: GuidelineDocument) => T,
  ): T | null => {
    if (state.commentRound(uri)) return onComments();
    const doc = state.guideline(uri);
    return doc ? onGuidelineDoc(doc) : null;
  };
  connection.onDefinition(
    guard('definition', null, async (params) => {
      await workspaceReady;
      const uri = params.textDocument.uri;
      return byDocumentKind(
        uri,
        () => commentDefinition(state.commentLinks(), uri, params.position),
        (doc) => definition(state.index, doc, params.position) ?? coverage.definition(doc, params.position),
      );
    }),
  );
  connection.onReferences(
    onGuideline('references', null, (doc, params) => {
      const found = references(state.index, doc, params.position, params.context.includeDeclaration) ?? [];
      const node =
        nodeForCommand(doc, params.position) ??
        ancestryAt(doc, doc.lines.offsetAt(params.position)).filter(isNumberedContainer).pop();
      if (node) found.push(...commentReferences(state.commentLinks(), doc, node));
      return found;
    }),
  );
  connection.onHover(
    guard('hover', null, async (params) => {
      await workspaceReady;
      const uri = params.textDocument.uri;
      return byDocumentKind(
        uri,
        () => commentFileHover(state.commentLinks(), uri, params.position, state.locale),
        (doc) =>
          referenceHover(state.index, doc, params.position, state.locale) ??
          joinHovers(
            joinHovers(
              commentHover(state.commentLinks(), doc, params.position, state.locale, state.promiseFeed),
              revisions.hover(doc, params.position),
            ),
            coverage.hover(doc, params.position),
          ),
      );
    }),
  );
  connection.onDocumentLinks(
    guard('documentLink', null, async (params) => {
      await workspaceReady;
      const uri = params.textDocument.uri;
      return byDocumentKind(
        uri,
        () => commentLocationLinks(state.commentLinks(), uri, state.locale),
        (doc) => referenceLinks(state.index, doc, state.locale),
      );
    }),
  );
  connection.onCodeLens(
    onGuideline('codeLens', null, (doc) => [
      ...commentLenses(state.commentLinks(), doc, state.locale, state.promiseFeed),
      ...revisions.lenses(doc),
    ]),
  );

  const reibunSnippets = loadReibunSnippets();
  connection.onCompletion(
    guard('completion', null, async (params) => {
      await workspaceReady;
      const doc = state.guideline(params.textDocument.uri);
      if (!doc) return commentCompletion(params.textDocument.uri, params.position);
      const terms = [
        ...new Set([
          ...state.checkConfig.terminology.map((t) => t.expected),
          ...state.checkConfig.prh.map((r) => r.expected).filter((e) => !e.includes('$')),
        ]),
      ];
      const before = doc.lines.lineText(params.position.line).slice(0, params.position.character);
      const clauses = reibunCandidates(doc, params.position, before, reibunSnippets, state.locale);
      if (wantsReibunOnly(params.context)) return toCompletionList(clauses);
      return toCompletionList([
        ...completionCandidates(state.allGuidelines(), doc, params.position, state.locale, terms),
        ...clauses,
      ]);
    }),
  );

  /** Drafting a round: the standard 考え方 phrases in a YAML store's response. */
  function commentCompletion(uri: string, position: { line: number; character: number }) {
    const round = state.commentRound(uri);
    const open = state.documents.get(uri);
    return round && open ? responseCompletionList(round, open.getText(), position, state.locale) : null;
  }

  registerCommentRequests(connection, state, guard, workspaceReady, () => revisions.commentTreeRounds());
  registerRevisionRequests(connection, state, revisions, guard, workspaceReady);
  registerImportRequest(connection, state, guard);
  registerCoverageRequests(connection, coverage, guard, workspaceReady);

  state.documents.listen(connection);
  connection.listen();
}

/** Two hovers as one: the first's range, both contents (either may be null). */
function joinHovers(a: Hover | null, b: Hover | null): Hover | null {
  if (!a || !b) return a ?? b;
  const text = (h: Hover) => (typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
  return { ...a, contents: { kind: 'markdown', value: `${text(a)}\n\n---\n\n${text(b)}` } };
}
