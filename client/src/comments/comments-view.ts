/**
 * The comments view: rounds → sections → comments, with disposition icons and counts, a filter
 * (all / accepted only / unresolved only) and a click that opens the comment.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CommentTreeRequest, type CommentItem, type CommentTreeRound } from '../../../server/src/protocol/protocol';
import { commentLabel, DISPOSITION_ICONS, shorten } from './open';

export type CommentFilter = 'all' | 'accepted' | 'unresolved';

type Node =
  | { kind: 'round'; round: CommentTreeRound; items: CommentItem[] }
  | { kind: 'section'; round: CommentTreeRound; section: string | null; items: CommentItem[] }
  | { kind: 'comment'; item: CommentItem };

export class CommentsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rounds: CommentTreeRound[] | null = null;
  filter: CommentFilter = 'all';

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.rounds = null;
    this.changed.fire(undefined);
  }

  setFilter(filter: CommentFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'guideline.commentFilter', filter);
    this.changed.fire(undefined);
  }

  private matches(item: CommentItem): boolean {
    if (this.filter === 'accepted') return item.disposition === 'accepted';
    if (this.filter === 'unresolved') return item.target === null || item.target.match === 'none';
    return true;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!this.rounds) this.rounds = (await this.client.sendRequest(CommentTreeRequest, {})).rounds;
      return this.rounds
        .map((round) => ({ kind: 'round' as const, round, items: round.items.filter((i) => this.matches(i)) }))
        .filter((n) => n.items.length > 0);
    }
    if (node.kind === 'round') {
      const bySection = new Map<string | null, CommentItem[]>();
      for (const item of node.items) {
        const list = bySection.get(item.section);
        if (list) list.push(item);
        else bySection.set(item.section, [item]);
      }
      // The server sends the items in section order.
      return [...bySection.entries()].map(([section, items]) => ({
        kind: 'section' as const,
        round: node.round,
        section,
        items,
      }));
    }
    if (node.kind === 'section') return node.items.map((item) => ({ kind: 'comment' as const, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'round') {
      const item = new vscode.TreeItem(node.round.label, vscode.TreeItemCollapsibleState.Expanded);
      const accepted = node.items.filter((i) => i.disposition === 'accepted').length;
      item.description = vscode.l10n.t('{0} comments, {1} accepted', node.items.length, accepted);
      item.tooltip = [node.round.title ?? node.round.uri, node.round.unattached].filter(Boolean).join('\n');
      if (node.round.unattached) item.description = vscode.l10n.t('not about any guideline here');
      item.iconPath = new vscode.ThemeIcon('comment-discussion');
      item.resourceUri = vscode.Uri.parse(node.round.uri);
      return item;
    }
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(
        node.section ?? vscode.l10n.t('General'),
        vscode.TreeItemCollapsibleState.Collapsed,
      );
      const title = node.items.find((i) => i.sectionTitle)?.sectionTitle;
      item.description = `${title ?? ''} (${node.items.length})`.trim();
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      return item;
    }
    const comment = node.item;
    const unresolved = comment.target === null || comment.target.match === 'none';
    const item = new vscode.TreeItem(commentLabel(comment), vscode.TreeItemCollapsibleState.None);
    // Groups (Ⅰ．…修正するもの) and shared responses as the table showed them.
    const group = comment.group ? `${comment.group} · ` : '';
    const shared = comment.sharedResponse
      ? vscode.l10n.t('Response shared by comments {0}', comment.sharedResponse.join(', '))
      : '';
    item.description = `${group}${comment.location ?? ''} ${shorten(comment.opinion, 40)}`.trim();
    item.tooltip = new vscode.MarkdownString(
      `**${commentLabel(comment)}** · ${comment.submitter ?? ''}${comment.group ? `\n\n${comment.group}` : ''}\n\n${shorten(comment.opinion, 400)}\n\n---\n\n${shared ? `_${shared}_\n\n` : ''}${shorten(comment.response, 400)}`,
    );
    item.iconPath = unresolved
      ? DISPOSITION_ICONS.unresolved
      : (DISPOSITION_ICONS[comment.disposition] ?? DISPOSITION_ICONS.other);
    item.contextValue = 'guideline.comment';
    item.command = { command: 'guideline.openComment', title: vscode.l10n.t('Open Comment'), arguments: [comment] };
    return item;
  }
}
