/**
 * Diagnostics pushed (`textDocument/publishDiagnostics`) to clients that cannot pull them. The
 * server answers `textDocument/diagnostic`, but an editor that does not declare pull support
 * (Neovim 0.7–0.9, older Emacs eglot, many others) asks for nothing and showed no diagnostics at
 * all. For those, as vscode-eslint does, the server computes the diagnostics of every open
 * document itself after a pause in typing, and again for all of them when comments or settings
 * change.
 */
import type { ClientCapabilities, Connection, Diagnostic } from 'vscode-languageserver/node';

/** Whether the client pulls diagnostics itself (LSP 3.17 `textDocument.diagnostic`). */
export function clientPullsDiagnostics(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.diagnostic !== undefined;
}

export interface PushOptions {
  /** The diagnostics of a document now; null when the server has nothing to say about it. */
  readonly compute: (uri: string) => Promise<Diagnostic[] | null>;
  /** The open documents (recomputed when comments or settings change). */
  readonly openUris: () => readonly string[];
  /** Pause after the last change before computing, in milliseconds. */
  readonly delay?: number;
  readonly log?: (message: string) => void;
}

const DEFAULT_DELAY = 250;

export class PushDiagnostics {
  private enabled = false;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Generation per document: a result computed for an older change is not sent. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly options: PushOptions,
  ) {}

  /** Decided once at initialize from the client's capabilities. */
  enable(on: boolean): void {
    this.enabled = on;
  }

  /** Recomputes one document after the pause (restarted by every change). */
  schedule(uri: string): void {
    if (!this.enabled) return;
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri, generation);
      }, this.options.delay ?? DEFAULT_DELAY),
    );
  }

  /** Recomputes every open document: comments, settings or the workspace changed. */
  scheduleAll(): void {
    for (const uri of this.options.openUris()) this.schedule(uri);
  }

  /** A closed document's diagnostics go away with it. */
  clear(uri: string): void {
    if (!this.enabled) return;
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async publish(uri: string, generation: number): Promise<void> {
    try {
      const diagnostics = await this.options.compute(uri);
      if (this.generations.get(uri) !== generation || diagnostics === null) return;
      await this.connection.sendDiagnostics({ uri, diagnostics });
    } catch (error) {
      this.options.log?.(`[pushDiagnostics] ${(error as Error)?.stack ?? String(error)}`);
    }
  }
}
