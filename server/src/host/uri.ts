/**
 * One identity per file. Node's `pathToFileURL` and VS Code spell the same file differently
 * (`(案)` vs `%28案%29`, `file:///C:/` vs `file:///c%3A/`), and a file indexed under both
 * spellings showed up twice and stayed as a ghost after deletion. Every URI that enters the server
 * or the CLI goes through `uriKey`, which spells it as VS Code does (vscode-uri), and every URI
 * made from a path is made by `uriFromPath`, which spells it the same way.
 */
import { URI } from 'vscode-uri';

const MAX_CACHED = 10000;
const keys = new Map<string, string>();

/** The canonical spelling of a URI (VS Code's); a string that is not a URI is returned as it is. */
export function uriKey(uri: string): string {
  const hit = keys.get(uri);
  if (hit !== undefined) return hit;
  let key = uri;
  try {
    if (/^[a-z][\w+.-]*:/i.test(uri)) key = URI.parse(uri).toString();
  } catch {
    // Not a URI the parser accepts: it is its own key.
  }
  if (keys.size >= MAX_CACHED) keys.clear();
  keys.set(uri, key);
  return key;
}

/** Whether two URIs name the same file. */
export function sameUri(a: string, b: string): boolean {
  return a === b || uriKey(a) === uriKey(b);
}

/** The file URI of a path, spelled as VS Code spells it. */
export function uriFromPath(path: string): string {
  return URI.file(path).toString();
}

/** The file system path of a `file:` URI; undefined for other schemes. */
export function pathFromUri(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** The decoded path part of any URI, for extension checks and display. */
export function uriPath(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}
