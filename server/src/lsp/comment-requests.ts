/**
 * Custom requests behind the client's comment commands and views (`guideline/…`). Their shapes are
 * the contract with client/src; the data comes from the core.
 */
import { localize } from '../core/i18n/locale';
import { UNATTACHED_MESSAGES } from '../core/workspace/round-target';
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { displayName, isNumberedContainer } from '../core/model/node';
import { ancestryAt } from '../core/model/document';
import { printYamlComments } from '../core/comments/formats/yaml';
import { printCsvComments } from '../core/comments/formats/csv';
import { toCommentsJson } from '../core/comments/formats/json';
import { exportCommentsCsv, exportCommentsMarkdown } from '../core/comments/export';
import { roundLabel } from '../core/workspace/comment-findings';
import { compareSections } from '../core/comments/location';
import { nodeForCommand, toCommentItem } from './features/comments';
import {
  CommentsAtRequest,
  CommentStatusRequest,
  CommentTreeRequest,
  ConvertCommentsRequest,
  ExportCommentsRequest,
  GuidelineErrorCodes,
  type CommentsAtResult,
  type CommentStatus,
  type CommentTreeResult,
  type CommentTreeRound,
} from '../protocol/protocol';
import type { ServerState } from './state';
import type { Guard } from './guard';

export function registerCommentRequests(
  connection: Connection,
  state: ServerState,
  guard: Guard,
  ready: Promise<void>,
): void {
  connection.onRequest(
    CommentsAtRequest,
    guard('commentsAt', { title: null, items: [] } as CommentsAtResult, async (params): Promise<CommentsAtResult> => {
      await ready;
      const doc = state.guideline(params.textDocument.uri);
      if (!doc) return { title: null, items: [] };
      const node =
        nodeForCommand(doc, params.position) ??
        ancestryAt(doc, doc.lines.offsetAt(params.position)).filter(isNumberedContainer).pop() ??
        doc.root;
      const links = state.commentLinks();
      const found =
        isNumberedContainer(node) || node.kind === 'document' ? links.within(doc.uri, node) : links.on(doc.uri, node);
      return { title: displayName(node), items: found.map((l) => toCommentItem(l, state.locale)) };
    }),
  );

  connection.onRequest(
    CommentTreeRequest,
    guard('commentTree', { rounds: [] } as CommentTreeResult, async (): Promise<CommentTreeResult> => {
      await ready;
      const links = state.commentLinks();
      const rounds = new Map<string, CommentTreeRound>();
      for (const link of links.links) {
        let entry = rounds.get(link.round.uri);
        if (!entry) {
          entry = {
            uri: link.round.uri,
            label: roundLabel(link.round, state.locale),
            title: link.round.title,
            date: link.round.date,
            items: [],
            unattached: link.unattached
              ? localize(state.locale, UNATTACHED_MESSAGES[link.unattached.reason], {
                  named: link.unattached.named ?? '',
                })
              : null,
          };
          rounds.set(link.round.uri, entry);
        }
        entry.items.push(toCommentItem(link, state.locale));
      }
      // Newest round first, as in hovers; within a round, sections in numeric order, general last.
      for (const round of rounds.values())
        round.items.sort((a, b) => compareSections(a.section, b.section) || a.number - b.number);
      return { rounds: [...rounds.values()].reverse() };
    }),
  );

  connection.onRequest(
    CommentStatusRequest,
    guard(
      'status',
      { kind: null, linked: 0, unresolved: 0, accepted: 0 } as CommentStatus,
      async (params): Promise<CommentStatus> => {
        await ready;
        const uri = params.textDocument.uri;
        const links = state.commentLinks();
        if (state.commentRound(uri)) {
          const own = links.forRound(uri);
          return {
            kind: 'comments',
            linked: own.filter((l) => l.match !== 'none').length,
            unresolved: own.filter((l) => l.match === 'none').length,
            accepted: own.filter((l) => l.comment.disposition === 'accepted').length,
          };
        }
        if (!state.guideline(uri)) return { kind: null, linked: 0, unresolved: 0, accepted: 0 };
        const own = links.forDocument(uri);
        return {
          kind: 'guideline',
          linked: own.length,
          unresolved: links.unresolved().length,
          accepted: own.filter((l) => l.comment.disposition === 'accepted').length,
        };
      },
    ),
  );

  connection.onRequest(ConvertCommentsRequest, async (params) => {
    await ready;
    const round = state.commentRound(params.uri);
    if (!round) throw new ResponseError(GuidelineErrorCodes.NotCommentDocument, localizedNotComments(state));
    switch (params.format) {
      case 'yaml':
        return { text: printYamlComments(round) };
      case 'json':
        return { text: `${JSON.stringify(toCommentsJson(round), null, 2)}\n` };
      case 'csv':
        return { text: printCsvComments(round, { bom: true }) };
      default:
        throw new ResponseError(GuidelineErrorCodes.UnknownFormat, `unknown format ${String(params.format)}`);
    }
  });

  connection.onRequest(ExportCommentsRequest, async (params) => {
    await ready;
    const round = state.commentRound(params.uri);
    if (!round) throw new ResponseError(GuidelineErrorCodes.NotCommentDocument, localizedNotComments(state));
    const options = { order: params.order, locale: state.locale, disposition: true };
    return {
      text: params.format === 'csv' ? exportCommentsCsv(round, options) : exportCommentsMarkdown(round, options),
    };
  });
}

function localizedNotComments(state: ServerState): string {
  return state.locale === 'ja'
    ? 'このファイルは意見の文書として読み取れません。'
    : 'This file is not a comment document.';
}
