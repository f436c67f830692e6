/**
 * What the server knows: open documents (from the client) and workspace files (from disk), each
 * turned into an immutable guideline snapshot on demand and cached by version.
 */
import { dirname, resolve } from 'node:path';
import { isCommentCandidate } from '../host/files';
import { URI } from './uri';
import { OpenDocuments } from './documents';
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';
import { GuidelineIndex } from '../core/workspace/guideline-index';
import type { Locale } from '../core/i18n/locale';
import type { CommentRound } from '../core/comments/model';
import type { PromiseFeed } from '../core/comments/promise';
import { readCommentDocument } from '../core/comments/read';
import { BINARY_COMMENT_FILE } from '../host/comments/read-comment-file';
import { dedupeRounds, type DuplicateRound } from '../core/comments/duplicate-rounds';
import { markdownRole, type MarkdownRole } from '../core/comments/markdown-role';
import { CommentLinks, type LinkOptions } from '../core/workspace/comment-links';
import { AnchoredLinks } from '../core/workspace/comment-anchors';
import { EMPTY_EDITOR_SETTINGS, effectiveSettings, type EditorSettings, type ServerSettings } from './settings';
import { EMPTY_PROJECT_CONFIG } from '../core/config/project-config';
import type { LoadedProject } from '../host/project';
import { toCheckConfig } from '../core/config/check-config';
import type { CheckConfig } from '../core/checks/types';
import type { MorphTokenizer } from '../core/checks/morph/types';
import { KatakanaCounter, type KatakanaState } from '../core/workspace/katakana-decision';
import type { FindingOptions } from '../core/workspace/document-findings';

interface DiskDocument {
  readonly text: string;
  readonly version: number;
}

/**
 * Every method taking a URI accepts any spelling of it and works on its canonical key (host/uri.ts):
 * a file read from disk and then opened by the client is one document, not two.
 */
export class ServerState {
  readonly documents = new OpenDocuments();
  readonly models = new GuidelineModelCache();
  readonly index = new GuidelineIndex();
  private readonly disk = new Map<string, DiskDocument>();
  private diskVersion = 0;
  /** Comment rounds read from disk, by URI; open documents are parsed from their text instead. */
  private readonly diskRounds = new Map<string, CommentRound>();
  private readonly openRounds = new Map<string, { version: number; round: CommentRound | null }>();
  private roundsGeneration = 0;
  private linkCache: { key: string; links: CommentLinks } | null = null;
  locale: Locale = 'ja';
  /** Promise states inferred from versions of the guideline, when something provides them. */
  promiseFeed: PromiseFeed | undefined;
  workspaceRoots: string[] = [];
  /** Restricted Mode: no workspace dictionaries. Editors other than VS Code have no such mode. */
  trusted = true;
  project: LoadedProject = {
    configPath: null,
    config: EMPTY_PROJECT_CONFIG,
    configProblems: [],
    prhRules: [],
    dictionaryProblems: new Map(),
    dictionaryFiles: [],
  };
  private editorSettings: EditorSettings = EMPTY_EDITOR_SETTINGS;
  settings: ServerSettings = effectiveSettings(EMPTY_PROJECT_CONFIG, EMPTY_EDITOR_SETTINGS);
  /** One object per settings change: the checks cache their results per configuration object. */
  checkConfig: CheckConfig = toCheckConfig({}, {}, []);
  private settingsGeneration = 0;

  configure(project: LoadedProject, editor: EditorSettings = this.editorSettings): void {
    this.project = project;
    this.editorSettings = editor;
    this.settings = effectiveSettings(project.config, editor);
    this.checkConfig = toCheckConfig(
      this.settings.rules,
      this.settings.preferredKatakana,
      project.prhRules,
      this.settings.official,
      this.morphology,
    );
    this.settingsGeneration++;
  }

  /** The morphological analyser once loaded (lsp/morphology.ts); the checks run without it until then. */
  private morphology: MorphTokenizer | undefined;

  /** A new check configuration that carries the analyser: every chunk is checked again with it. */
  setMorphology(tokenizer: MorphTokenizer): void {
    this.morphology = tokenizer;
    this.configure(this.project);
  }

  /** What every finding computation of this server uses. */
  findingOptions(): FindingOptions {
    return {
      locale: this.locale,
      rules: this.settings.rules,
      commentDiagnostics: this.settings.commentDiagnostics,
      checks: this.checkConfig,
      katakana: this.workspaceKatakana(),
      ...(this.promiseFeed ? { promiseFeed: this.promiseFeed } : {}),
    };
  }

