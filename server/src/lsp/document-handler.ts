/**
 * The skeleton every per-guideline request shares: guarded, waiting for the workspace where the
 * answer spans files, and answering the fallback for a URI that is not a guideline.
 */
import type { GuidelineDocument } from '../core/model/document';
import type { ServerState } from './state';
import type { Guard } from './guard';

export type GuidelineHandler = <P extends { textDocument: { uri: string } }, R>(
  name: string,
  fallback: R,
  handler: (doc: GuidelineDocument, params: P) => R | Promise<R>,
  options?: { waitForWorkspace?: boolean },
) => (params: P) => Promise<R>;

export function createGuidelineHandler(state: ServerState, guard: Guard, ready: Promise<void>): GuidelineHandler {
  return (name, fallback, handler, options) =>
    guard(name, fallback, async (params) => {
      if (options?.waitForWorkspace !== false) await ready;
      const doc = state.guideline(params.textDocument.uri);
      return doc ? handler(doc, params) : fallback;
    });
}
