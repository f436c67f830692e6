/** Discovery of the workspace's guideline files on disk (the core does no I/O). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBytes, type DecodeProblem, type TextEncoding } from '../core/text/encoding';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 2000;

export async function findFiles(root: string, accept: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0 && found.length < MAX_FILES) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) pending.push(join(dir, entry.name));
      } else if (entry.isFile() && accept(entry.name)) {
        found.push(join(dir, entry.name));
      }
    }
  }
  return found.sort();
}

export interface ReadText {
  readonly text: string;
  /** How the bytes were decoded: guidelines are UTF-8, but a Shift_JIS file is read as such. */
  readonly encoding: TextEncoding;
  readonly problems: readonly DecodeProblem[];
}

/** Reads a text file (UTF-8, or the encoding its bytes show), or returns a reason it cannot be read. */
export async function readTextFile(path: string): Promise<ReadText | { error: string }> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) return { error: `file larger than ${MAX_FILE_BYTES} bytes` };
    const decoded = decodeBytes(await readFile(path));
    return { text: decoded.text, encoding: decoded.encoding, problems: decoded.problems };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export const isMarkdownFile = (name: string): boolean => /\.(md|markdown)$/i.test(name);

/** Reads a file's bytes (comment documents: the encoding is detected from them). */
export async function readBytesFile(
  path: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<{ bytes: Uint8Array } | { error: string }> {
  try {
    const info = await stat(path);
    if (info.size > maxBytes) return { error: `file larger than ${maxBytes} bytes` };
    return { bytes: await readFile(path) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Files that may hold public comments; their content decides (see core/comments/read.ts). */
export function isCommentCandidate(path: string): boolean {
  return (
    /\.(txt|ya?ml|csv|tsv|json)$/i.test(path) &&
    !/(^|[\\/])(package(-lock)?|tsconfig[^\\/]*|\.?guideline\.config)\.json$/i.test(path)
  );
}
