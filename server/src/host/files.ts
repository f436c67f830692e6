/** Discovery of the workspace's guideline files on disk (the core does no I/O). */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeBytes, type DecodeProblem, type TextEncoding } from '../core/text/encoding';
import { filled, type Localized } from '../core/i18n/locale';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 2000;

/**
 * node:fs's callback functions as promises. node:fs/promises would cost every CLI run ~2 ms to load
 * (it pulls in readline and the stream modules) and reads a file in several round trips.
 */
export const readFile = promisify(fs.readFile);
const readdir = promisify(fs.readdir);
export const stat = promisify(fs.stat);

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

const READ_ERRORS = {
  tooLarge: {
    ja: 'ファイルが大きすぎるため読みません（{size} バイト。上限は {max} バイト）',
    en: 'file larger than {max} bytes ({size} bytes): not read',
  },
  missing: { ja: 'ファイルがありません', en: 'no such file' },
  denied: { ja: 'ファイルを読む権限がありません', en: 'permission denied' },
  folder: { ja: 'ファイルではなくフォルダです', en: 'a folder, not a file' },
  other: { ja: 'ファイルを読めません（{detail}）', en: 'cannot read the file ({detail})' },
} satisfies Record<string, Localized>;

/** Said of a guideline that is not UTF-8 (the CLI and the server). */
export const ENCODING_NOTE: Localized = {
  ja: '{path}: {encoding} として読みました（ガイドラインは UTF-8 で保存することを勧めます）',
  en: '{path}: read as {encoding} (guidelines are best saved as UTF-8)',
};

/** Why a file could not be read, in the user's language (Node's own messages are English only). */
function readError(error: unknown): { error: Localized } {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { error: READ_ERRORS.missing };
  if (code === 'EACCES' || code === 'EPERM') return { error: READ_ERRORS.denied };
  if (code === 'EISDIR') return { error: READ_ERRORS.folder };
  return { error: filled(READ_ERRORS.other, { detail: code ?? String((error as Error)?.message ?? error) }) };
}

function tooLarge(size: number, max = MAX_FILE_BYTES): { error: Localized } {
  return { error: filled(READ_ERRORS.tooLarge, { size, max }) };
}

/** Reads a text file (UTF-8, or the encoding its bytes show), or returns a reason it cannot be read. */
export async function readTextFile(path: string): Promise<ReadText | { error: Localized }> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) return tooLarge(info.size);
    const decoded = decodeBytes(await readFile(path));
    return { text: decoded.text, encoding: decoded.encoding, problems: decoded.problems };
  } catch (error) {
    return readError(error);
  }
}

export const isMarkdownFile = (name: string): boolean => /\.(md|markdown)$/i.test(name);

/** Reads a file's bytes (comment documents: the encoding is detected from them). */
export async function readBytesFile(
  path: string,
  maxBytes = MAX_FILE_BYTES,
): Promise<{ bytes: Uint8Array } | { error: Localized }> {
  try {
    const info = await stat(path);
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    return { bytes: await readFile(path) };
  } catch (error) {
    return readError(error);
  }
}

/** Files that may hold public comments; their content decides (see core/comments/read.ts). */
export function isCommentCandidate(path: string): boolean {
  return (
    /\.(txt|ya?ml|csv|tsv|json|pdf|xlsx|docx)$/i.test(path) &&
    !/(^|[\\/])(package(-lock)?|tsconfig[^\\/]*|\.?guideline\.config)\.json$/i.test(path)
  );
}
