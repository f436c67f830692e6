/**
 * The language server: translates between the protocol and the core. Every handler is guarded so
 * that a failure answers null (or an empty result) and is logged, never taking the server down.
 */
import { resolve as resolvePath } from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { localeFromTag, localize } from '../core/i18n/locale';
import { commentDocumentFindings, guidelineFindings } from '../core/workspace/document-findings';
import { readCommentDocument } from '../core/comments/read';
import { ancestryAt, type GuidelineDocument } from '../core/model/document';
import { isNumberedContainer } from '../core/model/node';
import type { CheckFinding } from '../core/checks/document';
import { findFiles, isCommentCandidate, isMarkdownFile, readBytesFile, readTextFile } from '../host/files';
import { findProjectConfig, loadProject } from '../host/project';
import { ServerState } from './state';
import { parseEditorSettings } from './settings';
import { toDiagnostic, DIAGNOSTIC_SOURCE, SEVERITY } from './convert';
import { projectProblemSeverity } from '../core/config/codes';
import { URI } from './uri';
import { createGuard } from './guard';
import { registerCommentRequests } from './comment-requests';
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
import { cancelled, warmChecks, yieldToEventLoop } from './cooperative';
import { COMPLETION_TRIGGERS, toCompletionList } from './features/completion';
import { completionCandidates } from '../core/workspace/completion';
import { PolicyCoverage, registerCoverageRequests } from './features/coverage';

export const SERVER_NAME = 'guideline-language-server';

interface InitializationOptions {
  /** VS Code's workspace trust; other editors have none and are trusted. */
  trusted?: boolean;
}

