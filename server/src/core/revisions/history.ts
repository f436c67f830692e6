/**
 * Comment history across renumbering: a comment made on an earlier version attaches to the node of
 * the current version its target was aligned with (the 2015 comment on 「3.8.3」 shows on today's
 * 3.9.3, labelled 「（2015年案では 3.8.3）」); a comment whose target was deleted is listed under
 * 「削除された箇所」 on the nearest section that survived.
 */
import type { CommentRecord, CommentRound } from '../comments/model';
import { roundYear } from '../comments/round-year';
import { localize, type Locale } from '../i18n/locale';
import { locate } from '../model/locate';
import type { GuidelineNode } from '../model/node';
import type { Alignment, VersionNode } from './align';
import type { PromiseCheck, PromiseStatus } from './verify';

export interface HistoryEntry {
  readonly round: CommentRound;
  readonly comment: CommentRecord;
  readonly versionLabel: string;
  /** The target in the version the comment was made on. */
  readonly old: VersionNode | null;
  /** The aligned node now; null when deleted (or never found). */
  readonly current: VersionNode | null;
  /** For a deleted target: the current counterpart of its nearest surviving ancestor. */
  readonly survivor: VersionNode | null;
  /** Whether a promised change was made (accepted comments only). */
  readonly status?: PromiseStatus;
}

const TEXT = {
  was: { ja: '（{year}案では {old}）', en: '({old} in the {year} draft)' },
  wasNoYear: { ja: '（{version}では {old}）', en: '({old} in {version})' },
  deleted: { ja: '削除された箇所', en: 'Deleted places' },
} as const;

export const DELETED_PLACES = TEXT.deleted;

function nearestSurvivor(alignment: Alignment, v: VersionNode): VersionNode | null {
  for (let a = v.parent; a; a = a.parent) {
    const partner = alignment.rowOf(a.node)?.new;
    if (partner) return partner;
  }
  return null;
}

/** Every comment of `rounds` (made on `alignment.oldDocument`) placed in the current version. */
export function commentHistory(
  rounds: readonly CommentRound[],
  alignment: Alignment,
  versionLabel: string,
  checks: readonly PromiseCheck[] = [],
): HistoryEntry[] {
  const statusOf = new Map(checks.map((c) => [c.comment, c.status]));
  const entries: HistoryEntry[] = [];
  for (const round of rounds) {
    for (const comment of round.comments) {
      const location = comment.location;
      const found = location?.section
        ? locate(alignment.oldDocument, { section: location.section, part: location.part, items: location.items })
        : null;
      const row = found?.node ? alignment.rowOf(found.node) : undefined;
      const old = row?.old ?? null;
      const current = row?.new ?? null;
      const status = statusOf.get(comment);
      entries.push({
        round,
        comment,
        versionLabel,
        old,
        current,
        survivor: old && !current ? nearestSurvivor(alignment, old) : null,
        ...(status ? { status } : {}),
      });
    }
  }
  return entries;
}

/** 「（2015年案では 3.8.3）」 when the place had another number in the comment's version; else ''. */
export function historyLabel(entry: HistoryEntry, locale: Locale): string {
  if (!entry.old) return '';
  const oldSection = entry.old.section ?? entry.old.path[0];
  if (entry.current && entry.current.section === oldSection) return '';
  const year = roundYear(entry.round);
  return year
    ? localize(locale, TEXT.was, { year: locale === 'ja' ? `${year}年` : year, old: oldSection })
    : localize(locale, TEXT.wasNoYear, { version: entry.versionLabel, old: oldSection });
}

/** Entries whose current node lies inside `node` (or that were deleted under it). */
export function historyWithin(
  entries: readonly HistoryEntry[],
  node: GuidelineNode,
): { here: HistoryEntry[]; deleted: HistoryEntry[] } {
  const inside = (v: VersionNode | null) => v !== null && v.node.start >= node.start && v.node.end <= node.end;
  return {
    here: entries.filter((e) => inside(e.current)),
    deleted: entries.filter((e) => !e.current && e.old && e.survivor?.node === node),
  };
}

/**
 * Changes since the previous version per section of the current version: rows of the section's
 * own parts, items, notes and figures (and itself) that were modified, added, renumbered or moved,
 * and deleted nodes whose nearest surviving section it is.
 */
export function changesPerSection(alignment: Alignment): Map<GuidelineNode, number> {
  const counts = new Map<GuidelineNode, number>();
  const sectionOf = (v: VersionNode): VersionNode => {
    let s = v;
    while (!s.isContainer && s.parent) s = s.parent;
    return s;
  };
  const bump = (v: VersionNode | null): void => {
    if (!v) return;
    const key = sectionOf(v).node;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  // Nodes of the current version with a changed part, item, note or figure directly under them.
  const withChangedChild = new Set<VersionNode>();
  for (const row of alignment.rows)
    if (row.new?.parent && !row.new.isContainer && row.change !== 'unchanged') withChangedChild.add(row.new.parent);
  for (const row of alignment.rows) {
    if (row.new) {
      if (row.change === 'unchanged' && !row.renumbered && !row.moved) continue;
      // The innermost change counts, once: not the part and the section around a changed item.
      if (row.change === 'modified' && !row.renumbered && !row.moved && withChangedChild.has(row.new)) continue;
      if (row.change === 'added' && row.new.parent && alignment.rowOf(row.new.parent.node)?.change === 'added')
        continue;
      bump(row.new);
    } else if (row.old?.parent && alignment.rowOf(row.old.parent.node)?.new) {
      // A deleted node counts once, at its topmost deleted ancestor, on the section that survived.
      bump(nearestSurvivor(alignment, row.old));
    }
  }
  return counts;
}
