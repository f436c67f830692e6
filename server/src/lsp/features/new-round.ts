/**
 * `guideline/newRound` (「新しい回を作成」): the received table is read as any comment document (the
 * workspace's copy when the server has it, else the file's bytes), drafted into a new round's YAML
 * (core/comments/new-round.ts), and returned with the guideline it is about; the client writes it.
 */
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { basename } from 'node:path';
import { localize } from '../../core/i18n/locale';
import type { CommentRound } from '../../core/comments/model';
import { newRoundFromReceived, NO_RECEIVED_COMMENTS } from '../../core/comments/new-round';
import { roundTarget } from '../../core/workspace/round-target';
import { EXPORTED_TABLE } from '../../core/comments/export-marker';
import { unreadableDescription } from '../../core/comments/unreadable';
import { isMarkedExport, readCommentFile } from '../../host/comments/read-comment-file';
import { readBytesFile } from '../../host/files';
import { GuidelineErrorCodes, NewRoundRequest, type NewRoundResult } from '../../protocol/protocol';
import type { ServerState } from '../state';
import { URI } from '../uri';

/** The received round, or the reason (in the user's language) it cannot be one. */
async function receivedRound(state: ServerState, uri: string): Promise<CommentRound | string> {
  const known = state.commentRound(uri);
  if (known) return known;
  const path = URI.toPath(uri);
  if (!path) return localize(state.locale, NO_RECEIVED_COMMENTS, { file: uri });
  const read = await readBytesFile(path);
  if ('error' in read) return `${basename(path)}: ${localize(state.locale, read.error)}`;
  if (isMarkedExport(path, read.bytes)) return `${basename(path)}: ${localize(state.locale, EXPORTED_TABLE)}`;
  try {
    const round = await readCommentFile(path, uri, read.bytes, true);
    if (round) return round;
  } catch (error) {
    return `${basename(path)}: ${(error as Error).message}`;
  }
  return `${basename(path)}: ${localize(state.locale, unreadableDescription(read.bytes))}`;
}

export function registerNewRoundRequest(connection: Connection, state: ServerState, ready: Promise<void>): void {
  connection.onRequest(NewRoundRequest, async (params): Promise<NewRoundResult> => {
    await ready;
    const round = await receivedRound(state, params.uri);
    const fail = (message: string) => new ResponseError(GuidelineErrorCodes.NotCommentDocument, message);
    if (typeof round === 'string') throw fail(round);
    if (round.comments.length === 0) {
      const reason = round.problems.find((p) => p.severity === 'error')?.message;
      const file = basename(URI.toPath(params.uri) ?? params.uri);
      throw fail(
        reason ? `${file}: ${localize(state.locale, reason)}` : localize(state.locale, NO_RECEIVED_COMMENTS, { file }),
      );
    }
    const drafted = newRoundFromReceived(round, params.responses);
    const target = roundTarget(round, state.allGuidelines()).document;
    return {
      yaml: drafted.yaml,
      title: round.title,
      comments: drafted.comments,
      withResponses: drafted.withResponses,
      renumbered: drafted.renumbered,
      guidelineUri: target?.uri ?? null,
    };
  });
}