export function startServer(connection: Connection, version: string): void {
  const state = new ServerState();
  const coverage = new PolicyCoverage(state);
  const guard = createGuard(connection);
  let hasConfigurationCapability = false;
  // Cross-file answers wait until the workspace's guidelines are read once.
  let markReady: () => void = () => undefined;
  const workspaceReady = new Promise<void>((resolve) => (markReady = resolve));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    state.locale = localeFromTag(params.locale);
    state.trusted = (params.initializationOptions as InitializationOptions | undefined)?.trusted !== false;
    hasConfigurationCapability = Boolean(params.capabilities.workspace?.configuration);
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
        if (hasConfigurationCapability)
          await connection.client.register(DidChangeConfigurationNotification.type, { section: 'guideline' });
        await loadSettings();
        await loadWorkspace();
      } finally {
        markReady();
      }
      if (!state.trusted && (state.project.config.dictionaries.length > 0 || state.settings.dictionaries.length > 0)) {
        connection.window.showInformationMessage(
          localize(state.locale, {
            ja: '制限モードのため、ワークスペースの辞書（prh）は読み込んでいません。組み込みの規則は動作しています。',
            en: 'Restricted Mode: the workspace dictionaries (prh) are not loaded. Built-in rules still run.',
          }),
        );
      }
      refreshAll();
    }),
  );

  function refreshAll(): void {
    connection.languages.diagnostics.refresh().catch(() => undefined);
    connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  // An edit in a comment file changes what every open guideline shows.
  let refreshTimer: NodeJS.Timeout | undefined;
  function refreshSoon(): void {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshAll, 200);
  }

  /** Editor settings over the project file (guideline.config.json) of the first workspace folder. */
  async function loadSettings(): Promise<void> {
    const raw = hasConfigurationCapability
      ? await connection.workspace.getConfiguration({ section: 'guideline' })
      : null;
    const editor = parseEditorSettings(raw);
    const root = state.workspaceRoots[0];
    const configPath = root ? findProjectConfig(root) : null;
    const project = loadProject(configPath, {
      trusted: state.trusted,
      extraDictionaries: editor.dictionaries,
      ...(root ? { baseDir: root } : {}),
    });
    state.configure(project, editor);
    for (const problem of project.configProblems)
      connection.console.warn(`${configPath}:${problem.range.start.line + 1}: ${problem.message[state.locale]}`);
  }

  async function readCommentFile(path: string): Promise<void> {
    const read = await readBytesFile(path);
    if ('error' in read) {
      connection.console.warn(`${path}: ${read.error}`);
      return;
    }
    state.setDiskRound(URI.fromPath(path), readCommentDocument(URI.fromPath(path), read.bytes));
  }

  async function readGuidelineFile(path: string): Promise<void> {
    const read = await readTextFile(path);
    if ('error' in read) {
      connection.console.warn(`${path}: ${read.error}`);
      return;
    }
    if (read.encoding !== 'utf-8') connection.console.warn(`${path}: read as ${read.encoding}`);
    for (const problem of read.problems)
      connection.console.warn(`${path}:${problem.range.start.line + 1}: ${problem.message[state.locale]}`);
    state.setDiskText(URI.fromPath(path), read.text);
  }

  async function loadWorkspace(): Promise<void> {
    for (const root of state.workspaceRoots) {
      for (const path of await findFiles(root, (name) => isMarkdownFile(name) || isCommentCandidate(name))) {
        if (isMarkdownFile(path)) await readGuidelineFile(path);
        else await readCommentFile(path);
      }
      for (const named of state.settings.commentFiles) await readCommentFile(resolvePath(root, named));
    }
  }

  const isProjectFile = (path: string): boolean =>
    path === state.project.configPath ||
    state.project.dictionaryFiles.includes(path) ||
    /(^|[\\/])guideline\.config\.json$/.test(path);

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, async () => {
      await loadSettings();
      // Comment documents named in the settings may have changed.
      for (const root of state.workspaceRoots)
        for (const named of state.settings.commentFiles) await readCommentFile(resolvePath(root, named));
      refreshAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, async (params) => {
      let projectChanged = false;
      for (const change of params.changes) {
        const path = URI.toPath(change.uri);
        if (!path) continue;
        if (isProjectFile(path)) projectChanged = true;
        if (isMarkdownFile(path)) {
          if (change.type === FileChangeType.Deleted) state.deleteDisk(change.uri);
          else await readGuidelineFile(path);
        } else if (isCommentCandidate(path)) {
          if (change.type === FileChangeType.Deleted) state.setDiskRound(change.uri, null);
          else await readCommentFile(path);
        }
      }
      if (projectChanged) await loadSettings();
      refreshAll();
    }),
  );

  state.documents.onDidChangeContent((event) => {
    state.refresh(event.document.uri);
    if (state.commentRound(event.document.uri)) refreshSoon();
  });
  state.documents.onDidClose((event) => {
    state.refresh(event.document.uri);
    state.closeCommentDocument(event.document.uri);
  });

  /**
   * Findings of a guideline, computed once per document version and per state of what they depend
   * on (settings, comment links, the workspace's katakana decision): a diagnostic pull and the code
   * actions that follow it share one computation.
   */
  const findingsCache = new Map<string, { inputs: readonly unknown[]; findings: CheckFinding[] }>();
  function findingsOf(uri: string): CheckFinding[] | null {
    const doc = state.guideline(uri);
    if (!doc) return null;
    const options = state.findingOptions();
    const anchors = state.commentAnchors();
    const inputs = [
      doc,
      options.checks,
      options.katakana?.decision,
      anchors,
      options.rules,
      options.commentDiagnostics,
      options.locale,
    ];
    const cached = findingsCache.get(uri);
    if (cached && cached.inputs.every((input, i) => input === inputs[i])) return cached.findings;
    const findings = guidelineFindings(doc, state.index, options, anchors.links, anchors);
    findingsCache.set(uri, { inputs, findings });
    return findings;
  }
  state.documents.onDidClose((event) => findingsCache.delete(event.document.uri));

  function projectFileDiagnostics(path: string): Diagnostic[] | null {
    if (path === state.project.configPath) {
      return state.project.configProblems.map((p) => ({
        range: p.range,
        severity: SEVERITY[projectProblemSeverity(p.code)],
        code: p.code,
        source: DIAGNOSTIC_SOURCE,
        message: p.message[state.locale],
      }));
    }
    const problems = state.project.dictionaryProblems.get(path);
    if (!problems) return null;
    return problems.map((p) => ({
      range: p.range,
      severity: SEVERITY[projectProblemSeverity(p.code)],
      code: p.code,
      source: DIAGNOSTIC_SOURCE,
      message: localize(state.locale, p.message, p.args ?? {}),
    }));
  }

  const emptyReport = (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] });
  connection.languages.diagnostics.on(
    guard('diagnostic', emptyReport(), async (params, token): Promise<DocumentDiagnosticReport> => {
      await workspaceReady;
      // Let edits and cancellations already received be read first: a pull that an edit has
      // overtaken is answered for the newest text (and cached), or not computed at all.
      await yieldToEventLoop();
      if (token.isCancellationRequested) throw cancelled();
      const uri = params.textDocument.uri;
      const path = URI.toPath(uri);
      const projectDiagnostics = path ? projectFileDiagnostics(path) : null;
      if (projectDiagnostics) return { kind: DocumentDiagnosticReportKind.Full, items: projectDiagnostics };
      const round = state.commentRound(uri);
      if (round)
        return {
          kind: DocumentDiagnosticReportKind.Full,
          items: commentDocumentFindings(round, state.commentLinks(), state.findingOptions()).map(toDiagnostic),
        };
      const doc = state.guideline(uri);
      if (!doc) return emptyReport();
      // The expensive part in slices, so that other requests and a cancellation get through.
      await warmChecks(doc, state.checkConfig, token);
      if (token.isCancellationRequested || state.guideline(uri) !== doc) throw cancelled();
      const findings = findingsOf(uri);
      return findings
        ? {
            kind: DocumentDiagnosticReportKind.Full,
            items: [...findings.map(toDiagnostic), ...coverage.diagnostics(doc)],
          }
        : emptyReport();
    }),
  );

  connection.onCodeAction(
    guard('codeAction', null, async (params) => {
      await workspaceReady;
      const doc = state.guideline(params.textDocument.uri);
      const findings = findingsOf(params.textDocument.uri);
      return doc && findings ? codeActions(params, doc.text, findings, state.locale) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', null, (params) => {
      const doc = state.guideline(params.textDocument.uri);
      return doc ? documentSymbols(doc) : null;
    }),
  );
  connection.onFoldingRanges(
    guard('foldingRange', null, (params) => {
      const doc = state.guideline(params.textDocument.uri);
      return doc ? foldingRanges(doc) : null;
    }),
  );
  connection.onSelectionRanges(
    guard('selectionRange', null, (params) => {
      const doc = state.guideline(params.textDocument.uri);
      return doc ? selectionRanges(doc, params.positions) : null;
    }),
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
    onGuideline: (doc: GuidelineDocument) => T,
  ): T | null => {
    if (state.commentRound(uri)) return onComments();
    const doc = state.guideline(uri);
    return doc ? onGuideline(doc) : null;
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
    guard('references', null, async (params) => {
      await workspaceReady;
      const doc = state.guideline(params.textDocument.uri);
      if (!doc) return null;
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
          commentHover(state.commentLinks(), doc, params.position, state.locale) ??
          coverage.hover(doc, params.position),
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
    guard('codeLens', null, async (params) => {
      await workspaceReady;
      const doc = state.guideline(params.textDocument.uri);
      return doc ? commentLenses(state.commentLinks(), doc, state.locale) : null;
    }),
  );

  connection.onCompletion(
    guard('completion', null, async (params) => {
      await workspaceReady;
      const doc = state.guideline(params.textDocument.uri);
      if (!doc) return null;
      const terms = [
        ...new Set([
          ...state.checkConfig.terminology.map((t) => t.expected),
          ...state.checkConfig.prh.map((r) => r.expected).filter((e) => !e.includes('$')),
        ]),
      ];
      return toCompletionList(completionCandidates(state.allGuidelines(), doc, params.position, state.locale, terms));
    }),
  );

  registerCommentRequests(connection, state, guard, workspaceReady);
  registerCoverageRequests(connection, coverage, guard, workspaceReady);

  state.documents.listen(connection);
  connection.listen();
}
