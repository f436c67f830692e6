/**
 * Live refresh: an edit to an open round (YAML, CSV …) or guideline changes what the comments view
 * and the status bar show before anything is saved. After a quiet moment (debounced) the comment
 * tree is computed from the open documents' text and, when it differs from what the client was last
 * told about, `guideline/commentsChanged` tells the client to ask again. Typing in a paragraph that
 * moves no comment sends nothing.
 */
import type { Connection } from 'vscode-languageserver/node';
import { CommentsChangedNotification } from '../protocol/protocol';

/** Long enough to let a burst of keystrokes settle, short enough to feel live. */
const COMMENTS_CHANGED_DELAY_MS = 300;

export class CommentsChangedNotifier {
  private timer: NodeJS.Timeout | undefined;
  private last: string | undefined;

  constructor(
    private readonly connection: Connection,
    /** What the client shows, as a string compared with the last one sent. */
    private readonly fingerprint: () => Promise<string>,
    private readonly log: (message: string) => void,
    private readonly delayMs = COMMENTS_CHANGED_DELAY_MS,
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), this.delayMs);
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    try {
      const current = await this.fingerprint();
      if (current === this.last) return;
      this.last = current;
      await this.connection.sendNotification(CommentsChangedNotification, {});
    } catch (error) {
      this.log(`commentsChanged: ${(error as Error)?.stack ?? String(error)}`);
    }
  }
}
