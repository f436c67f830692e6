/**
 * Public comments in the editor: hover history on guideline nodes, hover on a comment's 該当箇所,
 * code lenses on section headings, go to definition from a comment to its node, and the data the
 * client's comments view and commands ask for.
 */
import type { CodeLens, Hover, Location, Position } from 'vscode-languageserver/node';
import type { CommentItem } from '../../protocol/protocol';
import { ancestryAt, containerOf, type GuidelineDocument } from '../../core/model/document';
import { displayName, isNumberedContainer, type GuidelineNode } from '../../core/model/node';
import { rangeContains, uriAtPosition } from '../../core/text/position';
import type { CommentLink, CommentLinks } from '../../core/workspace/comment-links';
import { roundLabel, shorten } from '../../core/workspace/comment-findings';
import { excerpt } from '../../core/workspace/resolve-reference';
import { DISPOSITION_LABELS } from '../../core/comments/disposition';
import type { CommentRound } from '../../core/comments/model';
import { localize, type Locale } from '../../core/i18n/locale';

const MESSAGES = {
  lens: { ja: '意見 {count}件', en: '{count} comments' },
  lensAccepted: { ja: '意見 {count}件（修正 {accepted}）', en: '{count} comments ({accepted} accepted)' },
  heading: { ja: '意見 {count}件', en: '{count} comments' },
  rollup: { ja: '配下の箇所への意見 {count}件', en: '{count} comments on parts and items below' },
  response: { ja: '考え方', en: 'Response' },
  fullText: { ja: '全文', en: 'full text' },
  general: { ja: '全般', en: 'general' },
  linkedTo: { ja: '対応付け：{name}（{match}）', en: 'Linked to: {name} ({match})' },
  unresolved: { ja: '対応する箇所がガイドラインにありません。', en: 'No such place in the guidelines.' },
  match: {
    exact: { ja: '完全一致', en: 'exact' },
    item: { ja: '上位の項目', en: 'parent item' },
    part: { ja: '部分まで', en: 'part only' },
    section: { ja: '節まで', en: 'section only' },
    document: { ja: '文書全体', en: 'whole document' },
    none: { ja: '未対応', en: 'unresolved' },
  },
} as const;

/** The node whose heading or marker is under the cursor, innermost first. */
export function nodeWithMarkerAt(document: GuidelineDocument, position: Position): GuidelineNode | null {
  const chain = ancestryAt(document, document.lines.offsetAt(position));
  for (let i = chain.length - 1; i > 0; i--) if (rangeContains(chain[i].selectionRange, position)) return chain[i];
  return null;
}

/** The node a command at the cursor is about: the marker under it, else the enclosing section. */
export function nodeForCommand(document: GuidelineDocument, position: Position): GuidelineNode | null {
  return (
    nodeWithMarkerAt(document, position) ??
    ancestryAt(document, document.lines.offsetAt(position)).filter(isNumberedContainer).pop() ??
    null
  );
}

function commentMarkdown(link: CommentLink, locale: Locale, withPlace: boolean): string {
  const { comment, round } = link;
  const label = DISPOSITION_LABELS[comment.disposition][locale];
  const place = withPlace && link.node ? ` · ${displayName(link.node)}` : '';
  const id = comment.id ?? String(comment.number);
  // A PDF, xlsx or docx has no lines to jump to: the link opens the file.
  const full = /^(?:pdf|xlsx|docx)$/.test(round.format)
    ? round.uri
    : uriAtPosition(round.uri, { line: comment.range.start.line });
  const group = comment.group ? ` · ${comment.group}` : '';
  const head = `**${locale === 'ja' ? `意見${id}` : `Comment ${id}`}**${group} · ${comment.submitter ?? '—'} · \`${label}\`${place} · [${localize(locale, MESSAGES.fullText)}](${full})`;
  const opinion = shorten(comment.opinion, 200).replace(/\n/g, ' ');
  const response = shorten(comment.response, 300).replace(/\n/g, ' ');
  return `${head}\n\n> ${opinion}\n\n${localize(locale, MESSAGES.response)}：${response}`;
}

/** History grouped by round, newest round first (links arrive newest first). */
function historyMarkdown(links: readonly CommentLink[], locale: Locale, withPlace: boolean): string {
  const parts: string[] = [];
  let currentRound: CommentRound | null = null;
  for (const link of links) {
    if (link.round !== currentRound) {
      currentRound = link.round;
      parts.push(`#### ${roundLabel(link.round, locale)}`);
    }
    parts.push(commentMarkdown(link, locale, withPlace));
  }
  return parts.join('\n\n');
}

