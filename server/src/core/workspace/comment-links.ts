/**
 * Links every public comment to the most specific guideline node that exists, across the
 * workspace's guidelines and comment rounds, and answers "what was said about this node" for
 * hovers, code lenses, diagnostics and the comments view.
 */
import type { CommentRecord, CommentRound } from '../comments/model';
import type { GuidelineDocument } from '../model/document';
import { locate, type MatchQuality } from '../model/locate';
import type { GuidelineNode } from '../model/node';
import { roundYear } from '../comments/round-year';
import type { GuidelineIndex } from './guideline-index';
import { roundTarget, type RoundTarget, type UnattachedReason } from './round-target';

export interface CommentLink {
  readonly round: CommentRound;
  readonly comment: CommentRecord;
  /** The guideline the comment resolved in; null when unresolved. */
  readonly document: GuidelineDocument | null;
  readonly node: GuidelineNode | null;
  readonly match: MatchQuality;
  /** What the 該当箇所 named but the guideline does not have. */
  readonly unresolved: readonly string[];
  /** Why the comment's round is about no guideline here (round-target.ts); absent when it is. */
  readonly unattached?: { readonly reason: UnattachedReason; readonly named: string | null };
}

export interface LinkOptions {
  /** Rounds the project file lists (comments.files), by URI: attached to the only guideline. */
  readonly declared?: (roundUri: string) => boolean;
}

const MATCH_RANK: Record<MatchQuality, number> = { exact: 5, item: 4, part: 3, section: 2, document: 1, none: 0 };

/**
 * Rounds in date order, oldest first. A round without a date sorts by the year its file name or
 * title gives, after the dated rounds of that year; rounds with neither keep their order, last.
 */
export function roundsInDateOrder(rounds: readonly CommentRound[]): CommentRound[] {
  const key = (round: CommentRound): string => round.date ?? (roundYear(round) ? `${roundYear(round)}-99` : '9999');
  return rounds
    .map((round, order) => ({ round, order, key: key(round) }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.order - b.order)
    .map((entry) => entry.round);
}

/** 図表5, 図3, 表2 (normalised half-width item keys). */
const FIGURE_KEY = /^(?:図表|図|表)\d+$/;

function linkComment(
  round: CommentRound,
  comment: CommentRecord,
  index: GuidelineIndex,
  target: RoundTarget = roundTarget(round, index.all()),
): CommentLink {
  const location = comment.location;
  const document = target.document;
  if (!document) {
    return {
      round,
      comment,
      document: null,
      node: null,
      match: 'none',
      unresolved: [],
      unattached: { reason: target.reason ?? 'no-guideline', named: target.named },
    };
  }
  if (!location || !location.section) {
    // 「P.12の図表3について」: figures are numbered through the document, so one names a place alone.
    const figure = location?.items.find((item) => FIGURE_KEY.test(item));
    const found = figure ? locate(document, { section: null, part: null, items: [figure] }) : null;
    if (found?.match === 'exact') return { round, comment, document, node: found.node, match: 'exact', unresolved: [] };
    // A general comment, or one that names only a part or page without a section.
    return { round, comment, document, node: document.root, match: 'document', unresolved: [] };
  }
  // Only the round's own guideline: a 3.6.1 of another document is not this comment's 3.6.1.
  const candidates = index.sectionsNumbered(location.section, document.uri).filter((h) => h.document === document);
  let best: CommentLink | null = null;
  for (const { document } of candidates) {
    const result = locate(document, { section: location.section, part: location.part, items: location.items });
    if (!best || MATCH_RANK[result.match] > MATCH_RANK[best.match]) {
      best = { round, comment, document, node: result.node, match: result.match, unresolved: result.unresolved };
    }
    if (result.match === 'exact') break;
  }
  return (
    best ?? {
      round,
      comment,
      document: null,
      node: null,
      match: 'none',
      unresolved: [location.section, ...(location.part ? [location.part] : []), ...location.items],
    }
  );
}

/**
 * All links of the workspace, computed once per change of the guidelines or the rounds.
 * Queries compare nodes by document and id, since snapshots are replaced on every edit.
 */
export class CommentLinks {
  readonly links: readonly CommentLink[];
  private readonly byDocument = new Map<string, CommentLink[]>();

  constructor(rounds: readonly CommentRound[], index: GuidelineIndex, options: LinkOptions = {}) {
    const links: CommentLink[] = [];
    const documents = index.all();
    for (const round of roundsInDateOrder(rounds)) {
      const target = roundTarget(round, documents, options.declared?.(round.uri) ?? false);
      for (const comment of round.comments) links.push(linkComment(round, comment, index, target));
    }
    this.links = links;
    for (const link of links) {
      if (!link.document) continue;
      const list = this.byDocument.get(link.document.uri);
      if (list) list.push(link);
      else this.byDocument.set(link.document.uri, [link]);
    }
  }

  /** Comments whose target is exactly this node, newest round first. */
  on(documentUri: string, node: GuidelineNode): CommentLink[] {
    return newestFirst(
      (this.byDocument.get(documentUri) ?? []).filter((l) => l.node?.id === node.id && l.node.kind === node.kind),
    );
  }

  /** Comments on this node and everything under it, newest round first. */
  within(documentUri: string, node: GuidelineNode): CommentLink[] {
    if (node.kind === 'document') return newestFirst(this.byDocument.get(documentUri) ?? []);
    return newestFirst(
      (this.byDocument.get(documentUri) ?? []).filter(
        (l) => l.node && l.node.start >= node.start && l.node.end <= node.end && l.node.kind !== 'document',
      ),
    );
  }

  forDocument(documentUri: string): CommentLink[] {
    return this.byDocument.get(documentUri) ?? [];
  }

  /** Comments whose place was not found in their guideline (not those about no guideline here). */
  unresolved(): CommentLink[] {
    return this.links.filter((l) => l.match === 'none' && !l.unattached);
  }

  /** Comments of rounds about no guideline of the workspace. */
  unattached(): CommentLink[] {
    return this.links.filter((l) => l.unattached);
  }

  forRound(roundUri: string): CommentLink[] {
    return this.links.filter((l) => l.round.uri === roundUri);
  }
}

/** Links are held oldest round first; views show the newest first, numbers ascending within. */
function newestFirst(links: CommentLink[]): CommentLink[] {
  const order = new Map<CommentRound, number>();
  for (const link of links) if (!order.has(link.round)) order.set(link.round, order.size);
  return [...links].sort((a, b) => order.get(b.round)! - order.get(a.round)! || a.comment.number - b.comment.number);
}

/**
 * The loaded comment that decided a term (`{ round: '2015', number: 6 }`): a round of that year
 * (by its date, else its title or file name) with a comment of that number.
 */
export function decidingComment(links: CommentLinks, decision: { round: string; number: number }): CommentLink | null {
  const ofYear = (round: CommentRound): boolean => roundYear(round) === decision.round;
  return links.links.find((l) => l.comment.number === decision.number && ofYear(l.round)) ?? null;
}
