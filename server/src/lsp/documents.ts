/**
 * The documents the client has open, kept with the text changes since the last snapshot, so the
 * model can update only the chunks an edit touched (see GuidelineModelCache.update).
 */
import { Emitter, type Connection, type Event, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/model/document';
import { uriKey } from '../host/uri';

export interface DocumentEvent {
  readonly document: TextDocument;
}

interface Entry {
  document: TextDocument;
  /** Changes since `changesSince`, in offsets; null when they are not known (reopened). */
  changes: TextChange[] | null;
  changesSince: number;
}

export class OpenDocuments {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new Emitter<DocumentEvent>();
  private readonly closed = new Emitter<DocumentEvent>();
  readonly onDidChangeContent: Event<DocumentEvent> = this.changed.event;
  readonly onDidClose: Event<DocumentEvent> = this.closed.event;

  /** Documents are kept by their canonical URI (host/uri.ts): any spelling of it finds them. */
  get(uri: string): TextDocument | undefined {
    return this.entries.get(uriKey(uri))?.document;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  all(): TextDocument[] {
    return [...this.entries.values()].map((e) => e.document);
  }

  /**
   * The changes that lead from `version` to the current text, or null when they are not known.
   * Callers that built a snapshot of the current version call `settle` afterwards.
   */
  changesSince(uri: string, version: number): readonly TextChange[] | null {
    const entry = this.entries.get(uriKey(uri));
    return entry && entry.changes && entry.changesSince === version ? entry.changes : null;
  }

  /** The current version has a snapshot: record changes from here on. */
  settle(uri: string): void {
    const entry = this.entries.get(uriKey(uri));
    if (entry) {
      entry.changes = [];
      entry.changesSince = entry.document.version;
    }
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument }) => {
      const uri = uriKey(textDocument.uri);
      const document = TextDocument.create(uri, textDocument.languageId, textDocument.version, textDocument.text);
      this.entries.set(uri, { document, changes: null, changesSince: -1 });
      this.changed.fire({ document });
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const entry = this.entries.get(uriKey(textDocument.uri));
      if (!entry || textDocument.version === null) return;
      let document = entry.document;
      for (const change of contentChanges as TextDocumentContentChangeEvent[]) {
        if ('range' in change) {
          const start = document.offsetAt(change.range.start);
          const end = document.offsetAt(change.range.end);
          entry.changes?.push({ start, end, text: change.text });
        } else {
          entry.changes = null;
        }
        document = TextDocument.update(document, [change], textDocument.version);
      }
      entry.document = document;
      this.changed.fire({ document });
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      const uri = uriKey(textDocument.uri);
      const entry = this.entries.get(uri);
      if (!entry) return;
      this.entries.delete(uri);
      this.closed.fire({ document: entry.document });
    });
  }
}
