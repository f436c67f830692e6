/**
 * Long work in slices. Checking a large guideline for the first time takes seconds; done in one go
 * it would hold up every other request and ignore cancellation. The per-chunk analyses are cached,
 * so warming them a slice at a time, yielding to the event loop between slices, leaves the final
 * (synchronous) computation cheap, and lets a cancellation or a newer edit stop the work.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { GuidelineDocument } from '../core/model/document';
import type { CheckConfig } from '../core/checks/types';
import { analyzeChunk } from '../core/workspace/chunk-checks';

const SLICE_MS = 15;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function cancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled or superseded by a newer version', {
    retriggerRequest: true,
  });
}

/** Analyses every chunk of `document` with `config`, yielding every few milliseconds. */
export async function warmChecks(
  document: GuidelineDocument,
  config: CheckConfig,
  token: CancellationToken,
): Promise<void> {
  let sliceStart = performance.now();
  for (const chunk of document.chunks) {
    analyzeChunk(chunk, config);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      if (token.isCancellationRequested) throw cancelled();
      sliceStart = performance.now();
    }
  }
}
