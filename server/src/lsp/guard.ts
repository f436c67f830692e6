/** Every handler runs guarded: a failure is logged and answered with a fallback, never a crash. */
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import { uriKey } from '../host/uri';

export type Guard = <P extends unknown[], R>(
  name: string,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
) => (...args: P) => Promise<R>;

export function createGuard(connection: Connection): Guard {
  return (name, fallback, handler) =>
    async (...args) => {
      try {
        return await handler(...(canonicalArgs(args) as typeof args));
      } catch (error) {
        // A deliberate protocol answer (a cancelled request) goes to the client as it is.
        if (error instanceof ResponseError) throw error;
        connection.console.error(`[${name}] ${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    };
}

/**
 * Handlers see one spelling per file: the document URI of the request is the key the server stores
 * documents by (VS Code writes `%28`, Node `(`; see host/uri.ts).
 */
function canonicalArgs(args: unknown[]): unknown[] {
  const params = args[0] as { textDocument?: { uri?: unknown }; uri?: unknown } | null | undefined;
  if (!params || typeof params !== 'object') return args;
  let copy = params;
  const documentUri = params.textDocument?.uri;
  if (typeof documentUri === 'string' && uriKey(documentUri) !== documentUri)
    copy = { ...copy, textDocument: { ...params.textDocument, uri: uriKey(documentUri) } };
  if (typeof params.uri === 'string' && uriKey(params.uri) !== params.uri) copy = { ...copy, uri: uriKey(params.uri) };
  return copy === params ? args : [copy, ...args.slice(1)];
}
