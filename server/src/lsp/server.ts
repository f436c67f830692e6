/**
 * The language server: translates between the protocol and the core. Every handler is guarded so
 * that a failure answers null (or an empty result) and is logged, never taking the server down.
 */
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { localeFromTag } from '../core/i18n/locale';
import { isRuleSetting, type RuleSetting } from '../core/config/rule-settings';
import { commentDocumentFindings, guidelineFindings } from '../core/workspace/document-findings';
import { ServerState, DEFAULT_SETTINGS, type ServerSettings } from './state';
import { toDiagnostic } from './convert';
import { URI } from './uri';
import { createGuard } from './guard';
import { resolve as resolvePath } from 'node:path';
import { findFiles, isCommentCandidate, isMarkdownFile, readBytesFile, readTextFile } from '../host/files';
import { readCommentDocument } from '../core/comments/read';
import type { CommentDiagnosticsMode } from '../core/workspace/comment-findings';
import { commentDefinition, commentFileHover, commentHover, commentLenses, commentReferences, nodeForCommand } from './features/comments';
import { registerCommentRequests } from './comment-requests';
import { ancestryAt } from '../core/model/document';
import { isNumberedContainer } from '../core/model/node';
import { documentSymbols } from './features/document-symbols';
import { foldingRanges } from './features/folding';
import { selectionRanges } from './features/selection-ranges';
import { workspaceSymbols } from './features/workspace-symbols';
import { definition, referenceHover, references } from './features/navigation';

export const SERVER_NAME = 'guideline-language-server';