export function commentHover(
  links: CommentLinks,
  document: GuidelineDocument,
  position: Position,
  locale: Locale,
): Hover | null {
  const node = nodeWithMarkerAt(document, position);
  if (!node) return null;
  const own = links.on(document.uri, node);
  const below = isNumberedContainer(node) ? links.within(document.uri, node).filter((l) => !own.includes(l)) : [];
  if (own.length === 0 && below.length === 0) return null;
  const sections = [
    `**${displayName(node)}** — ${localize(locale, MESSAGES.heading, { count: own.length + below.length })}`,
  ];
  if (own.length > 0) sections.push(historyMarkdown(own, locale, false));
  if (below.length > 0)
    sections.push(
      `---\n\n${localize(locale, MESSAGES.rollup, { count: below.length })}\n\n${historyMarkdown(below, locale, true)}`,
    );
  return { range: node.selectionRange, contents: { kind: 'markdown', value: sections.join('\n\n') } };
}

/** The link of the comment whose record is under the cursor in a comment file. */
export function linkAt(links: CommentLinks, roundUri: string, position: Position): CommentLink | undefined {
  return links
    .forRound(roundUri)
    .find(
      (l) =>
        rangeContains(l.comment.fields?.location ?? l.comment.range, position) ||
        rangeContains(l.comment.range, position),
    );
}

export function commentFileHover(
  links: CommentLinks,
  roundUri: string,
  position: Position,
  locale: Locale,
): Hover | null {
  const link = linkAt(links, roundUri, position);
  if (!link) return null;
  const locationRange = link.comment.fields?.location;
  if (!locationRange || !rangeContains(locationRange, position)) return null;
  if (!link.node || !link.document)
    return { range: locationRange, contents: { kind: 'markdown', value: localize(locale, MESSAGES.unresolved) } };
  const value = [
    localize(locale, MESSAGES.linkedTo, {
      name: displayName(link.node),
      match: localize(locale, MESSAGES.match[link.match]),
    }),
    '',
    '```text',
    excerpt(link.document, link.node, 8, 600),
    '```',
  ].join('\n');
  return { range: locationRange, contents: { kind: 'markdown', value } };
}

export function commentDefinition(links: CommentLinks, roundUri: string, position: Position): Location[] | null {
  const link = linkAt(links, roundUri, position);
  if (!link?.node || !link.document || link.node.kind === 'document') return null;
  return [{ uri: link.document.uri, range: link.node.selectionRange }];
}

export function commentReferences(links: CommentLinks, document: GuidelineDocument, node: GuidelineNode): Location[] {
  return links
    .within(document.uri, node)
    .map((l) => ({ uri: l.round.uri, range: l.comment.fields?.location ?? l.comment.range }));
}

export const SHOW_COMMENTS_COMMAND = 'guideline.showComments';

export function commentLenses(links: CommentLinks, document: GuidelineDocument, locale: Locale): CodeLens[] {
  const lenses: CodeLens[] = [];
  const all = links.forDocument(document.uri);
  if (all.length === 0) return lenses;
  const visit = (node: GuidelineNode): void => {
    if (isNumberedContainer(node)) {
      const within = links.within(document.uri, node);
      if (within.length > 0) {
        const accepted = within.filter((l) => l.comment.disposition === 'accepted').length;
        const title =
          accepted > 0
            ? localize(locale, MESSAGES.lensAccepted, { count: within.length, accepted })
            : localize(locale, MESSAGES.lens, { count: within.length });
        lenses.push({
          range: node.selectionRange,
          command: { title, command: SHOW_COMMENTS_COMMAND, arguments: [document.uri, node.selectionRange.start] },
        });
      }
    }
    for (const child of node.children) if (child.kind !== 'item' && child.kind !== 'note') visit(child);
  };
  visit(document.root);
  return lenses;
}

export function toCommentItem(link: CommentLink, locale: Locale): CommentItem {
  const { comment, round } = link;
  return {
    roundUri: round.uri,
    roundLabel: roundLabel(round, locale),
    number: comment.number,
    id: comment.id ?? String(comment.number),
    group: comment.group ?? null,
    partial: comment.partial ?? false,
    sharedResponse: comment.sharedResponse ?? null,
    submitter: comment.submitter,
    disposition: comment.disposition,
    dispositionLabel: DISPOSITION_LABELS[comment.disposition][locale],
    location: comment.location?.raw ?? null,
    opinion: comment.opinion,
    response: comment.response,
    range: comment.range,
    section: comment.location?.section ?? null,
    sectionTitle:
      link.document && link.node && link.node.kind !== 'document'
        ? (containerOf(link.document, link.node)?.title ?? null)
        : null,
    target:
      link.node && link.document
        ? {
            uri: link.document.uri,
            range: link.node.selectionRange,
            name: link.node.kind === 'document' ? localize(locale, MESSAGES.general) : displayName(link.node),
            match: link.match,
          }
        : null,
  };
}