  /** サーバ or サーバー: decided over every guideline of the workspace, not file by file. */
  workspaceKatakana(): KatakanaState {
    const documents = this.allGuidelines();
    const key = `${this.index.generation}:${this.settingsGeneration}`;
    if (!this.katakanaCounter || this.katakanaCounterGeneration !== this.settingsGeneration) {
      this.katakanaCounter = new KatakanaCounter(this.checkConfig);
      this.katakanaCounterGeneration = this.settingsGeneration;
    }
    if (this.katakanaCache?.key !== key) this.katakanaCache = { key, state: this.katakanaCounter.update(documents) };
    return this.katakanaCache.state;
  }

  private katakanaCounter: KatakanaCounter | undefined;
  private katakanaCounterGeneration = -1;
  private katakanaCache: { key: string; state: KatakanaState } | undefined;

  /**
   * Earlier versions (guideline.config.json `versions`): their files are history, not current text,
   * and their comment rounds are placed through the alignment (lsp/revisions.ts), not by number.
   */
  private versionFiles: ReadonlySet<string> = new Set();
  private versionRounds: ReadonlySet<string> = new Set();

  setVersionExclusions(files: ReadonlySet<string>, rounds: ReadonlySet<string>): void {
    this.versionFiles = new Set([...files].map((u) => URI.key(u)));
    this.versionRounds = new Set([...rounds].map((u) => URI.key(u)));
    for (const uri of this.versionFiles) this.index.delete(uri);
    this.roundsGeneration++;
  }

  isGuidelineUri(uri: string): boolean {
    uri = URI.key(uri);
    if (this.versionFiles.has(uri)) return false;
    return /\.(md|markdown)$/i.test(URI.path(uri)) || this.documents.get(uri)?.languageId === 'markdown';
  }

  /** Records a file read from disk; open documents take precedence over it. */
  setDiskText(uri: string, text: string): void {
    uri = URI.key(uri);
    this.disk.set(uri, { text, version: --this.diskVersion });
    if (!this.documents.get(uri)) this.refresh(uri);
  }

  deleteDisk(uri: string): void {
    uri = URI.key(uri);
    this.disk.delete(uri);
    if (this.documents.get(uri)) return;
    this.index.delete(uri);
    this.roles.delete(uri);
  }

  /** Current text of a document, open or on disk. */
  text(uri: string): { text: string; version: number } | undefined {
    uri = URI.key(uri);
    const open = this.documents.get(uri);
    if (open) return { text: open.getText(), version: open.version };
    return this.disk.get(uri);
  }

  /**
   * The snapshot for the current version, built once per version: from the previous snapshot and
   * the edits since when they are known (the edited chunks only), else from the whole text.
   */
  guideline(uri: string): GuidelineDocument | undefined {
    uri = URI.key(uri);
    const current = this.text(uri);
    // An exported comment table or a comment round kept as a Markdown table is Markdown but not a
    // guideline: its text is the submitters'.
    if (!current || !this.isGuidelineUri(uri)) return undefined;
    if (this.markdownRole(uri, current) !== 'guideline') {
      this.index.delete(uri);
      return undefined;
    }
    const known = this.index.get(uri);
    if (known && known.version === current.version && known.text.length === current.text.length) return known;
    const changes = known && this.documents.get(uri) ? this.documents.changesSince(uri, known.version) : null;
    const built =
      known && changes
        ? this.models.update(known, current.version, current.text, changes)
        : this.models.build(uri, current.version, current.text);
    if (this.documents.get(uri)) this.documents.settle(uri);
    this.index.set(built);
    return built;
  }

  private readonly roles = new Map<string, { version: number; role: MarkdownRole }>();

  /** What a Markdown text is (core/comments/markdown-role.ts), once per version. */
  private markdownRole(uri: string, current: { text: string; version: number }): MarkdownRole {
    const known = this.roles.get(uri);
    if (known?.version === current.version) return known.role;
    const role = markdownRole(current.text);
    this.roles.set(uri, { version: current.version, role });
    return role;
  }

  /** Re-reads a document after open/change/close; closed documents fall back to their disk copy. */
  refresh(uri: string): void {
    uri = URI.key(uri);
    if (this.text(uri)) this.guideline(uri);
    else this.index.delete(uri);
  }

  setDiskRound(uri: string, round: CommentRound | null): void {
    uri = URI.key(uri);
    if (round) this.diskRounds.set(uri, round);
    else this.diskRounds.delete(uri);
    this.deletedWhileOpen.delete(uri);
    this.roundsGeneration++;
  }

  /**
   * A round file deleted on disk. VS Code may keep its document open (closing a tab does not close
   * the document at once), and that text would go on counting as a round: it does not, until the
   * document is edited again (the user still works on it) or the file comes back.
   */
  deleteDiskRound(uri: string): void {
    this.setDiskRound(uri, null);
    uri = URI.key(uri);
    const open = this.documents.get(uri);
    if (open) this.deletedWhileOpen.set(uri, open.version);
  }

