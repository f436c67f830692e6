/**
 * The 「例文との対応」 view: for the policy in the active editor, the guideline sections whose 例文 it
 * lacks or changed, each clause with its status; a click opens the 例文 (missing) or the policy's
 * clause (modified). The data comes from the server (`guideline/coverage`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CoverageRequest,
  type CoverageVersionsGroup,
  type CoverageVersionsItem,
  type CoverageViewItem,
  type CoverageViewResult,
  type CoverageViewSection,
} from '../../../server/src/protocol/protocol';

type Node =
  | { kind: 'summary'; result: CoverageViewResult }
  | { kind: 'section'; result: CoverageViewResult; section: CoverageViewSection }
  | { kind: 'item'; result: CoverageViewResult; item: CoverageViewItem }
  | { kind: 'versions'; result: CoverageViewResult; group: CoverageVersionsGroup }
  | { kind: 'versionItem'; result: CoverageViewResult; item: CoverageVersionsItem };

type Range = CoverageViewItem['guidelineRange'];

const toRange = (r: Range): vscode.Range =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class CoverageView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: CoverageViewResult | null = null;
  private uri: string | null = null;

  constructor(private readonly client: LanguageClient) {}

  /** Follows the active Markdown editor; other editors leave the view as it was. */
  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'markdown') this.uri = editor.document.uri.toString();
    this.result = null;
    this.changed.fire(undefined);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!this.uri) return [];
      this.result ??= await this.client.sendRequest(CoverageRequest, { uri: this.uri });
      const result = this.result;
      if (!result?.guidelineUri) return [];
      // The version group first: what a revision of the guideline asks of the policy now.
      const versions = result.versions ? [{ kind: 'versions' as const, result, group: result.versions }] : [];
      return [
        { kind: 'summary', result },
        ...versions,
        ...result.sections.map((section) => ({ kind: 'section' as const, result, section })),
      ];
    }
    if (node.kind === 'section')
      return node.section.items.map((item) => ({ kind: 'item' as const, result: node.result, item }));
    if (node.kind === 'versions')
      return node.group.items.map((item) => ({ kind: 'versionItem' as const, result: node.result, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'summary') {
      const s = node.result.summary!;
      const item = new vscode.TreeItem(node.result.guidelineTitle ?? '', vscode.TreeItemCollapsibleState.None);
      item.description = vscode.l10n.t(
        '{0} covered, {1} modified, {2} missing, {3} extra',
        s.covered,
        s.modified,
        s.missing,
        s.extra,
      );
      item.iconPath = new vscode.ThemeIcon('book');
      item.tooltip = node.result.guidelineUri ?? undefined;
      if (node.result.guidelineUri)
        item.command = {
          command: 'vscode.open',
          title: vscode.l10n.t('Open the guideline'),
          arguments: [vscode.Uri.parse(node.result.guidelineUri)],
        };
      return item;
    }
    if (node.kind === 'versions') return versionsGroupItem(node.group);
    if (node.kind === 'versionItem') return versionItem(node.result, node.item);
    if (node.kind === 'section') {
      const { section } = node;
      const item = new vscode.TreeItem(`${section.section} ${section.title}`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = section.policyLabel ? `→ ${section.policyLabel}` : vscode.l10n.t('not in the policy');
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      if (section.policyRange)
        item.command = {
          command: 'guideline.openCoverageItem',
          title: vscode.l10n.t('Open'),
          arguments: [node.result.policyUri, section.policyRange],
        };
      return item;
    }
    const { item: clause, result } = node;
    const item = new vscode.TreeItem(`${clause.name} ${clause.statusLabel}`, vscode.TreeItemCollapsibleState.None);
    item.description = clause.policyLabel ? `${clause.policyLabel} · ${clause.text}` : clause.text;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${clause.name}** · ${clause.statusLabel}\n\n`);
    tooltip.appendText(clause.text);
    if (clause.diff) {
      tooltip.appendMarkdown('\n\n---\n\n');
      for (const span of clause.diff) {
        if (span.kind === 'same') tooltip.appendText(span.text);
        else if (span.kind === 'removed') tooltip.appendMarkdown(`~~${escape(span.text)}~~`);
        else tooltip.appendMarkdown(`**${escape(span.text)}**`);
      }
    }
    item.tooltip = tooltip;
    item.iconPath =
      clause.status === 'missing'
        ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon('diff-modified', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    item.contextValue = `guideline.coverage.${clause.status}`;
    item.command =
      clause.status === 'modified' && clause.policyRange
        ? {
            command: 'guideline.openCoverageItem',
            title: vscode.l10n.t('Open'),
            arguments: [result.policyUri, clause.policyRange],
          }
        : {
            command: 'guideline.openCoverageItem',
            title: vscode.l10n.t('Open'),
            arguments: [result.guidelineUri, clause.guidelineRange],
          };
    return item;
  }
}

function versionsGroupItem(group: CoverageVersionsGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(
    group.title,
    group.items.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  const s = group.summary;
  item.description = vscode.l10n.t('{0} new, {1} changed, {2} not reflected', s.new, s.changed, s.unreflected);
  item.iconPath = new vscode.ThemeIcon('versions');
  item.contextValue = 'guideline.coverage.versions';
  return item;
}

/** An unreflected new or changed 例文 (opens the 例文, or the policy clause with the old wording) or a deleted one. */
function versionItem(result: CoverageViewResult, clause: CoverageVersionsItem): vscode.TreeItem {
  const item = new vscode.TreeItem(
    `${clause.section} ${clause.name} ${clause.label}`,
    vscode.TreeItemCollapsibleState.None,
  );
  item.description = clause.policyLabel ? `${clause.policyLabel} · ${clause.text}` : clause.text;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escape(`${clause.section} ${clause.name}`)}** · ${escape(clause.label)}\n\n`);
  if (clause.diff) {
    for (const span of clause.diff) {
      if (span.kind === 'same') tooltip.appendText(span.text);
      else if (span.kind === 'removed') tooltip.appendMarkdown(`~~${escape(span.text)}~~`);
      else tooltip.appendMarkdown(`**${escape(span.text)}**`);
    }
  } else tooltip.appendText(clause.text);
  item.tooltip = tooltip;
  item.iconPath =
    clause.change === 'deleted'
      ? new vscode.ThemeIcon('trash', new vscode.ThemeColor('problemsInfoIcon.foreground'))
      : new vscode.ThemeIcon(
          clause.change === 'new' ? 'diff-added' : 'diff-modified',
          new vscode.ThemeColor('problemsWarningIcon.foreground'),
        );
  item.contextValue = `guideline.coverage.version.${clause.change}`;
  // Where the old wording sits in the policy, else the 例文 to adopt.
  const [uri, range] = clause.policyRange
    ? [result.policyUri, clause.policyRange]
    : [result.guidelineUri, clause.guidelineRange];
  if (uri && range)
    item.command = { command: 'guideline.openCoverageItem', title: vscode.l10n.t('Open'), arguments: [uri, range] };
  return item;
}

const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|~<>]/g, '\\$&');

/** The view, its commands and what refreshes it. */
export function registerCoverageView(context: vscode.ExtensionContext, client: LanguageClient): CoverageView {
  const view = new CoverageView(client);
  context.subscriptions.push(
    vscode.window.createTreeView('guideline.coverage', { treeDataProvider: view, showCollapseAll: true }),
    vscode.commands.registerCommand('guideline.refreshCoverage', () => view.refresh()),
    vscode.commands.registerCommand('guideline.openCoverageItem', async (uri: string, range: Range) => {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      await vscode.window.showTextDocument(document, { selection: toRange(range), preview: true });
    }),
    vscode.window.onDidChangeActiveTextEditor(() => view.refresh()),
    vscode.languages.onDidChangeDiagnostics(() => view.refresh()),
  );
  return view;
}
