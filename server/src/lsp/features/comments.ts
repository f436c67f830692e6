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
import { roundLabel } from '../../core/workspace/comment-findings';
import { shorten } from '../../core/text/shorten';
import { excerpt } from '../../core/workspace/resolve-reference';
import { DISPOSITION_LABELS } from '../../core/comments/disposition';
import { localize, type Locale } from '../../core/i18n/locale';
import {
  isOpenPromise,
  PROMISE_LABELS,
  resolvePromise,
  type PromiseFeed,
  type PromiseState,
} from '../../core/comments/promise';

const MESSAGES = {
  lens: { ja: '意見 {count}件', en: '{count} comments' },
  lensAccepted: { ja: '意見 {count}件（修正 {accepted}）', en: '{count} comments ({accepted} accepted)' },
  heading: { ja: '意見 {count}件', en: '{count} comments' },
  rollup: { ja: '配下の箇所への意見 {count}件', en: '{count} comments on parts and items below' },
  response: { ja: '考え方', en: 'Response' },
  comment: { ja: '意見{number}', en: 'Comment {number}' },
  more: { ja: 'ほか {count}件。', en: '{count} more. ' },
  listAll: { ja: 'すべての意見を一覧で見る', en: 'List all comments' },
  openView: { ja: '意見ビューを開く', en: 'Open the comments view' },
  sharedResponse: { ja: '意見{numbers}への考え方（共通）', en: 'Response to comments {numbers} (shared)' },
  assignee: { ja: '担当：{name}', en: 'assignee: {name}' },
  lensOpen: {
    ja: '意見 {count}件（修正 {accepted}・未着手 {open}）',
    en: '{count} comments ({accepted} accepted, {open} not started)',
  },
  fullText: { ja: '全文', en: 'full text' },
  general: { ja: '全般', en: 'general' },
  linkedTo: { ja: '対応付け：{name}（{match}）', en: 'Linked to: {name} ({match})' },
  dispositionFromWording: {
    ja: '対応区分：**{label}**（考え方の文言から判定。書き換えると変わります）',
    en: 'Disposition: **{label}** (read from the response; it follows what you write)',
  },
  dispositionSet: {
    ja: '対応区分：**{label}**（disposition: で指定）',
    en: 'Disposition: **{label}** (set with disposition:)',
  },
  unresolved: { ja: '対応する箇所がガイドラインにありません。', en: 'No such place in the guidelines.' },
  match: {
    exact: { ja: '完全一致', en: 'exact' },
    item: { ja: '上位の項目', en: 'parent item' },
    part: { ja: '部分まで', en: 'part only' },
    section: { ja: '節まで', en: 'section only' },
    document: { ja: '文書全体', en: 'whole document' },
    none: { ja: '対応箇所なし', en: 'no such place' },
  },
} as const;

/** Comments shown in full in a hover; the rest are one click away. */
const HOVER_LIMIT = 5;

/** Up to `limit` links, promised changes not yet made first, then other promises; in their order. */
function mostRelevant(links: readonly CommentLink[], limit: number, feed?: PromiseFeed): CommentLink[] {
  if (links.length <= limit) return [...links];
  const rank = (l: CommentLink) => {
    const promise = linkPromise(l, feed);
    return isOpenPromise(promise) ? 0 : promise ? 1 : 2;
  };
  const chosen = new Set(
    links
      .map((link, i) => ({ link, i }))
      .sort((a, b) => rank(a.link) - rank(b.link) || a.i - b.i)
      .slice(0, Math.max(0, limit))
      .map((x) => x.link),
  );
  return links.filter((l) => chosen.has(l));
}

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

function commentHead(link: CommentLink, locale: Locale, withPlace: boolean, feed?: PromiseFeed): string {
  const { comment, round } = link;
  const promise = linkPromise(link, feed);
  const label = promise
    ? `${localize(locale, DISPOSITION_LABELS[comment.disposition])}・${localize(locale, PROMISE_LABELS[promise.status])}`
    : localize(locale, DISPOSITION_LABELS[comment.disposition]);
  const assignee = promise?.assignee ? ` · ${localize(locale, MESSAGES.assignee, { name: promise.assignee })}` : '';
  const place = withPlace && link.node ? ` · ${displayName(link.node)}` : '';
  const id = comment.id ?? String(comment.number);
  // A PDF, xlsx or docx has no lines to jump to: the link opens the file.
  const full = /^(?:pdf|xlsx|docx)$/.test(round.format)
    ? round.uri
    : uriAtPosition(round.uri, { line: comment.range.start.line });
  const group = comment.group ? ` · ${comment.group}` : '';
  return `**${localize(locale, MESSAGES.comment, { number: id })}**${group} · ${comment.submitter ?? '—'} · \`${label}\`${assignee}${place} · [${localize(locale, MESSAGES.fullText)}](${full})`;
}

const flat = (text: string, max: number) => shorten(text, max).replace(/\n/g, ' ');
const sameResponse = (text: string) => text.replace(/\s+/g, '');

/**
 * One round's comments: each with its opinion; a response shared word for word by several comments
 * (「意見1・12・19への考え方（共通）」) is shown once, after the last of them.
 */