  private readonly deletedWhileOpen = new Map<string, number>();

  /** The comment round of a document, open or on disk; null when it is not a comment document. */
  commentRound(uri: string): CommentRound | null {
    uri = URI.key(uri);
    const open = this.documents.get(uri);
    // A PDF/xlsx/docx shown in an editor is still read from its bytes on disk.
    if (open && !BINARY_COMMENT_FILE.test(URI.path(uri))) {
      if (!isCommentCandidate(URI.path(uri)) && !this.isGuidelineUri(uri)) return null;
      if (this.deletedWhileOpen.get(uri) === open.version) return null;
      const cached = this.openRounds.get(uri);
      if (cached && cached.version === open.version) return cached.round;
      const round = readCommentDocument(uri, open.getText());
      this.openRounds.set(uri, { version: open.version, round });
      // Typing in a guideline (no round before or after) leaves the links as they are.
      if (round || cached?.round || !cached) this.roundsGeneration++;
      return round;
    }
    return this.diskRounds.get(uri) ?? null;
  }

  /** Forgets the parse of a closed document so its disk copy counts again; true when it was a round. */
  closeCommentDocument(uri: string): boolean {
    uri = URI.key(uri);
    const wasRound = this.openRounds.get(uri)?.round != null;
    if (this.openRounds.delete(uri)) this.roundsGeneration++;
    return wasRound;
  }

  /** Every round, each counted once: a round read from two files counts as the preferred one. */
  allRounds(): CommentRound[] {
    return this.roundSet().rounds;
  }

  /** The round another file holds in place of this one (the same comments), or null. */
  duplicateOf(uri: string): CommentRound | null {
    return this.roundSet().duplicates.find((d) => d.dropped.uri === uri)?.kept ?? null;
  }

  private roundSet(): { rounds: CommentRound[]; duplicates: DuplicateRound[] } {
    const uris = new Set([...this.diskRounds.keys(), ...this.openRounds.keys()]);
    for (const document of this.documents.all()) uris.add(document.uri);
    const rounds: CommentRound[] = [];
    for (const uri of uris) {
      const round = this.commentRound(uri);
      if (round) rounds.push(round);
    }
    if (this.roundSetCache?.generation !== this.roundsGeneration)
      this.roundSetCache = { generation: this.roundsGeneration, ...dedupeRounds(rounds) };
    return this.roundSetCache;
  }

  private roundSetCache: { generation: number; rounds: CommentRound[]; duplicates: DuplicateRound[] } | undefined;

  /** Links of every comment to the guidelines; recomputed only when a guideline or round changed. */
  commentLinks(): CommentLinks {
    this.allGuidelines();
    const rounds = this.allRounds().filter((r) => !this.versionRounds.has(URI.key(r.uri)));
    const key = `${this.index.generation}:${this.roundsGeneration}:${this.settingsGeneration}`;
    if (this.linkCache?.key !== key)
      this.linkCache = { key, links: new CommentLinks(rounds, this.index, this.linkOptions()) };
    return this.linkCache.links;
  }

  /** Comment documents the project file lists (comments.files) are about its guideline. */
  private linkOptions(): LinkOptions {
    const { configPath, config } = this.project;
    if (!configPath || config.comments.files.length === 0) return {};
    const declared = new Set(config.comments.files.map((file) => URI.fromPath(resolve(dirname(configPath), file))));
    return { declared: (uri) => declared.has(URI.key(uri)) };
  }

  /**
   * Comment links for diagnostics: kept across edits that leave the structure of every guideline as
   * it was (typing in a paragraph), so that a keystroke does not relink every comment.
   */
  commentAnchors(): AnchoredLinks {
    const documents = this.allGuidelines();
    this.allRounds(); // parses edited comment documents, which moves roundsGeneration
    if (this.anchors && this.anchorsRounds === this.roundsGeneration && this.anchors.validFor(documents))
      return this.anchors;
    this.anchors = new AnchoredLinks(this.commentLinks(), documents);
    this.anchorsRounds = this.roundsGeneration;
    return this.anchors;
  }

  private anchors: AnchoredLinks | undefined;
  private anchorsRounds = -1;

  /** Every guideline of the workspace, up to date. */
  allGuidelines(): GuidelineDocument[] {
    const uris = new Set([...this.disk.keys(), ...this.documents.keys()]);
    const out: GuidelineDocument[] = [];
    for (const uri of uris) {
      const doc = this.guideline(uri);
      if (doc) out.push(doc);
    }
    return out;
  }
}
