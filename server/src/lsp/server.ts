/**
 * The language server: translates between the protocol and the core. Every handler is guarded so
 * that a failure answers null (or an empty result) and is logged, never taking the server down.
 */
import {
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
import { guidelineFindings } from '../core/workspace/document-findings';
import { ServerState, DEFAULT_SETTINGS, type ServerSettings } from './state';
import { toDiagnostic } from './convert';
import { URI } from './uri';
import { findFiles, isMarkdownFile, readTextFile } from '../host/files';
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

  /** Runs a handler; on failure logs the cause and answers `fallback`. */
  function guard<P extends unknown[], R>(name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        connection.console.error(`[${name}] ${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    };
  }

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
    const raw = (await connection.workspace.getConfiguration({ section: 'guideline' })) as { rules?: Record<string, unknown> } | null;
    const rules: Record<string, RuleSetting> = {};
    for (const [code, value] of Object.entries(raw?.rules ?? {})) if (isRuleSetting(value)) rules[code] = value;
    state.settings = { ...DEFAULT_SETTINGS, rules } satisfies ServerSettings;
  }

  async function loadWorkspace(): Promise<void> {
    for (const root of state.workspaceRoots) {
      for (const path of await findFiles(root, isMarkdownFile)) {
        const read = await readTextFile(path);
        if ('text' in read) state.setDiskText(URI.fromPath(path), read.text);
        else connection.console.warn(`${path}: ${read.error}`);
      }
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
        if (!path || !isMarkdownFile(path)) continue;
        if (change.type === FileChangeType.Deleted) {
          state.deleteDisk(change.uri);
          continue;
        }
        const read = await readTextFile(path);
        if ('text' in read) state.setDiskText(change.uri, read.text);
      }
      connection.languages.diagnostics.refresh().catch(() => undefined);
    }),
  );

  state.documents.onDidChangeContent((event) => state.refresh(event.document.uri));
  state.documents.onDidClose((event) => state.refresh(event.document.uri));

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
    const doc = state.guideline(params.textDocument.uri);
    return doc ? definition(state.index, doc, params.position) : null;
  }));
  connection.onReferences(guard('references', null, async (params) => {
    await workspaceReady;
    const doc = state.guideline(params.textDocument.uri);
    return doc ? references(state.index, doc, params.position, params.context.includeDeclaration) : null;
  }));
  connection.onHover(guard('hover', null, async (params) => {
    await workspaceReady;
    const doc = state.guideline(params.textDocument.uri);
    return doc ? referenceHover(state.index, doc, params.position, state.locale) : null;
  }));

  const emptyReport = (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] });
  connection.languages.diagnostics.on(guard('diagnostic', emptyReport(), async (params): Promise<DocumentDiagnosticReport> => {
    await workspaceReady;
    const doc = state.guideline(params.textDocument.uri);
    if (!doc) return emptyReport();
    const findings = guidelineFindings(doc, state.index, { locale: state.locale, rules: state.settings.rules });
    return { kind: DocumentDiagnosticReportKind.Full, items: findings.map(toDiagnostic) };
  }));

  state.documents.listen(connection);
  connection.listen();
}