function roundMarkdown(
  links: readonly CommentLink[],
  locale: Locale,
  withPlace: boolean,
  feed?: PromiseFeed,
): string[] {
  const byResponse = new Map<string, CommentLink[]>();
  for (const link of links) {
    const key = sameResponse(link.comment.response);
    if (!key) continue;
    byResponse.set(key, [...(byResponse.get(key) ?? []), link]);
  }
  const parts: string[] = [];
  for (const link of links) {
    const shared = byResponse.get(sameResponse(link.comment.response)) ?? [link];
    const head = `${commentHead(link, locale, withPlace, feed)}\n\n> ${flat(link.comment.opinion, 200)}`;
    if (shared.length < 2) {
      parts.push(`${head}\n\n${localize(locale, MESSAGES.response)}：${flat(link.comment.response, 300)}`);
    } else if (shared[shared.length - 1] === link) {
      const numbers = shared.map((l) => l.comment.id ?? l.comment.number).join(locale === 'ja' ? '・' : ', ');
      parts.push(
        `${head}\n\n${localize(locale, MESSAGES.sharedResponse, { numbers })}：${flat(link.comment.response, 300)}`,
      );
    } else parts.push(head);
  }
  return parts;
}

/** History grouped by round, newest round first (links arrive newest first). */
function historyMarkdown(
  links: readonly CommentLink[],
  locale: Locale,
  withPlace: boolean,
  feed?: PromiseFeed,
): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= links.length; i++) {
    if (i < links.length && links[i].round === links[start].round) continue;
    parts.push(
      `#### ${roundLabel(links[start].round, locale)}`,
      ...roundMarkdown(links.slice(start, i), locale, withPlace, feed),
    );
    start = i;
  }
  return parts.join('\n\n');
}

export function commentHover(
  links: CommentLinks,
  document: GuidelineDocument,
  position: Position,
  locale: Locale,
  feed?: PromiseFeed,
): Hover | null {
  const node = nodeWithMarkerAt(document, position);
  if (!node) return null;
  const own = links.on(document.uri, node);
  const below = isNumberedContainer(node) ? links.within(document.uri, node).filter((l) => !own.includes(l)) : [];
  if (own.length === 0 && below.length === 0) return null;
  const sections = [
    `**${displayName(node)}** — ${localize(locale, MESSAGES.heading, { count: own.length + below.length })}`,
  ];
  // The common case stays short: a few comments in full, the rest behind a link to the list.
  const shownOwn = mostRelevant(own, HOVER_LIMIT, feed);
  const shownBelow = mostRelevant(below, HOVER_LIMIT - shownOwn.length, feed);
  if (shownOwn.length > 0) sections.push(historyMarkdown(shownOwn, locale, false, feed));
  if (below.length > 0)
    sections.push(
      `---\n\n${localize(locale, MESSAGES.rollup, { count: below.length })}` +
        (shownBelow.length > 0 ? `\n\n${historyMarkdown(shownBelow, locale, true, feed)}` : ''),
    );
  const hidden = own.length + below.length - shownOwn.length - shownBelow.length;
  const list = `command:${SHOW_COMMENTS_COMMAND}?${encodeURIComponent(JSON.stringify([document.uri, node.selectionRange.start]))}`;
  const more = hidden > 0 ? localize(locale, MESSAGES.more, { count: hidden }) : '';
  sections.push(
    `${more}[${localize(locale, MESSAGES.listAll)}](${list}) · [${localize(locale, MESSAGES.openView)}](command:guideline.focusComments)`,
  );
  return { range: node.selectionRange, contents: { kind: 'markdown', value: sections.join('\n\n') } };
}

/** The link of the comment whose record is under the cursor in a comment file. */
function linkAt(links: CommentLinks, roundUri: string, position: Position): CommentLink | undefined {
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
  // Drafting a response: the disposition it makes, as the editor types.
  const responseRange = link.comment.fields?.response;
  if (responseRange && rangeContains(responseRange, position) && link.comment.response.trim() !== '') {
    const label = localize(locale, DISPOSITION_LABELS[link.comment.disposition]);
    const message = link.comment.dispositionOverride ? MESSAGES.dispositionSet : MESSAGES.dispositionFromWording;
    return { range: responseRange, contents: { kind: 'markdown', value: localize(locale, message, { label }) } };
  }
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

const SHOW_COMMENTS_COMMAND = 'guideline.showComments';

export function commentLenses(
  links: CommentLinks,
  document: GuidelineDocument,
  locale: Locale,
  feed?: PromiseFeed,
): CodeLens[] {
  const lenses: CodeLens[] = [];
  const all = links.forDocument(document.uri);
  if (all.length === 0) return lenses;
  const visit = (node: GuidelineNode): void => {
    if (isNumberedContainer(node)) {
      const within = links.within(document.uri, node);
      if (within.length > 0) {
        const accepted = within.filter((l) => l.comment.disposition === 'accepted').length;
        const open = within.filter((l) => isOpenPromise(linkPromise(l, feed))).length;
        const title =
          open > 0
            ? localize(locale, MESSAGES.lensOpen, { count: within.length, accepted, open })
            : accepted > 0
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

/** The state of the change a linked comment promises, or null. */
export function linkPromise(link: CommentLink, feed?: PromiseFeed): PromiseState | null {
  return resolvePromise(link.comment, feed?.(link.round.uri, link.comment.number));
}

export function toCommentItem(link: CommentLink, locale: Locale, feed?: PromiseFeed): CommentItem {
  const { comment, round } = link;
  const promise = linkPromise(link, feed);
  return {
    promise: promise && { ...promise, label: localize(locale, PROMISE_LABELS[promise.status]) },
    editable: round.format === 'yaml',
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
