/**
 * The workspace as the server reads it from disk: settings (editor over project file), guideline
 * and comment files found under the workspace folders, and what watched-file and configuration
 * changes mean for them.
 */
import { basename, resolve as resolvePath } from 'node:path';
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
} from 'vscode-languageserver/node';
import { localize } from '../core/i18n/locale';
import { BINARY_COMMENT_FILE, isMarkedExport, readCommentFile } from '../host/comments/read-comment-file';
import {
  ENCODING_NOTE,
  findFiles,
  isCommentCandidate,
  isMarkdownFile,
  readBytesFile,
  readTextFile,
} from '../host/files';
import { brokenFileNotice, isCommentResultBinaryName, unreadableCommentNotice } from '../core/comments/unreadable';
import { decodeBytes } from '../core/text/encoding';
import { markdownRole } from '../core/comments/markdown-role';
import { readCommentDocument } from '../core/comments/read';
import { findProjectConfig, loadProject } from '../host/project';
import { parseEditorSettings } from './settings';
import { URI } from './uri';
import type { ServerState } from './state';
import type { Guard } from './guard';

const READING_RESULTS = {
  ja: '意見募集の結果（PDF・Excel・Word）を読み込んでいます',
  en: 'Reading public comment results (PDF, Excel, Word)',
};

