/** Every handler runs guarded: a failure is logged and answered with a fallback, never a crash. */
import { ResponseError, type Connection } from 'vscode-languageserver/node';

export type Guard = <P extends unknown[], R>(
  name: string,
  fallback: R,
  handler: (...args: P) => R | Promise<R>,
) => (...args: P) => Promise<R>;

export function createGuard(connection: Connection): Guard {
  return (name, fallback, handler) =>
    async (...args) => {
      try {
        return await handler(...args);
      } catch (error) {
        // A deliberate protocol answer (a cancelled request) goes to the client as it is.
        if (error instanceof ResponseError) throw error;
        connection.console.error(`[${name}] ${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    };
}
