/**
 * Filters of the comments view: by disposition, promise state, submitter, round, free text, or the
 * comments whose 該当箇所 names no place in the guideline (対応箇所なし). Several combine (and).
 */
import * as vscode from 'vscode';
import type { CommentItem, CommentTreeRound, PromiseStatusKey } from '../../../server/src/protocol/protocol';

export interface CommentFilter {
  readonly disposition?: { key: string; label: string };
  readonly promise?: { key: PromiseStatusKey; label: string };
  readonly submitter?: string;
  readonly round?: { uri: string; label: string };
  readonly text?: string;
  readonly noPlace?: boolean;
}

export const NO_FILTER: CommentFilter = {};

export function hasNoPlace(item: CommentItem): boolean {
  return item.target === null || item.target.match === 'none';
}

export function matchesFilter(filter: CommentFilter, round: CommentTreeRound, item: CommentItem): boolean {
  if (filter.round && filter.round.uri !== round.uri) return false;
  if (filter.disposition && item.disposition !== filter.disposition.key) return false;
  if (filter.promise && item.promise?.status !== filter.promise.key) return false;
  if (filter.submitter && (item.submitter ?? '') !== filter.submitter) return false;
  if (filter.noPlace && !hasNoPlace(item)) return false;
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    const haystack = [item.opinion, item.response, item.location ?? '', item.submitter ?? '', String(item.number)];
    if (!haystack.some((h) => h.toLowerCase().includes(needle))) return false;
  }
  return true;
}

export function isFiltered(filter: CommentFilter): boolean {
  return Object.values(filter).some((v) => v !== undefined && v !== false);
}

/** What the view's title shows while a filter is on: 「絞り込み：修正あり・未着手」. */
export function describeFilter(filter: CommentFilter): string {
  const parts = [
    filter.round?.label,
    filter.disposition?.label,
    filter.promise?.label,
    filter.submitter,
    filter.noPlace ? vscode.l10n.t('no place in the guideline') : undefined,
    filter.text ? `“${filter.text}”` : undefined,
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? vscode.l10n.t('Filtered: {0}', parts.join(' · ')) : '';
}

/** Asks what to filter by, offering only the values the comments have. */
export async function askFilter(
  current: CommentFilter,
  rounds: readonly CommentTreeRound[],
): Promise<CommentFilter | undefined> {
  const items = rounds.flatMap((r) => r.items);
  const distinct = <T>(values: T[], key: (v: T) => string) => [...new Map(values.map((v) => [key(v), v])).values()];
  type Choice = vscode.QuickPickItem & { apply?: () => Promise<CommentFilter | undefined> | CommentFilter };
  const choices: Choice[] = [
    {
      label: `$(clear-all) ${vscode.l10n.t('Show all comments (clear the filter)')}`,
      apply: () => NO_FILTER,
    },
    {
      label: vscode.l10n.t('By disposition…'),
      apply: async () => {
        const values = distinct(items, (i) => i.disposition).map((i) => ({
          label: i.dispositionLabel,
          key: i.disposition,
        }));
        const picked = await vscode.window.showQuickPick(values, { title: vscode.l10n.t('By disposition') });
        return picked && { ...current, disposition: { key: picked.key, label: picked.label } };
      },
    },
    {
      label: vscode.l10n.t('By state of the promised change…'),
      apply: async () => {
        const values = distinct(
          items.filter((i) => i.promise),
          (i) => i.promise!.status,
        ).map((i) => ({ label: i.promise!.label, key: i.promise!.status }));
        const picked = await vscode.window.showQuickPick(values, {
          title: vscode.l10n.t('By state of the promised change'),
        });
        return picked && { ...current, promise: { key: picked.key, label: picked.label } };
      },
    },
    {
      label: vscode.l10n.t('By submitter…'),
      apply: async () => {
        const values = [...new Set(items.map((i) => i.submitter ?? ''))].filter(Boolean).map((label) => ({ label }));
        const picked = await vscode.window.showQuickPick(values, { title: vscode.l10n.t('By submitter') });
        return picked && { ...current, submitter: picked.label };
      },
    },
    {
      label: vscode.l10n.t('By round…'),
      apply: async () => {
        const picked = await vscode.window.showQuickPick(
          rounds.map((r) => ({ label: r.label, detail: r.title ?? undefined, uri: r.uri })),
          { title: vscode.l10n.t('By round') },
        );
        return picked && { ...current, round: { uri: picked.uri, label: picked.label } };
      },
    },
    {
      label: vscode.l10n.t('No place in the guideline (対応箇所なし)'),
      apply: () => ({ ...current, noPlace: true }),
    },
    {
      label: vscode.l10n.t('Containing text…'),
      apply: async () => {
        const text = await vscode.window.showInputBox({
          title: vscode.l10n.t('Comments containing'),
          value: current.text ?? '',
          placeHolder: vscode.l10n.t('e.g. クラウド'),
        });
        return text === undefined ? undefined : { ...current, text: text.trim() || undefined };
      },
    },
  ];
  const picked = await vscode.window.showQuickPick(choices, {
    title: vscode.l10n.t('Filter the comments view'),
    placeHolder: describeFilter(current) || undefined,
  });
  return picked?.apply?.();
}