export class WorkspaceLoader {
  /** Set from the client's capabilities at initialization. */
  hasConfigurationCapability = false;

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
  ) {}

  /**
   * Disk events are handled one after another, in the order they came: a file's read started for
   * "created" must not finish after its "deleted" and bring the round back.
   */
  private pending: Promise<unknown> = Promise.resolve();

  private inOrder<T>(job: () => Promise<T>): Promise<T> {
    const run = this.pending.then(job, job);
    this.pending = run.catch(() => undefined);
    return run;
  }

  /** Registers for configuration changes (where the client can), then reads settings and files. */
  async initialize(): Promise<void> {
    if (this.hasConfigurationCapability)
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'guideline' });
    await this.loadSettings();
    await this.loadWorkspace();
  }

  /** Editor settings over the project file (guideline.config.json) of the first workspace folder. */
  async loadSettings(): Promise<void> {
    const { connection, state } = this;
    const raw = this.hasConfigurationCapability
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

  /** Tells the user once that Restricted Mode keeps the workspace dictionaries unread. */
  reportRestrictedMode(): void {
    const { state } = this;
    if (state.trusted) return;
    if (state.project.config.dictionaries.length === 0 && state.settings.dictionaries.length === 0) return;
    this.connection.window.showInformationMessage(
      localize(state.locale, {
        ja: '制限モードのため、ワークスペースの辞書（prh）は読み込んでいません。組み込みの規則は動作しています。',
        en: 'Restricted Mode: the workspace dictionaries (prh) are not loaded. Built-in rules still run.',
      }),
    );
  }

  async readCommentFile(path: string): Promise<void> {
    const read = await readBytesFile(path);
    if ('error' in read) {
      this.connection.console.warn(`${path}: ${read.error[this.state.locale]}`);
      return;
    }
    const uri = URI.fromPath(path);
    let round = null;
    let notice = null;
    try {
      // PDF, xlsx and docx results are read in host/comments; text formats by their content.
      round = await readCommentFile(path, uri, read.bytes);
    } catch (error) {
      notice = brokenFileNotice(path, (error as Error).message);
    }
    // A file that looks like a comment result but is none is said, not skipped in silence; a table
    // this tool exported is skipped in silence (it is what the user asked for).
    const head = isCommentResultBinaryName(path) ? null : decodeBytes(read.bytes.subarray(0, 4096)).text;
    if (!round && isMarkedExport(path, read.bytes)) notice = null;
    else notice ??= round ? null : unreadableCommentNotice(path, head);
    if (notice) this.connection.console.warn(`${path}: ${notice[this.state.locale]}`);
    this.state.setDiskRound(uri, round);
  }

  async readGuidelineFile(path: string): Promise<void> {
    const { connection, state } = this;
    const read = await readTextFile(path);
    if ('error' in read) {
      connection.console.warn(`${path}: ${read.error[state.locale]}`);
      return;
    }
    if (read.encoding !== 'utf-8')
      connection.console.warn(localize(state.locale, ENCODING_NOTE, { path, encoding: read.encoding }));
    for (const problem of read.problems)
      connection.console.warn(`${path}:${problem.range.start.line + 1}: ${problem.message[state.locale]}`);
    const uri = URI.fromPath(path);
    state.setDiskText(uri, read.text);
    // A Markdown comment table is a round, not a guideline (core/comments/markdown-role.ts).
    const round = markdownRole(read.text) === 'comments' ? readCommentDocument(uri, read.text) : null;
    if (round || state.commentRound(uri)) state.setDiskRound(uri, round);
  }

  /**
   * Comment results in PDF, Excel or Word found by loadWorkspace: read by readDeferred, after the first
   * diagnostics, since pdf.js and a long PDF cost more than everything else before them.
   */
  private deferred: string[] = [];

  async loadWorkspace(): Promise<void> {
    for (const root of this.state.workspaceRoots) {
      const accept = (name: string): boolean =>
        isMarkdownFile(name) || isCommentCandidate(name) || isCommentResultBinaryName(name);
      for (const path of await findFiles(root, accept)) {
        if (isMarkdownFile(path)) await this.readGuidelineFile(path);
        else if (isCommentCandidate(path)) await this.readOrDefer(path);
        else this.connection.console.warn(`${path}: ${unreadableCommentNotice(path, null)?.[this.state.locale]}`);
      }
      for (const path of this.namedCommentFiles(root)) await this.readOrDefer(path);
    }
  }

  private async readOrDefer(path: string): Promise<void> {
    if (BINARY_COMMENT_FILE.test(path)) this.deferred.push(path);
    else await this.readCommentFile(path);
  }

  /** Reads the comment results loadWorkspace deferred, with progress. */
  async readDeferred(): Promise<void> {
    const paths = [...new Set(this.deferred)];
    this.deferred = [];
    if (paths.length === 0) return;
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(localize(this.state.locale, READING_RESULTS), 0, undefined, false);
    try {
      for (const [i, path] of paths.entries()) {
        progress.report(Math.round((100 * i) / paths.length), basename(path));
        await this.inOrder(() => this.readCommentFile(path));
      }
    } finally {
      progress.done();
    }
  }

  /** Comment documents named in the settings (`guideline.comments.files`), relative to a root. */
  private namedCommentFiles(root: string): string[] {
    return this.state.settings.commentFiles.map((named) => resolvePath(root, named));
  }

  /** Comment documents named in the settings, read now (a settings change). */
  private async readNamedCommentFiles(root: string): Promise<void> {
    for (const path of this.namedCommentFiles(root)) await this.readCommentFile(path);
  }

  private isProjectFile(path: string): boolean {
    const { project } = this.state;
    return (
      path === project.configPath ||
      project.dictionaryFiles.includes(path) ||
      /(^|[\\/])guideline\.config\.json$/.test(path)
    );
  }

  /** Configuration and watched-file changes: re-read what changed, then `changed()`. */
  registerWatching(guard: Guard, changed: () => void): void {
    const { connection, state } = this;
    connection.onDidChangeConfiguration(
      guard('didChangeConfiguration', undefined, () =>
        this.inOrder(async () => {
          await this.loadSettings();
          // Comment documents named in the settings may have changed.
          for (const root of state.workspaceRoots) await this.readNamedCommentFiles(root);
          changed();
        }),
      ),
    );

    connection.onDidChangeWatchedFiles(
      guard('didChangeWatchedFiles', undefined, (params) =>
        this.inOrder(() => this.watchedFilesChanged(params.changes, changed)),
      ),
    );
  }

  private async watchedFilesChanged(changes: readonly FileEvent[], changed: () => void): Promise<void> {
    const { state } = this;
    let projectChanged = false;
    for (const change of changes) {
      const path = URI.toPath(change.uri);
      if (!path) continue;
      if (this.isProjectFile(path)) projectChanged = true;
      if (isMarkdownFile(path)) {
        if (change.type === FileChangeType.Deleted) {
          state.deleteDisk(change.uri);
          state.setDiskRound(change.uri, null);
        } else await this.readGuidelineFile(path);
      } else if (isCommentCandidate(path)) {
        if (change.type === FileChangeType.Deleted) state.deleteDiskRound(change.uri);
        else await this.readCommentFile(path);
      }
    }
    if (projectChanged) await this.loadSettings();
    changed();
  }
}
