/**
 * What the server knows: open documents (from the client) and workspace files (from disk), each
 * turned into an immutable guideline snapshot on demand and cached by version.
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import { GuidelineModelCache, type GuidelineDocument } from '../core/model/document';
import { GuidelineIndex } from '../core/workspace/guideline-index';
import type { Locale } from '../core/i18n/locale';
import type { RuleSettings } from '../core/config/rule-settings';

export interface ServerSettings {
  readonly rules: RuleSettings;
}

export const DEFAULT_SETTINGS: ServerSettings = { rules: {} };

interface DiskDocument {
  readonly text: string;
  readonly version: number;
}

export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  readonly models = new GuidelineModelCache();
  readonly index = new GuidelineIndex();
  private readonly disk = new Map<string, DiskDocument>();
  private diskVersion = 0;
  locale: Locale = 'ja';
  settings: ServerSettings = DEFAULT_SETTINGS;
  workspaceRoots: string[] = [];

  isGuidelineUri(uri: string): boolean {
    return /\.(md|markdown)$/i.test(URI.path(uri)) || this.documents.get(uri)?.languageId === 'markdown';
  }

  /** Records a file read from disk; open documents take precedence over it. */
  setDiskText(uri: string, text: string): void {
    this.disk.set(uri, { text, version: --this.diskVersion });
    if (!this.documents.get(uri)) this.refresh(uri);
  }

  deleteDisk(uri: string): void {
    this.disk.delete(uri);
    if (!this.documents.get(uri)) this.index.delete(uri);
  }

  /** Current text of a document, open or on disk. */
  text(uri: string): { text: string; version: number } | undefined {
    const open = this.documents.get(uri);
    if (open) return { text: open.getText(), version: open.version };
    return this.disk.get(uri);
  }

  /** The snapshot for the current version, built once per version. */
  guideline(uri: string): GuidelineDocument | undefined {
    const current = this.text(uri);
    if (!current || !this.isGuidelineUri(uri)) return undefined;
    const known = this.index.get(uri);
    if (known && known.version === current.version && known.text.length === current.text.length) return known;
    const built = this.models.build(uri, current.version, current.text);
    this.index.set(built);
    return built;
  }

  /** Re-reads a document after open/change/close; closed documents fall back to their disk copy. */
  refresh(uri: string): void {
    if (this.text(uri)) this.guideline(uri);
    else this.index.delete(uri);
  }

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