export function startServer(connection: Connection, version: string): void {
  const state = new ServerState();
  let hasConfigurationCapability = false;
  // Cross-file answers wait until the workspace's guidelines are read once.
  let markReady: () => void = () => undefined;
  const workspaceReady = new Promise<void>((resolve) => (markReady = resolve));

  const guard = createGuard(connection);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    state.locale = localeFromTag(params.locale);
    hasConfigurationCapability = Boolean(params.capabilities.workspace?.configuration);
    state.workspaceRoots = (params.workspaceFolders ?? []).map((f) => URI.toPath(f.uri)).filter((p): p is string => Boolean(p));
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
        codeLensProvider: { resolveProvider: false },
        diagnosticProvider: { identifier: 'guideline', interFileDependencies: true, workspaceDiagnostics: false },
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      if (hasConfigurationCapability) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'guideline' });
        await loadSettings();
      }
      try {
        await loadWorkspace();
      } finally {
        markReady();
      }
      connection.languages.diagnostics.refresh().catch(() => undefined);
    }),
  );

  async function loadSettings(): Promise<void> {
    if (!hasConfigurationCapability) return;
    const raw = (await connection.workspace.getConfiguration({ section: 'guideline' })) as {
      rules?: Record<string, unknown>;
      comments?: { diagnostics?: unknown; files?: unknown };
    } | null;
    const rules: Record<string, RuleSetting> = {};
    for (const [code, value] of Object.entries(raw?.rules ?? {})) if (isRuleSetting(value)) rules[code] = value;
    const mode = raw?.comments?.diagnostics;
    const files = Array.isArray(raw?.comments?.files) ? raw.comments.files.filter((f): f is string => typeof f === 'string') : [];
    state.settings = {
      ...DEFAULT_SETTINGS,
      rules,
      commentDiagnostics: mode === 'off' || mode === 'all' || mode === 'accepted' ? (mode as CommentDiagnosticsMode) : DEFAULT_SETTINGS.commentDiagnostics,
      commentFiles: files,
    } satisfies ServerSettings;
  }

  async function readCommentFile(path: string): Promise<void> {
    const read = await readBytesFile(path);
    if ('error' in read) {
      connection.console.warn(`${path}: ${read.error}`);
      return;
    }
    state.setDiskRound(URI.fromPath(path), readCommentDocument(URI.fromPath(path), read.bytes));
  }

  async function loadWorkspace(): Promise<void> {
    for (const root of state.workspaceRoots) {
      for (const path of await findFiles(root, (name) => isMarkdownFile(name) || isCommentCandidate(name))) {
        if (isMarkdownFile(path)) {
          const read = await readTextFile(path);
          if ('text' in read) state.setDiskText(URI.fromPath(path), read.text);
          else connection.console.warn(`${path}: ${read.error}`);
        } else {
          await readCommentFile(path);
        }
      }
      for (const named of state.settings.commentFiles) await readCommentFile(resolvePath(root, named));
    }
  }

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, async () => {
      await loadSettings();
      connection.languages.diagnostics.refresh().catch(() => undefined);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, async (params) => {
      for (const change of params.changes) {
        const path = URI.toPath(change.uri);
        if (!path) continue;
        if (isMarkdownFile(path)) {
          if (change.type === FileChangeType.Deleted) state.deleteDisk(change.uri);
          else {
            const read = await readTextFile(path);
            if ('text' in read) state.setDiskText(change.uri, read.text);
          }
        } else if (isCommentCandidate(path)) {
          if (change.type === FileChangeType.Deleted) state.setDiskRound(change.uri, null);
          else await readCommentFile(path);
        }
      }
      connection.languages.diagnostics.refresh().catch(() => undefined);
      connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }),
  );

  // An edit in a comment file changes what every open guideline shows.
  let refreshTimer: NodeJS.Timeout | undefined;
  function refreshDependents(): void {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      connection.languages.diagnostics.refresh().catch(() => undefined);
      connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, 200);
  }

  state.documents.onDidChangeContent((event) => {
    state.refresh(event.document.uri);
    if (state.commentRound(event.document.uri)) refreshDependents();
  });
  state.documents.onDidClose((event) => {
    state.refresh(event.document.uri);
    state.closeCommentDocument(event.document.uri);
  });

  connection.onDocumentSymbol(guard('documentSymbol', null, (params) => {
    const doc = state.guideline(params.textDocument.uri);
    return doc ? documentSymbols(doc) : null;
  }));
  connection.onFoldingRanges(guard('foldingRange', null, (params) => {
    const doc = state.guideline(params.textDocument.uri);
    return doc ? foldingRanges(doc) : null;
  }));
  connection.onSelectionRanges(guard('selectionRange', null, (params) => {
    const doc = state.guideline(params.textDocument.uri);
    return doc ? selectionRanges(doc, params.positions) : null;
  }));
  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], async (params) => (await workspaceReady, workspaceSymbols(state.allGuidelines(), params.query))));
  connection.onDefinition(guard('definition', null, async (params) => {
    await workspaceReady;
    const uri = params.textDocument.uri;
    if (state.commentRound(uri)) return commentDefinition(state.commentLinks(), uri, params.position);
    const doc = state.guideline(uri);
    return doc ? definition(state.index, doc, params.position) : null;
  }));
  connection.onReferences(guard('references', null, async (params) => {
    await workspaceReady;
    const doc = state.guideline(params.textDocument.uri);
    if (!doc) return null;
    const found = references(state.index, doc, params.position, params.context.includeDeclaration) ?? [];
    const node = nodeForCommand(doc, params.position) ?? ancestryAt(doc, doc.lines.offsetAt(params.position)).filter(isNumberedContainer).pop();
    if (node) found.push(...commentReferences(state.commentLinks(), doc, node));
    return found;
  }));
  connection.onHover(guard('hover', null, async (params) => {
    await workspaceReady;
    const uri = params.textDocument.uri;
    if (state.commentRound(uri)) return commentFileHover(state.commentLinks(), uri, params.position, state.locale);
    const doc = state.guideline(uri);
    if (!doc) return null;
    return referenceHover(state.index, doc, params.position, state.locale) ?? commentHover(state.commentLinks(), doc, params.position, state.locale);
  }));

  const emptyReport = (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] });
  connection.languages.diagnostics.on(guard('diagnostic', emptyReport(), async (params): Promise<DocumentDiagnosticReport> => {
    await workspaceReady;
    const uri = params.textDocument.uri;
    const round = state.commentRound(uri);
    const options = { locale: state.locale, rules: state.settings.rules, commentDiagnostics: state.settings.commentDiagnostics };
    if (round) return { kind: DocumentDiagnosticReportKind.Full, items: commentDocumentFindings(round, state.commentLinks(), options).map(toDiagnostic) };
    const doc = state.guideline(uri);
    if (!doc) return emptyReport();
    const findings = guidelineFindings(doc, state.index, options, state.commentLinks());
    return { kind: DocumentDiagnosticReportKind.Full, items: findings.map(toDiagnostic) };
  }));

  connection.onCodeLens(guard('codeLens', null, async (params) => {
    await workspaceReady;
    const doc = state.guideline(params.textDocument.uri);
    return doc ? commentLenses(state.commentLinks(), doc, state.locale) : null;
  }));

  registerCommentRequests(connection, state, guard, workspaceReady);

  state.documents.listen(connection);
  connection.listen();
}
