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
import { exportComments, EXPORT_EXTENSIONS, EXPORT_FORMATS } from '../host/export/comment-export';
import { setRecordFields } from '../core/comments/formats/yaml-edit';
import { isOpenPromise, PROMISE_LABELS } from '../core/comments/promise';
import type { CommentLink } from '../core/workspace/comment-links';
import { roundLabel } from '../core/workspace/comment-findings';
import { compareSections } from '../core/comments/location';
import { linkPromise, nodeForCommand, toCommentItem } from './features/comments';
import {
  CommentsAtRequest,
  CommentStatusRequest,
  CommentTreeRequest,
  ConvertCommentsRequest,
  ExportCommentsRequest,
  GuidelineErrorCodes,
  SetCommentStatusRequest,
  GuidelineSectionsRequest,
  type CommentsAtResult,
  type CommentStatus,
  type CommentTreeResult,
  type CommentTreeRound,
} from '../protocol/protocol';
import type { ServerState } from './state';
import { URI } from './uri';
import { guidelineSections } from './features/workspace-symbols';
import { readTextFile } from '../host/files';
import type { Guard } from './guard';

export function registerCommentRequests(
  connection: Connection,
  state: ServerState,
  guard: Guard,
  ready: Promise<void>,
  /** Rounds made on earlier versions, placed through the alignment (lsp/revisions.ts); oldest last. */
  versionRounds: () => CommentTreeRound[] = () => [],
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
      return { title: displayName(node), items: found.map((l) => toCommentItem(l, state.locale, state.promiseFeed)) };
    }),
  );

  connection.onRequest(
    CommentTreeRequest,
    guard('commentTree', { rounds: [] } as CommentTreeResult, async (): Promise<CommentTreeResult> => {
      await ready;
      return commentTree(state, versionRounds);
    }),
  );

  connection.onRequest(
    CommentStatusRequest,
    guard(
      'status',
      { kind: null, linked: 0, unresolved: 0, accepted: 0, openPromises: 0 } as CommentStatus,
      async (params): Promise<CommentStatus> => {
        await ready;
        const uri = params.textDocument.uri;
        const links = state.commentLinks();
        const openPromises = (own: readonly CommentLink[]) =>
          own.filter((l) => isOpenPromise(linkPromise(l, state.promiseFeed))).length;
        if (state.commentRound(uri)) {
          const own = links.forRound(uri);
          return {
            kind: 'comments',
            linked: own.filter((l) => l.match !== 'none').length,
            unresolved: own.filter((l) => l.match === 'none').length,
            accepted: own.filter((l) => l.comment.disposition === 'accepted').length,
            openPromises: openPromises(own),
          };
        }
        if (!state.guideline(uri)) return { kind: null, linked: 0, unresolved: 0, accepted: 0, openPromises: 0 };
        const own = links.forDocument(uri);
        return {
          kind: 'guideline',
          linked: own.length,
          unresolved: links.unresolved().length,
          accepted: own.filter((l) => l.comment.disposition === 'accepted').length,
          openPromises: openPromises(own),
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
    if (!(EXPORT_FORMATS as readonly string[]).includes(params.format))
      throw new ResponseError(GuidelineErrorCodes.UnknownFormat, `unknown format ${String(params.format)}`);
    const out = await exportComments(round, params.format, {
      order: params.order,
      locale: state.locale,
      disposition: true,
      promise: round.comments.some((c) => c.disposition === 'accepted'),
      ...(state.promiseFeed ? { promiseFeed: state.promiseFeed } : {}),
    });
    return {
      text: out.text,
      data: Buffer.from(out.bytes).toString('base64'),
      extension: EXPORT_EXTENSIONS[params.format],
      unmappable: [...out.unmappable],
    };
  });

  connection.onRequest(
    GuidelineSectionsRequest,
    guard('sections', [], async (params) => {
      await ready;
      return guidelineSections(state.allGuidelines(), params.query);
    }),
  );

  connection.onRequest(SetCommentStatusRequest, async (params) => {
    await ready;
    const round = state.commentRound(params.uri);
    const current = round?.format === 'yaml' ? await commentFileText(state, params.uri) : null;
    const edits =
      current !== null
        ? setRecordFields(current, params.number, {
            status: localize('ja', PROMISE_LABELS[params.status]),
            ...(params.assignee !== undefined ? { assignee: params.assignee } : {}),
            ...(params.notes !== undefined ? { notes: params.notes } : {}),
          })
        : null;
    if (!edits) throw new ResponseError(GuidelineErrorCodes.NotEditableStore, localize(state.locale, NOT_EDITABLE));
    return { edit: { changes: { [params.uri]: edits } } };
  });
}

/** The text of a comment file as the editor has it: the open document, else the file on disk. */
async function commentFileText(state: ServerState, uri: string): Promise<string | null> {
  const open = state.documents.get(uri);
  if (open) return open.getText();
  const path = URI.toPath(uri);
  if (!path) return null;
  const read = await readTextFile(path);
  return 'error' in read ? null : read.text;
}

const NOT_EDITABLE = {
  ja: '対応状況は YAML の意見ファイルに記録します。この意見の回を「意見ファイルを YAML に変換」で YAML にして保存してから設定してください。',
  en: 'Promise states are recorded in a YAML comment file. Convert this round with "Convert Comments to YAML", save it, then set the state there.',
} as const;

function localizedNotComments(state: ServerState): string {
  return state.locale === 'ja'
    ? 'このファイルは意見の文書として読み取れません。'
    : 'This file is not a comment document.';
}

/** Every round with its comments, newest first, as the comments view shows them. */
export function commentTree(state: ServerState, versionRounds: () => CommentTreeRound[]): CommentTreeResult {
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
    entry.items.push(toCommentItem(link, state.locale, state.promiseFeed));
  }
  // Newest round first, as in hovers; within a round, sections in numeric order, general last.
  for (const round of rounds.values())
    round.items.sort((a, b) => compareSections(a.section, b.section) || a.number - b.number);
  return { rounds: [...[...rounds.values()].reverse(), ...versionRounds()] };
}
