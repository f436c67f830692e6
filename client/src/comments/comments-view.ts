/**
 * The comments view: rounds → sections → comments, with disposition icons, the state of promised
 * changes and counts. A click goes to the place in the guideline the comment is about (the record
 * when it names no place); inline actions open the record, copy the 考え方 and set the state.
 * Filters show in the view's title with a one-click clear.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CommentTreeRequest, type CommentItem, type CommentTreeRound } from '../../../server/src/protocol/protocol';
import { commentLabel, DISPOSITION_ICONS } from './open';
import { describeFilter, hasNoPlace, isFiltered, matchesFilter, NO_FILTER, type CommentFilter } from './filter';
import { shorten } from '../../../server/src/protocol/protocol';

/** Whether the change promised to a comment on an earlier version was made. */
const VERIFICATION_LABELS: Record<NonNullable<CommentItem['verification']>, () => string> = {
  applied: () => vscode.l10n.t('[applied]'),
  'not-applied': () => vscode.l10n.t('[not applied]'),
  'target-deleted': () => vscode.l10n.t('[place deleted]'),
  unknown: () => '',
};

type Node =
  | { kind: 'round'; round: CommentTreeRound; items: CommentItem[] }
  | { kind: 'section'; round: CommentTreeRound; section: string | null; items: CommentItem[] }
  | { kind: 'comment'; item: CommentItem };

const PROMISE_ICONS: Record<string, vscode.ThemeIcon> = {
  open: new vscode.ThemeIcon('edit', new vscode.ThemeColor('charts.orange')),
  done: new vscode.ThemeIcon('check', new vscode.ThemeColor('charts.green')),
  verified: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green')),
};

export class CommentsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private rounds: CommentTreeRound[] | null = null;
  private view: vscode.TreeView<Node> | undefined;
  filter: CommentFilter = NO_FILTER;

  constructor(private readonly client: LanguageClient) {}

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
  }

  refresh(): void {
    this.rounds = null;
    this.changed.fire(undefined);
  }

  async allRounds(): Promise<CommentTreeRound[]> {
    if (!this.rounds) this.rounds = (await this.client.sendRequest(CommentTreeRequest, {})).rounds;
    return this.rounds;
  }

  setFilter(filter: CommentFilter): void {
    this.filter = filter;
    const on = isFiltered(filter);
    void vscode.commands.executeCommand('setContext', 'guideline.commentsFiltered', on);
    if (this.view) {
      // The visible sign that not every comment is shown; the title bar has the clear button.
      this.view.description = on ? describeFilter(filter) : undefined;
      this.view.message = on
        ? vscode.l10n.t('Only comments matching the filter are shown. {0}', describeFilter(filter))
        : undefined;
    }
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const rounds = await this.allRounds();
      return rounds
        .map((round) => ({
          kind: 'round' as const,
          round,
          items: round.items.filter((i) => matchesFilter(this.filter, round, i)),
        }))
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
      const open = node.items.filter((i) => i.promise?.status === 'open').length;
      item.description =
        open > 0
          ? vscode.l10n.t('{0} comments, {1} accepted, {2} not started', node.items.length, accepted, open)
          : vscode.l10n.t('{0} comments, {1} accepted', node.items.length, accepted);
      item.tooltip = [
        node.round.title,
        vscode.workspace.asRelativePath(vscode.Uri.parse(node.round.uri)),
        node.round.unattached,
      ]
        .filter(Boolean)
        .join('\n');
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
      item.tooltip = `${node.section ?? vscode.l10n.t('General')} ${title ?? ''}`.trim();
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      return item;
    }
    const comment = node.item;
    const noPlace = hasNoPlace(comment);
    const item = new vscode.TreeItem(commentLabel(comment), vscode.TreeItemCollapsibleState.None);
    const state = comment.promise ? `[${comment.promise.label}] ` : '';
    // Groups (Ⅰ．…修正するもの) and shared responses as the published table showed them.
    const group = comment.group ? `${comment.group} · ` : '';
    const verification = comment.verification ? VERIFICATION_LABELS[comment.verification]() : '';
    item.description = [
      verification,
      state.trim(),
      comment.history,
      `${group}${comment.location ?? ''}`,
      shorten(comment.opinion, 40),
    ]
      .filter(Boolean)
      .join(' ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${commentLabel(comment)}** · ${comment.submitter ?? ''}`);
    if (comment.promise)
      tooltip.appendMarkdown(
        ` · ${comment.promise.label}${comment.promise.assignee ? ` · ${vscode.l10n.t('Assignee: {0}', comment.promise.assignee)}` : ''}`,
      );
    tooltip.appendMarkdown('\n\n');
    if (comment.group) tooltip.appendText(`${comment.group}\n\n`);
    if (comment.location) tooltip.appendText(`${comment.location}\n\n`);
    if (noPlace) tooltip.appendMarkdown(`_${vscode.l10n.t('No such place in the guideline (対応箇所なし)')}_\n\n`);
    tooltip.appendText(comment.opinion.trim());
    tooltip.appendMarkdown('\n\n---\n\n');
    if (comment.sharedResponse)
      tooltip.appendMarkdown(
        `_${vscode.l10n.t('Response shared by comments {0}', comment.sharedResponse.join(', '))}_\n\n`,
      );
    tooltip.appendText(comment.response.trim());
    item.tooltip = tooltip;
    item.iconPath = comment.promise
      ? PROMISE_ICONS[comment.promise.status]
      : noPlace
        ? DISPOSITION_ICONS.unresolved
        : (DISPOSITION_ICONS[comment.disposition] ?? DISPOSITION_ICONS.other);
    item.contextValue = comment.promise ? 'guideline.comment.promise' : 'guideline.comment';
    item.command = noPlace
      ? { command: 'guideline.openComment', title: vscode.l10n.t('Open Comment'), arguments: [comment] }
      : {
          command: 'guideline.openCommentTarget',
          title: vscode.l10n.t('Go to the Place in the Guideline'),
          arguments: [comment],
        };
    return item;
  }
}
